// One user-assigned managed identity per workload, each trusted only for its own Kubernetes
// ServiceAccount (deploy/k8s/base/*/serviceaccount.yaml) through the cluster's OIDC issuer.
param prefix string
param location string
param oidcIssuerUrl string
param kubernetesNamespace string
param tags object

var workloads = ['silo', 'gateway']

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = [for workload in workloads: {
  name: '${prefix}-${workload}'
  location: location
  tags: tags
}]

resource federation 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2023-01-31' = [for (workload, i) in workloads: {
  parent: identity[i]
  name: 'kubernetes-${workload}'
  properties: {
    issuer: oidcIssuerUrl
    subject: 'system:serviceaccount:${kubernetesNamespace}:${workload}'
    audiences: [
      'api://AzureADTokenExchange'
    ]
  }
}]

output siloPrincipalId string = identity[0].properties.principalId
output siloClientId string = identity[0].properties.clientId
output gatewayPrincipalId string = identity[1].properties.principalId
output gatewayClientId string = identity[1].properties.clientId

// Fabrikam Drone Delivery in one resource group: AKS, the registry it pulls from, Azure Storage
// (Orleans membership, grain state, reminders, checkpoints), Event Hubs for drone telemetry,
// Log Analytics, and one managed identity per workload with only the roles it needs.
//   az deployment group create -g <group> -f deploy/azure/main.bicep -p environmentName=prod
targetScope = 'resourceGroup'

@description('Short name of the environment, part of every resource name.')
@allowed(['dev', 'test', 'prod'])
param environmentName string = 'dev'

@description('Prefix of every resource name. Storage, registry and Event Hubs names are global: change it if one is taken.')
@minLength(2)
@maxLength(8)
param baseName string = 'fdd'

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Kubernetes namespace the workloads run in (deploy/k8s overlays): drone-delivery in prod, drone-delivery-<env> elsewhere.')
param kubernetesNamespace string = environmentName == 'prod' ? 'drone-delivery' : 'drone-delivery-${environmentName}'

@description('VM size of the AKS nodes.')
param nodeVmSize string = 'Standard_D4ds_v5'

@description('Nodes the cluster starts with and never goes below.')
@minValue(1)
@maxValue(100)
param nodeCount int = environmentName == 'prod' ? 3 : 2

@description('Most nodes the cluster autoscaler may add.')
@minValue(1)
@maxValue(1000)
param maxNodeCount int = environmentName == 'prod' ? 10 : 4

@description('Partitions of the telemetry hub: the upper bound of silos reading telemetry in parallel. Fixed once created on the Standard tier.')
@minValue(1)
@maxValue(32)
param telemetryPartitions int = environmentName == 'prod' ? 16 : 4

@description('Throughput units of the Event Hubs namespace.')
@minValue(1)
@maxValue(40)
param eventHubsCapacity int = environmentName == 'prod' ? 2 : 1

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = environmentName == 'prod' ? 90 : 30

var prefix = toLower('${baseName}-${environmentName}')
var compactPrefix = toLower('${baseName}${environmentName}')
var tags = {
  application: 'drone-delivery'
  environment: environmentName
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: '${prefix}-logs'
    location: location
    retentionDays: logRetentionDays
    tags: tags
  }
}

module cluster 'modules/aks.bicep' = {
  name: 'aks'
  params: {
    name: '${prefix}-aks'
    location: location
    tier: environmentName == 'prod' ? 'Standard' : 'Free'
    nodeVmSize: nodeVmSize
    nodeCount: nodeCount
    maxNodeCount: maxNodeCount
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    name: '${compactPrefix}acr'
    location: location
    sku: environmentName == 'prod' ? 'Standard' : 'Basic'
    pullPrincipalId: cluster.outputs.kubeletObjectId
    tags: tags
  }
}

module identities 'modules/identities.bicep' = {
  name: 'identities'
  params: {
    prefix: prefix
    location: location
    oidcIssuerUrl: cluster.outputs.oidcIssuerUrl
    kubernetesNamespace: kubernetesNamespace
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: '${compactPrefix}store'
    location: location
    telemetryQueues: telemetryPartitions
    siloPrincipalId: identities.outputs.siloPrincipalId
    gatewayPrincipalId: identities.outputs.gatewayPrincipalId
    tags: tags
  }
}

module eventHubs 'modules/eventhubs.bicep' = {
  name: 'eventhubs'
  params: {
    name: '${prefix}-events'
    location: location
    capacity: eventHubsCapacity
    partitions: telemetryPartitions
    receiverPrincipalId: identities.outputs.siloPrincipalId
    senderPrincipalId: identities.outputs.gatewayPrincipalId
    tags: tags
  }
}

@description('The cluster: az aks get-credentials -g <group> -n <aksName>.')
output aksName string = cluster.outputs.name

@description('Where images are pushed: az acr login -n <registry>.')
output registryLoginServer string = registry.outputs.loginServer

@description('Client id of the silos\' managed identity: the silo ServiceAccount\'s azure.workload.identity/client-id.')
output siloClientId string = identities.outputs.siloClientId

@description('Client id of the gateway\'s managed identity: the gateway ServiceAccount\'s azure.workload.identity/client-id.')
output gatewayClientId string = identities.outputs.gatewayClientId

@description('The overlay\'s azure.env: the endpoints the silos and gateways reach with their managed identities.')
output azureEnv string = join([
  'DroneDelivery__Storage__TableServiceUri=${storage.outputs.tableEndpoint}'
  'DroneDelivery__Storage__QueueServiceUri=${storage.outputs.queueEndpoint}'
  'DroneDelivery__Telemetry__EventHubs__FullyQualifiedNamespace=${eventHubs.outputs.fullyQualifiedNamespace}'
], '\n')

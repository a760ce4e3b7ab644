// Event Hubs for drone telemetry: the hub drones publish to (partition key = drone id) and the
// silos' consumer group. Entra ID only (no SAS keys): the silos may receive, the gateway may send.
param name string
param location string
param capacity int
param partitions int
param receiverPrincipalId string
param senderPrincipalId string
param tags object

var dataReceiver = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde')
var dataSender = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2b629674-e913-4c01-ae53-ef4638d8f975')

resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
    capacity: capacity
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

// Name and consumer group as in deploy/k8s/base/shared.env.
resource telemetry 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: namespace
  name: 'telemetry'
  properties: {
    partitionCount: partitions
    messageRetentionInDays: 1
  }
}

resource silos 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2024-01-01' = {
  parent: telemetry
  name: 'silos'
}

// Scoped to the one hub, not the namespace.
resource receive 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(telemetry.id, receiverPrincipalId, dataReceiver)
  scope: telemetry
  properties: {
    roleDefinitionId: dataReceiver
    principalId: receiverPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource send 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(telemetry.id, senderPrincipalId, dataSender)
  scope: telemetry
  properties: {
    roleDefinitionId: dataSender
    principalId: senderPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The host of https://<name>.servicebus.windows.net:443/, right for every Azure cloud.
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '//')[1], ':')[0]
output hubName string = telemetry.name
output consumerGroup string = silos.name

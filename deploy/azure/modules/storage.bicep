// Azure Storage for the cluster: tables for membership, grain state, stream subscriptions and
// checkpoints, and reminders; queues for the AzureQueue telemetry provider. Entra ID only (no
// shared keys): the silos and gateways sign in with their managed identities.
param name string
param location string
param telemetryQueues int
param siloPrincipalId string
param gatewayPrincipalId string
param tags object

// The tables the hosts use; they create them if missing, so this list only saves a first start.
var tables = [
  'OrleansSiloInstances'
  'OrleansReminders'
  'DroneDeliveryGrainState'
  'DroneDeliveryPubSub'
  'DroneDeliveryTelemetryCheckpoints'
]
var tableDataContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
var queueDataContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
// Silos and gateways alike write membership rows or read them, create tables and queues if
// missing, and send (gateway) or receive (silo) telemetry queue messages.
var assignments = [
  { principalId: siloPrincipalId, role: tableDataContributor }
  { principalId: siloPrincipalId, role: queueDataContributor }
  { principalId: gatewayPrincipalId, role: tableDataContributor }
  { principalId: gatewayPrincipalId, role: queueDataContributor }
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource table 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for tableName in tables: {
  parent: tableService
  name: tableName
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for i in range(0, telemetryQueues): {
  parent: queueService
  name: 'telemetry-${i}'
}]

resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for assignment in assignments: {
  name: guid(account.id, assignment.principalId, assignment.role)
  scope: account
  properties: {
    roleDefinitionId: assignment.role
    principalId: assignment.principalId
    principalType: 'ServicePrincipal'
  }
}]

output tableEndpoint string = account.properties.primaryEndpoints.table
output queueEndpoint string = account.properties.primaryEndpoints.queue

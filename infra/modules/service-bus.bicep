// The Service Bus namespace and the close queue. Reached only by Entra identity (local SAS auth disabled).

param location string
param tags object
param namespaceName string
param queueName string

@description('Duplicate detection window. At least the sender SDK\'s retry span, at most Orders__MinPaymentTimeout (README: "The close message").')
param duplicateDetectionWindow string = 'PT1M'

@description('How long a CloseOrder delivery holds its lock before renewal: covers its provider calls (README: "Deploy").')
param lockDuration string = 'PT2M'

@description('Deliveries before a message that keeps failing for now is dead-lettered.')
param maxDeliveryCount int = 10

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource queue 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: namespace
  name: queueName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    lockDuration: lockDuration
    maxDeliveryCount: maxDeliveryCount
    deadLetteringOnMessageExpiration: true
    requiresSession: false
    enablePartitioning: false
  }
}

output namespaceName string = namespace.name
output namespaceId string = namespace.id
output queueName string = queue.name
// serviceBusEndpoint is https://<namespace>.<suffix>:443/; the app wants the bare host (sovereign clouds differ in suffix).
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]

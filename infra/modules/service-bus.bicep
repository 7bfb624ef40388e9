// The Service Bus namespace, the close queue, the refund queue and the order events topic. Reached only by Entra identity (local SAS auth disabled).

param location string
param tags object
param namespaceName string
param queueName string
param refundQueueName string
param eventsTopicName string

@allowed([
  'Standard'
  'Premium'
])
@description('Standard: pay per operation. Premium: dedicated messaging units (docs/capacity.md says when).')
param sku string

@allowed([
  1
  2
  4
  8
  16
])
@description('Premium only: messaging units, at least the partition count.')
param messagingUnits int

@allowed([
  1
  2
  4
])
@description('Premium only: partitions of the namespace (1: not partitioned). Fixed once the namespace exists.')
param partitions int

@description('Duplicate detection window. At least the sender SDK\'s retry span, at most Orders__MinPaymentTimeout (README: "The close message").')
param duplicateDetectionWindow string = 'PT1M'

@description('How long a CloseOrder delivery holds its lock before renewal: covers its provider calls (README: "Deploy").')
param lockDuration string = 'PT2M'

@description('Deliveries before a message that keeps failing for now is dead-lettered.')
param maxDeliveryCount int = 10

@description('Order events duplicate detection window: covers a republish by the sweep (Orders__Sweep__EventGrace plus one sweep period; README: "Order events").')
param eventsDuplicateDetectionWindow string = 'PT10M'

@description('How long an order event waits for a subscription that does not read it.')
param eventsTimeToLive string = 'P14D'

var premium = sku == 'Premium'
// In a partitioned Premium namespace every entity is partitioned; a Standard queue stays whole (one broker, ordered sends).
var partitioned = premium && partitions > 1

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: premium ? {
    name: 'Premium'
    tier: 'Premium'
    capacity: messagingUnits
  } : {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: union({
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }, premium ? { premiumMessagingPartitions: partitions } : {})
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
    enablePartitioning: partitioned
  }
}

// Refunds of late payments (RefundLatePayment): settled, retried and dead-lettered like closes, so the same settings.
resource refundQueue 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: namespace
  name: refundQueueName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    lockDuration: lockDuration
    maxDeliveryCount: maxDeliveryCount
    deadLetteringOnMessageExpiration: true
    requiresSession: false
    enablePartitioning: partitioned
  }
}

// Order events (CloudEvents, MessageId = event id, Subject = event type). Subscriptions belong to their consumers.
resource eventsTopic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: eventsTopicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: eventsDuplicateDetectionWindow
    defaultMessageTimeToLive: eventsTimeToLive
    supportOrdering: false
    enablePartitioning: partitioned
  }
}

output namespaceName string = namespace.name
output namespaceId string = namespace.id
output eventsTopicName string = eventsTopic.name
output queueName string = queue.name
output refundQueueName string = refundQueue.name
// serviceBusEndpoint is https://<namespace>.<suffix>:443/; the app wants the bare host (sovereign clouds differ in suffix).
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]

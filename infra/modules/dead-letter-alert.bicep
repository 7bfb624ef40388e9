// Alerts when any message sits in the close queue's dead-letter queue: each one is an order nobody closed.

param tags object

@description('The namespace\'s resource id, from the Service Bus module\'s outputs: that makes this alert wait for the namespace.')
param serviceBusNamespaceId string

param queueName string
param alertName string

@description('Where the alert is mailed; empty: the alert fires in the portal only.')
param alertEmail string = ''

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: '${alertName}-ag'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'orderclose'
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

resource deadLetters 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: alertName
  location: 'global'
  tags: tags
  properties: {
    description: 'Dead-lettered close messages in ${queueName}: each is an order that was not closed. Inspect the dead-letter reason.'
    severity: 2
    enabled: true
    scopes: [
      serviceBusNamespaceId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'DeadletteredMessages'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          dimensions: [
            {
              name: 'EntityName'
              operator: 'Include'
              values: [
                queueName
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
          // A namespace created moments ago has published no metric yet; validation would refuse the alert.
          skipMetricValidation: true
        }
      ]
    }
    actions: empty(alertEmail) ? [] : [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

@description('The action group the other alerts notify too; empty when there is none.')
output actionGroupId string = empty(alertEmail) ? '' : actionGroup.id

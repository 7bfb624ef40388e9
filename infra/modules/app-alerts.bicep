// Alerts beyond the close queue's dead letters: closes settling late (the p99 of the lateness each settled close logs),
// payment provider calls failing (orderclose.provider.duration by outcome), refunds failing (orderclose.refunds) and
// the refund queue dead-lettering.

param location string
param tags object
param applicationInsightsName string
param alertNamePrefix string

@description('The namespace\'s resource id, from the Service Bus module\'s outputs: that makes this module wait for the namespace.')
param serviceBusNamespaceId string

param refundQueueName string

@description('The action group the alerts notify; empty: they fire in the portal only.')
param actionGroupId string

@description('Fires when the p99 close lateness over the window exceeds this (ms).')
param closeLatenessP99Ms int

@description('Fires when failed provider calls exceed this share of all provider calls over the window (percent).')
param providerErrorPercent int

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var actions = {
  actionGroups: empty(actionGroupId) ? [] : [
    actionGroupId
  ]
}

resource closeLateness 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${alertNamePrefix}-close-lateness'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    description: 'Closes settle late: the p99 of pay deadline to settled close is over ${closeLatenessP99Ms} ms. Look for cold starts, provider latency, a backlog of active close messages.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    // A component created moments ago has no traces yet.
    skipQueryValidation: true
    criteria: {
      allOf: [
        {
          query: loadTextContent('../alerts/close-lateness-p99.kql')
          metricMeasureColumn: 'p99'
          timeAggregation: 'Maximum'
          operator: 'GreaterThan'
          threshold: closeLatenessP99Ms
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: actions
  }
}

resource providerErrors 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${alertNamePrefix}-provider-errors'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    description: 'Payment provider calls fail: more than ${providerErrorPercent} % of them over the window were transient or rejected.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    skipQueryValidation: true
    criteria: {
      allOf: [
        {
          query: loadTextContent('../alerts/provider-error-percent.kql')
          metricMeasureColumn: 'errorPercent'
          timeAggregation: 'Maximum'
          operator: 'GreaterThan'
          threshold: providerErrorPercent
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: actions
  }
}

resource refundsFailed 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${alertNamePrefix}-refunds-failed'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    description: 'A refund of a late payment failed: the order needs a person (docs/refunds.md).'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    skipQueryValidation: true
    criteria: {
      allOf: [
        {
          query: loadTextContent('../alerts/refunds-failed.kql')
          metricMeasureColumn: 'failed'
          timeAggregation: 'Total'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: actions
  }
}

resource refundDeadLetters 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${alertNamePrefix}-refund-deadletters'
  location: 'global'
  tags: tags
  properties: {
    description: 'Dead-lettered refund messages in ${refundQueueName}: each is a late payment not refunded. Inspect the dead-letter reason.'
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
                refundQueueName
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
          skipMetricValidation: true
        }
      ]
    }
    actions: empty(actionGroupId) ? [] : [
      {
        actionGroupId: actionGroupId
      }
    ]
  }
}

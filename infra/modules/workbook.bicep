// The OrderClose workbook (Azure Monitor): orders, close lateness percentiles, provider errors, refunds, and the
// Service Bus queues' active, scheduled and dead-lettered messages. Its queries are in ../workbooks/orderclose.workbook.json.

param location string
param tags object

@description('A GUID: a workbook\'s resource name must be one.')
param workbookName string

param applicationInsightsName string

@description('The namespace\'s resource id, from the Service Bus module\'s outputs: that makes this module wait for the namespace.')
param serviceBusNamespaceId string

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var content = loadTextContent('../workbooks/orderclose.workbook.json')

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: workbookName
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'OrderClose'
    category: 'workbook'
    sourceId: applicationInsights.id
    version: 'Notebook/1.0'
    serializedData: replace(replace(content, '__APPLICATION_INSIGHTS_ID__', applicationInsights.id), '__SERVICE_BUS_NAMESPACE_ID__', serviceBusNamespaceId)
  }
}

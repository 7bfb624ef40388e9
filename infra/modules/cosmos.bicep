// Cosmos DB for NoSQL, serverless or provisioned with autoscale, Entra-only (local key auth disabled), with the orders container.

param location string
param tags object
param accountName string
param databaseName string
param containerName string

@allowed([
  'serverless'
  'autoscale'
])
@description('serverless: billed per request unit used. autoscale: provisioned throughput on the container, scaling 10 % to 100 % of its maximum.')
param throughputMode string

@minValue(1000)
@maxValue(1000000)
@description('autoscale only: the container\'s maximum RU/s, a multiple of 1000 (docs/capacity.md gives it per peak).')
param autoscaleMaxThroughput int

var serverless = throughputMode == 'serverless'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    capabilities: serverless ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

resource container 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = {
  parent: database
  name: containerName
  properties: {
    options: serverless ? {} : {
      autoscaleSettings: {
        maxThroughput: autoscaleMaxThroughput
      }
    }
    resource: {
      id: containerName
      partitionKey: {
        paths: [
          '/id'
        ]
        kind: 'Hash'
      }
      // The queries across partitions, each with the composite index its ORDER BY needs (a multi-property ORDER BY is
      // refused without one): CosmosOverdueOrders, the sweep's and the ops list's (state = 'NEW' AND payDeadline < cutoff
      // ORDER BY state, payDeadline), CosmosPendingOrderEvents (eventsPendingSince < cutoff ORDER BY eventsPendingSince, id)
      // and CosmosOutstandingRefunds, the ops list's (refund.status IN (...) ORDER BY refund.requestedAt, id).
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          {
            path: '/*'
          }
        ]
        compositeIndexes: [
          [
            {
              path: '/state'
              order: 'ascending'
            }
            {
              path: '/payDeadline'
              order: 'ascending'
            }
          ]
          [
            {
              path: '/eventsPendingSince'
              order: 'ascending'
            }
            {
              path: '/id'
              order: 'ascending'
            }
          ]
          [
            {
              path: '/refund/requestedAt'
              order: 'ascending'
            }
            {
              path: '/id'
              order: 'ascending'
            }
          ]
        ]
      }
    }
  }
}

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
output containerName string = container.name

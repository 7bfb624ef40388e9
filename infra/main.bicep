// OrderClose in one resource group: Function App (Flex Consumption), Service Bus, Cosmos DB, Key Vault,
// monitoring, and the role assignments that replace every key. Deploy with `azd up` or
// `az deployment group create` (README: "Deploy").
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('Environment name (azd: AZURE_ENV_NAME); with the resource group it makes resource names unique.')
param environmentName string

@description('Region of every resource; it must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Orders__DefaultPaymentTimeout: the payment timeout when a request names none (TimeSpan, hh:mm:ss).')
param defaultPaymentTimeout string = '00:30:00'

@description('SweepSchedule: when the sweep for overdue NEW orders runs (NCRONTAB with seconds).')
param sweepSchedule string = '0 */5 * * * *'

@description('Alipay__AppId: your Alipay application id; empty: no Alipay (ALIPAY orders are refused).')
param alipayAppId string = ''

@description('Alipay__GatewayUrl. The sandbox is https://openapi-sandbox.dl.alipaydev.com/gateway.do')
param alipayGatewayUrl string = 'https://openapi.alipay.com/gateway.do'

@description('WeChatPay__MchId: your WeChat Pay merchant id; empty: no WeChat Pay (WECHATPAY orders are refused).')
param wechatPayMchId string = ''

@description('WeChatPay__AppId: the app id bound to the merchant.')
param wechatPayAppId string = ''

@description('WeChatPay__MerchantSerialNo: the serial number of the merchant API certificate.')
param wechatPayMerchantSerialNo string = ''

@description('WeChatPay__PlatformPublicKeyId: the id of WeChat Pay\'s public key (PUB_KEY_ID_...).')
param wechatPayPlatformPublicKeyId string = ''

@description('WeChatPay__BaseUrl: the WeChat Pay API v3 host.')
param wechatPayBaseUrl string = 'https://api.mch.weixin.qq.com/'

@description('Payments__PublicBaseUrl: where payment providers reach the app (a custom domain, Front Door); empty: the app\'s own host name.')
param publicBaseUrl string = ''

@description('Object id of who sets the Key Vault secrets (azd: AZURE_PRINCIPAL_ID); empty: grant it yourself.')
param operatorPrincipalId string = ''

@minValue(0)
@description('Always-ready instances of CloseOrder: a due close waits for no cold start (README: "On time from cold"); 0 saves their baseline cost.')
param closeOrderAlwaysReady int = 1

@minValue(0)
@description('Always-ready instances of RefundLatePayment: 0 by default, a refund may wait for a cold start (target-based scaling wakes the app).')
param refundLatePaymentAlwaysReady int = 0

@minValue(40)
@maxValue(1000)
@description('The most instances the Function App scales out to (Flex Consumption: 40 to 1000).')
param maximumInstanceCount int = 40

@allowed([
  'Standard'
  'Premium'
])
@description('Service Bus tier: Standard (pay per operation) or Premium (messaging units; docs/capacity.md says from which peak).')
param serviceBusSku string = 'Standard'

@allowed([
  1
  2
  4
  8
  16
])
@description('Premium only: messaging units (at least serviceBusPartitions).')
param serviceBusMessagingUnits int = 1

@allowed([
  1
  2
  4
])
@description('Premium only: namespace partitions (1: none); fixed when the namespace is created.')
param serviceBusPartitions int = 1

@allowed([
  'serverless'
  'autoscale'
])
@description('Cosmos DB throughput: serverless (per request unit) or autoscale (provisioned on the orders container).')
param cosmosThroughputMode string = 'serverless'

@minValue(1000)
@maxValue(1000000)
@description('autoscale only: the orders container\'s maximum RU/s, a multiple of 1000 (docs/capacity.md).')
param cosmosAutoscaleMaxThroughput int = 1000

@minValue(1000)
@description('Close lateness alert: fires when the p99 of deadline to settled close over 15 minutes exceeds this (ms).')
param closeLatenessP99AlertMs int = 60000

@minValue(1)
@maxValue(100)
@description('Provider error alert: fires when more than this percent of provider calls over 15 minutes failed (at least 20 calls).')
param providerErrorAlertPercent int = 5

@description('E-mail for the alerts; empty: no action group.')
param alertEmail string = ''

var resourceToken = toLower(uniqueString(resourceGroup().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var closeQueueName = 'order-close'
var refundQueueName = 'order-refund'
var eventsTopicName = 'order-events'
// Names are fixed before deployment, so modules that reference these resources get them from here, not from outputs
// (What-If can then predict them). Such a module must still wait for the module that deploys them, through an output
// it uses or an explicit dependsOn: ARM orders module deployments only by their dependencies (ModuleDependencyTests).
var names = {
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  serviceBus: 'sb-${resourceToken}'
  cosmos: 'cosmos-${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  functionApp: 'func-${resourceToken}'
  plan: 'plan-${resourceToken}'
  storage: 'st${resourceToken}'
  deadLetterAlert: 'alert-deadletters-${resourceToken}'
  alerts: 'alert-${resourceToken}'
  workbook: guid(resourceGroup().id, environmentName, 'orderclose-workbook')
}
var secretNames = {
  appPrivateKey: 'alipay-app-private-key'
  alipayPublicKey: 'alipay-public-key'
  wechatPayMerchantPrivateKey: 'wechatpay-merchant-private-key'
  wechatPayApiV3Key: 'wechatpay-apiv3-key'
  wechatPayPlatformPublicKey: 'wechatpay-platform-public-key'
}
var alipaySecretNames = empty(alipayAppId) ? '' : '${secretNames.appPrivateKey} ${secretNames.alipayPublicKey}'
var wechatPaySecretNames = empty(wechatPayMchId) ? '' : '${secretNames.wechatPayMerchantPrivateKey} ${secretNames.wechatPayApiV3Key} ${secretNames.wechatPayPlatformPublicKey}'
// A provider without settings is absent from the app (README: "Configuration"): each gets its settings only if enabled.
var alipaySettings = empty(alipayAppId) ? {} : {
  Alipay__AppId: alipayAppId
  Alipay__GatewayUrl: alipayGatewayUrl
  Alipay__AppPrivateKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/${secretNames.appPrivateKey}/)'
  Alipay__AlipayPublicKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/${secretNames.alipayPublicKey}/)'
}
var wechatPaySettings = empty(wechatPayMchId) ? {} : {
  WeChatPay__MchId: wechatPayMchId
  WeChatPay__AppId: wechatPayAppId
  WeChatPay__MerchantSerialNo: wechatPayMerchantSerialNo
  WeChatPay__PlatformPublicKeyId: wechatPayPlatformPublicKeyId
  WeChatPay__BaseUrl: wechatPayBaseUrl
  WeChatPay__MerchantPrivateKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/${secretNames.wechatPayMerchantPrivateKey}/)'
  WeChatPay__ApiV3Key: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/${secretNames.wechatPayApiV3Key}/)'
  WeChatPay__PlatformPublicKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/${secretNames.wechatPayPlatformPublicKey}/)'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
  }
}

module serviceBus 'modules/service-bus.bicep' = {
  name: 'service-bus'
  params: {
    location: location
    tags: tags
    namespaceName: names.serviceBus
    queueName: closeQueueName
    refundQueueName: refundQueueName
    eventsTopicName: eventsTopicName
    sku: serviceBusSku
    messagingUnits: serviceBusMessagingUnits
    partitions: serviceBusPartitions
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    tags: tags
    accountName: names.cosmos
    databaseName: 'orderclose'
    containerName: 'orders'
    throughputMode: cosmosThroughputMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    tags: tags
    vaultName: names.keyVault
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  // It reads Application Insights' connection string by name.
  dependsOn: [
    monitoring
  ]
  params: {
    location: location
    tags: tags
    functionAppName: names.functionApp
    planName: names.plan
    storageAccountName: names.storage
    applicationInsightsName: names.applicationInsights
    publicBaseUrl: publicBaseUrl
    maximumInstanceCount: maximumInstanceCount
    // Queue-triggered functions each scale on their own; HTTP requests start an instance on demand.
    alwaysReady: [
      {
        name: 'function:CloseOrder'
        instanceCount: closeOrderAlwaysReady
      }
      {
        name: 'function:RefundLatePayment'
        instanceCount: refundLatePaymentAlwaysReady
      }
    ]
    // Exactly what the app reads (README: "Configuration"); connections by identity, secrets by Key Vault reference.
    appSettings: union({
      ServiceBusConnection__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
      CloseQueueName: serviceBus.outputs.queueName
      RefundQueueName: serviceBus.outputs.refundQueueName
      OrderEventsTopicName: serviceBus.outputs.eventsTopicName
      CosmosConnection__accountEndpoint: cosmos.outputs.endpoint
      Cosmos__DatabaseName: cosmos.outputs.databaseName
      Cosmos__ContainerName: cosmos.outputs.containerName
      Orders__DefaultPaymentTimeout: defaultPaymentTimeout
      SweepSchedule: sweepSchedule
    }, alipaySettings, wechatPaySettings)
  }
}

module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  params: {
    // Known only once the app exists; role assignment names must include it (What-If shows them as unknown).
    #disable-next-line what-if-short-circuiting
    principalId: functionApp.outputs.principalId
    storageAccountName: names.storage
    serviceBusNamespaceName: names.serviceBus
    queueName: closeQueueName
    refundQueueName: refundQueueName
    eventsTopicName: eventsTopicName
    cosmosAccountName: names.cosmos
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    operatorPrincipalId: operatorPrincipalId
  }
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  // It reads Application Insights by name.
  dependsOn: [
    monitoring
  ]
  params: {
    location: location
    tags: tags
    workbookName: names.workbook
    applicationInsightsName: names.applicationInsights
    serviceBusNamespaceId: serviceBus.outputs.namespaceId
  }
}

module deadLetterAlert 'modules/dead-letter-alert.bicep' = {
  name: 'dead-letter-alert'
  params: {
    tags: tags
    serviceBusNamespaceId: serviceBus.outputs.namespaceId
    queueName: serviceBus.outputs.queueName
    alertName: names.deadLetterAlert
    alertEmail: alertEmail
  }
}

module appAlerts 'modules/app-alerts.bicep' = {
  name: 'app-alerts'
  // It reads Application Insights by name.
  dependsOn: [
    monitoring
  ]
  params: {
    location: location
    tags: tags
    applicationInsightsName: names.applicationInsights
    alertNamePrefix: names.alerts
    serviceBusNamespaceId: serviceBus.outputs.namespaceId
    refundQueueName: serviceBus.outputs.refundQueueName
    actionGroupId: deadLetterAlert.outputs.actionGroupId
    closeLatenessP99Ms: closeLatenessP99AlertMs
    providerErrorPercent: providerErrorAlertPercent
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.vaultName
output ALIPAY_APP_PRIVATE_KEY_SECRET string = secretNames.appPrivateKey
output ALIPAY_PUBLIC_KEY_SECRET string = secretNames.alipayPublicKey
output WECHATPAY_MERCHANT_PRIVATE_KEY_SECRET string = secretNames.wechatPayMerchantPrivateKey
output WECHATPAY_APIV3_KEY_SECRET string = secretNames.wechatPayApiV3Key
output WECHATPAY_PLATFORM_PUBLIC_KEY_SECRET string = secretNames.wechatPayPlatformPublicKey
@description('Every secret the app\'s Key Vault references name, space-separated: the postprovision hook checks each exists.')
output KEY_VAULT_SECRET_NAMES string = '${alipaySecretNames} ${wechatPaySecretNames}'
output SERVICE_BUS_NAMESPACE string = serviceBus.outputs.namespaceName
output CLOSE_QUEUE_NAME string = serviceBus.outputs.queueName
output REFUND_QUEUE_NAME string = serviceBus.outputs.refundQueueName
output ORDER_EVENTS_TOPIC_NAME string = serviceBus.outputs.eventsTopicName
output COSMOS_ACCOUNT_NAME string = cosmos.outputs.accountName

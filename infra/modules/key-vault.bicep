// The vault for the payment provider's secrets. RBAC mode: access only through role assignments.
// The template creates no secret: the operator sets them (README: "Deploy").

param location string
param tags object
param vaultName string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

output vaultName string = vault.name
output vaultUri string = vault.properties.vaultUri

// Key Vault in RBAC mode (no access policies) holding the app's secrets.

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object = {}

@description('Names of the secrets the app uses.')
param secretNames string[] = []

@description('Secret name → value. A secret is written only when its value is non-empty, so a provision run without the value leaves a secret that was set or rotated in the vault alone.')
@secure()
param secretValues object = {}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // Purge protection: a deleted vault or secret cannot be purged before its retention ends, so no one (nor a
    // compromised identity) can destroy the secrets for good. It cannot be turned off once on.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource vaultSecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for secretName in secretNames: if (!empty(secretValues[?secretName] ?? '')) {
    parent: vault
    name: secretName
    properties: {
      value: secretValues[secretName]
      contentType: 'text/plain'
    }
  }
]

output name string = vault.name
output resourceId string = vault.id
output vaultUri string = vault.properties.vaultUri

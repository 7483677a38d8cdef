// The LeadSync Functions app (src/LeadSync.Functions): Flex Consumption host plus every app setting it reads.
// Storage, telemetry and Key Vault access all go through the one user-assigned identity; no keys anywhere.

@description('Function app name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Resource tags (azd-service-name is added to the app).')
param tags object = {}

@description('azd service name, as in azure.yaml.')
param serviceName string = 'api'

@description('Resource id of the user-assigned managed identity.')
param identityResourceId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

@description('Blob endpoint of the storage account.')
param blobEndpoint string

@description('Queue endpoint of the storage account.')
param queueEndpoint string

@description('Table endpoint of the storage account.')
param tableEndpoint string

@description('Blob container Flex Consumption deploys packages from.')
param deploymentContainerName string

@description('Key Vault URI (https://{vault}.vault.{suffix}/).')
param keyVaultUri string

@description('Application Insights connection string (no key is usable: local auth is off).')
param applicationInsightsConnectionString string

@description('Non-secret LeadSync settings: configuration key ("LeadSync:Section:Name") → value.')
param leadSyncSettings object

@description('Configuration keys of the secret LeadSync settings; each is a Key Vault secret named after the key with ":" replaced by "--".')
param leadSyncSecretKeys string[]

@description('Most instances the app scales out to.')
param maximumInstanceCount int = 100

@description('Memory of one instance, in MB.')
param instanceMemoryMB int = 2048

module functionApp '../core/host/function-app-flex.bicep' = {
  name: 'functionApp'
  params: {
    name: name
    planName: planName
    location: location
    tags: tags
    appTags: union(tags, { 'azd-service-name': serviceName })
    identityResourceId: identityResourceId
    deploymentBlobEndpoint: blobEndpoint
    deploymentContainerName: deploymentContainerName
    runtimeName: 'dotnet-isolated'
    runtimeVersion: '10.0'
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
}

var publicBaseUrlKey = 'LeadSync:Notifications:PublicBaseUrl'

// Settings that only the deployment knows: where storage is, which identity to use, the app's own URL.
var deploymentSettings = {
  'LeadSync:Storage:TableServiceUri': tableEndpoint
  'LeadSync:Storage:QueueServiceUri': queueEndpoint
  'LeadSync:Storage:ManagedIdentityClientId': identityClientId
  '${publicBaseUrlKey}': empty(leadSyncSettings[?publicBaseUrlKey] ?? '')
    ? 'https://${functionApp.outputs.defaultHostName}/'
    : leadSyncSettings[publicBaseUrlKey]
}

// Versionless references: a secret rotated in the vault is picked up without redeploying.
var secretReferences = toObject(
  leadSyncSecretKeys,
  key => key,
  key => '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${replace(key, ':', '--')}/)'
)

var leadSyncAppSettings = toObject(
  items(union(leadSyncSettings, deploymentSettings, secretReferences)),
  setting => replace(setting.key, ':', '__'),
  setting => string(setting.value)
)

// The Functions host: storage by identity (AzureWebJobsStorage__*), telemetry by Entra ID.
var hostSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  // Azure.Identity's ManagedIdentityCredential (and DefaultAzureCredential) pick the user-assigned identity by this.
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

module appSettings '../core/host/app-settings.bicep' = {
  name: 'functionAppSettings'
  params: {
    siteName: name
    appSettings: union(hostSettings, leadSyncAppSettings)
  }
  // Depends on functionApp through the default host name in the settings.
}

output name string = functionApp.outputs.name
output defaultHostName string = functionApp.outputs.defaultHostName
output uri string = 'https://${functionApp.outputs.defaultHostName}'

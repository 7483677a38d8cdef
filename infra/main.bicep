// LeadSync on Azure: a resource group with the Functions app (Flex Consumption), its storage, Key Vault,
// user-assigned identity and monitoring. Deployed by `azd up` / `azd provision` (see README.md#deploying-leadsync-to-azure-azd--bicep).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; part of the resource group name and of the resource token.')
param environmentName string

@minLength(1)
@description('Azure region for every resource (must offer Flex Consumption).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the person or pipeline running azd: gets data access to storage and may set Key Vault secrets. Empty: none.')
param principalId string = ''

@description('Type of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Resource group name; empty: rg-{environmentName}.')
param resourceGroupName string = ''

@description('Most instances the Functions app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

// ---------------------------------------------------------------------------------------------------------
// LeadSync settings. THE one list: configuration key → value (string), defaults mirroring the Options
// classes. Adding a setting is one line here. Secrets go in leadSyncSecrets below instead.
// LeadSync:Notifications:PublicBaseUrl left empty means "https://{function app default host name}/".
// LeadSync:Storage:TableServiceUri, QueueServiceUri and ManagedIdentityClientId come from the deployment.
// ---------------------------------------------------------------------------------------------------------
@description('Non-secret LeadSync settings (configuration key → value). To change a few, use leadSyncSettingOverrides.')
param leadSyncSettings object = {
  'LeadSync:Intake:MaxBodyBytes': '262144'
  'LeadSync:Intake:RawPayloadCapBytes': '16384'
  'LeadSync:Intake:SyncSafetyNetDelay': '00:02:00'
  'LeadSync:Intake:DuplicateWindow': '30.00:00:00'
  'LeadSync:Intake:InboxFilers': '128'
  'LeadSync:Intake:InboxBuffer': '512'
  'LeadSync:Intake:InboxOverflow': '100000'
  'LeadSync:Intake:InboxRecoverAfter': '00:01:00'
  'LeadSync:Intake:Filing': 'Auto'
  'LeadSync:Intake:FailedAuthLimit': '30'
  'LeadSync:Intake:FailedAuthWindow': '00:01:00'
  'LeadSync:Sources:generic:Tolerance': '00:05:00'
  'LeadSync:Qualification:MinimumScore': '0'
  'LeadSync:Qualification:Mode': 'All'
  'LeadSync:Qualification:MinimumBudget': '0'
  'LeadSync:Qualification:RequireNeed': 'false'
  'LeadSync:Qualification:MaximumTimelineMonths': '0'
  'LeadSync:Qualification:ExcludeFreeMail': 'false'
  'LeadSync:Crm:Provider': 'sandbox'
  'LeadSync:Crm:MaxSyncAttempts': '8'
  'LeadSync:Crm:RedriveSchedule': '0 */5 * * * *'
  'LeadSync:Crm:BatchLinger': '00:00:00.200'
  'LeadSync:Crm:BacklogLinger': '00:00:10'
  'LeadSync:Crm:BacklogThreshold': '1000'
  'LeadSync:Crm:MaxBatchesInFlight': '4'
  'LeadSync:Crm:PauseAfterFailures': '5'
  'LeadSync:Crm:MaxFailurePause': '00:05:00'
  'LeadSync:Crm:Sandbox:DefaultOwner': 'sandbox-rep'
  'LeadSync:Crm:Changes:HubSpot:ClientSecret': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Crm:Changes:HubSpot:SignatureTolerance': '00:05:00'
  'LeadSync:Crm:Changes:Salesforce:OrganizationId': ''
  'LeadSync:Crm:Changes:Salesforce:PathSecret': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Crm:Changes:Dynamics:Auth': 'WebhookKey'
  'LeadSync:Crm:Changes:Dynamics:Key': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Crm:Changes:Dynamics:HeaderName': 'X-LeadSync-Key'
  'LeadSync:Crm:Touches:Enabled': 'false'
  'LeadSync:Crm:Touches:HubSpot:NoteIdProperty': 'leadsync_touch_id'
  'LeadSync:Crm:Touches:Salesforce:TaskExternalIdField': 'LeadSync_Touch_Id__c'
  'LeadSync:Crm:Touches:Salesforce:TaskStatus': 'Completed'
  'LeadSync:Crm:Touches:Salesforce:CampaignMemberStatus': 'Responded'
  'LeadSync:Sla:FirstTouch': '01:00:00'
  'LeadSync:Sla:SweepSchedule': '0 */1 * * * *'
  'LeadSync:Sla:BatchSize': '1000'
  'LeadSync:Recycle:Schedule': '0 0 * * * *'
  'LeadSync:Recycle:NoProgressWindow': '14.00:00:00'
  'LeadSync:Recycle:BatchSize': '1000'
  'LeadSync:Retention:Schedule': '0 45 2 * * *'
  'LeadSync:Retention:RawPayloadAge': '30.00:00:00'
  'LeadSync:Retention:QuarantineAge': '30.00:00:00'
  'LeadSync:Retention:OutboxAge': '14.00:00:00'
  'LeadSync:Retention:InboxAge': '2.00:00:00'
  'LeadSync:Retention:BatchSize': '500'
  'LeadSync:Notifications:WebhookUrl': ''
  'LeadSync:Notifications:PublicBaseUrl': ''
  'LeadSync:Notifications:RedriveDelay': '00:05:00'
  'LeadSync:Notifications:AckLinkLifetime': '7.00:00:00'
  'LeadSync:Notifications:SnoozeFor': '00:30:00'
  'LeadSync:Storage:TablePrefix': ''
  'LeadSync:Storage:NetworkTimeout': '00:00:05'
  'LeadSync:Storage:MaxConcurrentRequests': '64'
  'LeadSync:Storage:RequestPathReserve': '8'
  'LeadSync:Storage:LatencyTarget': '00:00:00.025'
  'LeadSync:Storage:GroupCommitLinger': '00:00:00.050'
  'LeadSync:Storage:LeadSyncLinger': '00:00:00.250'
  'LeadSync:Storage:RecentLeadsMaxAge': '00:00:10'
  'LeadSync:Storage:ConnectionString': '' // local (Azurite) only; Azure uses the service URIs and the identity
  'LeadSync:Admin:TrustAppServiceAuthentication': 'false'
  'LeadSync:Admin:AdminRole': 'LeadSync.Admin'
  'LeadSync:Sources:google-ads:Key': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Sources:hubspot:ClientSecret': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Sources:hubspot:AllowLegacySignatures': 'false'
  'LeadSync:Sources:hubspot:Tolerance': '00:05:00'
  'LeadSync:Sources:hubspot:AccessToken': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Sources:hubspot:ApiBaseAddress': 'https://api.hubapi.com'
  'LeadSync:Intake:EnrichmentSafetyNetDelay': '00:05:00'
  'LeadSync:Intake:EnrichmentRetryDelay': '00:01:00'
  'LeadSync:Intake:EnrichmentRedriveWindow': '1.00:00:00'
  'LeadSync:Sources:linkedin:ClientSecret': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Sources:linkedin:AccessToken': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Sources:linkedin:ApiVersion': '202606'
  'LeadSync:Sources:linkedin:BaseUrl': 'https://api.linkedin.com'
  'LeadSync:Sources:linkedin:FormCacheDuration': '01:00:00'
  'LeadSync:Sources:linkedin:FormCacheSize': '200'
  'LeadSync:Sources:mailchimp:Key': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Sources:marketo:Secret': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Sources:marketo:SecretHeader': 'X-LeadSync-Secret'
  'LeadSync:Sources:meta:AppSecret': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Sources:meta:VerifyToken': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Sources:meta:AccessToken': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Sources:meta:GraphApiBaseAddress': 'https://graph.facebook.com'
  'LeadSync:Sources:meta:GraphApiVersion': '23.0'
  'LeadSync:Sources:pardot:Key': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Sources:typeform:Secret': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Sources:unbounce:Key': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Directory:DefaultTeamChannel': 'webhook'
  'LeadSync:People:SyncSchedule': '0 0 */4 * * *'
  'LeadSync:People:RefreshInterval': '00:05:00'
  'LeadSync:People:DefaultChannel': 'email'
  'LeadSync:Routing:AccountCacheTtl': '01:00:00'
  'LeadSync:Routing:RegionField': 'state'
  'LeadSync:Routing:IndustryField': 'industry'
  'LeadSync:Routing:EmployeesField': 'employees'
  'LeadSync:Notifications:AckSecret': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Recycle:AfterLastLevel': ''
  'LeadSync:Recycle:MaxAttempts': '6'
  'LeadSync:Recycle:AttemptsWindow': '10.00:00:00'
  'LeadSync:Recycle:AttemptsCheckInterval': '1.00:00:00'
  'LeadSync:Recycle:Cooldown': '30.00:00:00'
  'LeadSync:Recycle:MaxRecycles': '3'
  'LeadSync:Recycle:DefaultTarget': '' // empty: the nurture tool's configured list; per-reason targets: LeadSync:Recycle:Targets:<Reason>
  'LeadSync:Sla:AckGrace': '00:30:00'
  'LeadSync:Crm:Dynamics:OrganizationUrl': ''
  'LeadSync:Crm:Dynamics:TenantId': ''
  'LeadSync:Crm:Dynamics:ClientId': ''
  'LeadSync:Crm:Dynamics:ClientSecret': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Crm:Dynamics:AuthorityHost': ''
  'LeadSync:Crm:Dynamics:ApiVersion': '9.2'
  'LeadSync:Crm:Dynamics:AlternateKeyAttribute': 'new_leadsyncid'
  'LeadSync:Crm:Dynamics:ReadActivities': 'true'
  'LeadSync:Crm:Dynamics:WriteMode': 'Upsert'
  'LeadSync:Crm:Dynamics:RecycledStateCode': '2'
  'LeadSync:Crm:Dynamics:RecycledStatusCode': '6'
  'LeadSync:Crm:Dynamics:MaxParallelRequests': '4'
  'LeadSync:Crm:Dynamics:Resilience:RateLimitPermits': '100'
  'LeadSync:Crm:Dynamics:Resilience:RateLimitWindow': '00:00:05'
  'LeadSync:Crm:Dynamics:Resilience:RateLimitQueue': '10000'
  'LeadSync:Crm:Dynamics:Resilience:MaxRetryAttempts': '4'
  'LeadSync:Crm:Dynamics:Resilience:RetryBaseDelay': '00:00:01'
  'LeadSync:Crm:Dynamics:Resilience:MaxInlineRetryAfter': '00:00:30'
  'LeadSync:Crm:Dynamics:Resilience:AttemptTimeout': '00:00:30'
  'LeadSync:Crm:Dynamics:Resilience:TotalTimeout': '00:03:00'
  'LeadSync:Crm:Dynamics:Resilience:BreakerFailureRatio': '0.5'
  'LeadSync:Crm:Dynamics:Resilience:BreakerMinimumThroughput': '10'
  'LeadSync:Crm:Dynamics:Resilience:BreakerSamplingDuration': '00:00:30'
  'LeadSync:Crm:Dynamics:Resilience:BreakerBreakDuration': '00:00:15'
  'LeadSync:Crm:HubSpot:BaseUrl': 'https://api.hubapi.com'
  'LeadSync:Crm:HubSpot:AccessToken': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Crm:HubSpot:BatchSize': '100'
  'LeadSync:Crm:HubSpot:LeadStatusProperty': 'hs_lead_status'
  'LeadSync:Crm:HubSpot:NewLeadStatus': 'NEW'
  'LeadSync:Crm:HubSpot:KeepWorkedStatus': 'true'
  'LeadSync:Crm:HubSpot:RecycledLeadStatus': 'BAD_TIMING'
  'LeadSync:Crm:HubSpot:PortalId': '' // the Hub ID: the console links leads to their HubSpot records
  'LeadSync:Crm:HubSpot:LastContactedProperty': 'notes_last_contacted'
  'LeadSync:Crm:HubSpot:OwnerProperty': 'hubspot_owner_id'
  'LeadSync:Crm:HubSpot:AttemptsProperty': 'num_contacted_notes'
  'LeadSync:Crm:HubSpot:ReadEngagements': 'true'
  'LeadSync:Crm:HubSpot:LastSalesActivityProperty': 'hs_last_sales_activity_timestamp'
  'LeadSync:Crm:HubSpot:LifecycleStageProperty': 'lifecyclestage'
  'LeadSync:Crm:HubSpot:DealCountProperty': 'num_associated_deals'
  'LeadSync:Crm:HubSpot:AccountTimeZone': 'UTC'
  'LeadSync:Crm:HubSpot:Resilience:RateLimitPermits': '100'
  'LeadSync:Crm:HubSpot:Resilience:RateLimitWindow': '00:00:10'
  'LeadSync:Crm:HubSpot:Resilience:RateLimitQueue': '10000'
  'LeadSync:Crm:HubSpot:Resilience:MaxRetryAttempts': '4'
  'LeadSync:Crm:HubSpot:Resilience:RetryBaseDelay': '00:00:01'
  'LeadSync:Crm:HubSpot:Resilience:MaxInlineRetryAfter': '00:00:30'
  'LeadSync:Crm:HubSpot:Resilience:AttemptTimeout': '00:00:30'
  'LeadSync:Crm:HubSpot:Resilience:TotalTimeout': '00:03:00'
  'LeadSync:Crm:HubSpot:Resilience:BreakerFailureRatio': '0.5'
  'LeadSync:Crm:HubSpot:Resilience:BreakerMinimumThroughput': '10'
  'LeadSync:Crm:HubSpot:Resilience:BreakerSamplingDuration': '00:00:30'
  'LeadSync:Crm:HubSpot:Resilience:BreakerBreakDuration': '00:00:15'
  'LeadSync:Crm:Salesforce:MyDomainUrl': ''
  'LeadSync:Crm:Salesforce:InstanceUrl': ''
  'LeadSync:Crm:Salesforce:ClientId': ''
  'LeadSync:Crm:Salesforce:ClientSecret': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Crm:Salesforce:ApiVersion': '62.0'
  'LeadSync:Crm:Salesforce:ReadTasks': 'true'
  'LeadSync:Crm:Salesforce:ReadEvents': 'true'
  'LeadSync:Crm:Salesforce:ExternalIdField': 'LeadSync_Id__c'
  'LeadSync:Crm:Salesforce:TokenLifetime': '00:30:00'
  'LeadSync:Crm:Salesforce:BatchSize': '200'
  'LeadSync:Crm:Salesforce:RecycledStatus': 'Recycled'
  'LeadSync:Crm:Salesforce:MissingValuePlaceholder': '[not provided]'
  'LeadSync:Crm:Salesforce:ApiUsageCeiling': '0.95'
  'LeadSync:Crm:Salesforce:QuotaRetryAfter': '01:00:00'
  'LeadSync:Crm:Salesforce:Resilience:RateLimitPermits': '25'
  'LeadSync:Crm:Salesforce:Resilience:RateLimitWindow': '00:00:01'
  'LeadSync:Crm:Salesforce:Resilience:RateLimitQueue': '10000'
  'LeadSync:Crm:Salesforce:Resilience:MaxRetryAttempts': '4'
  'LeadSync:Crm:Salesforce:Resilience:RetryBaseDelay': '00:00:01'
  'LeadSync:Crm:Salesforce:Resilience:MaxInlineRetryAfter': '00:00:30'
  'LeadSync:Crm:Salesforce:Resilience:AttemptTimeout': '00:00:30'
  'LeadSync:Crm:Salesforce:Resilience:TotalTimeout': '00:03:00'
  'LeadSync:Crm:Salesforce:Resilience:BreakerFailureRatio': '0.5'
  'LeadSync:Crm:Salesforce:Resilience:BreakerMinimumThroughput': '10'
  'LeadSync:Crm:Salesforce:Resilience:BreakerSamplingDuration': '00:00:30'
  'LeadSync:Crm:Salesforce:Resilience:BreakerBreakDuration': '00:00:15'
  'LeadSync:Notifications:Smtp:Host': ''
  'LeadSync:Notifications:Smtp:Port': '587'
  'LeadSync:Notifications:Smtp:From': 'leadsync@localhost'
  'LeadSync:Notifications:Smtp:UseTls': 'true'
  'LeadSync:Notifications:Smtp:User': ''
  'LeadSync:Notifications:Smtp:Password': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Notifications:Slack:WebhookUrl': ''
  'LeadSync:Notifications:Slack:PerSecond': '1'
  'LeadSync:Notifications:Slack:BotToken': '' // secret (xoxb-…): leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Notifications:Slack:SigningSecret': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Notifications:Slack:DeliveryMode': 'dm'
  'LeadSync:Notifications:Slack:Channel': ''
  'LeadSync:Notifications:Slack:ApiBaseUrl': 'https://slack.com/api/'
  'LeadSync:Notifications:Slack:UserCacheLifetime': '12:00:00'
  'LeadSync:Notifications:Teams:WebhookUrl': ''
  'LeadSync:Notifications:Teams:PerSecond': '4'
  'LeadSync:Nurture:Provider': 'sandbox'
  'LeadSync:Nurture:AttemptTimeout': '00:00:10'
  'LeadSync:Nurture:HubSpot:BaseUrl': 'https://api.hubapi.com'
  'LeadSync:Nurture:HubSpot:AccessToken': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Nurture:HubSpot:ListId': ''
  'LeadSync:Nurture:HubSpot:LeadStatus': 'BAD_TIMING'
  'LeadSync:Nurture:Marketo:BaseUrl': ''
  'LeadSync:Nurture:Marketo:ClientId': ''
  'LeadSync:Nurture:Marketo:ClientSecret': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Nurture:Marketo:ListId': ''
  'LeadSync:Nurture:Marketo:CampaignId': ''
  'LeadSync:Nurture:Mailchimp:ApiKey': '' // secret: leave empty, or set a Key Vault reference through leadSyncSettingOverrides
  'LeadSync:Nurture:Mailchimp:BaseUrl': ''
  'LeadSync:Nurture:Mailchimp:ListId': ''
  'LeadSync:Nurture:Mailchimp:StatusIfNew': 'pending'
}

@description('Values that replace entries of leadSyncSettings (configuration key → value), e.g. {"LeadSync:Crm:Provider": "hubspot"}.')
param leadSyncSettingOverrides object = {}

@secure()
@description('LeadSync:Sources:generic:Secret, the generic source\'s whsec_ signing secret. Empty: keep what the vault has.')
param sourcesGenericSecret string = ''

@secure()
@description('LeadSync:Crm:EventsSecret, the whsec_ secret that signs CRM event callbacks. Empty: keep what the vault has.')
param crmEventsSecret string = ''

@secure()
@description('LeadSync:Admin:ApiKeys:0, a hashed admin API key (sha256:<hex>). Empty: keep what the vault has.')
param adminApiKey string = ''

@description('E-mail address for the Azure Monitor alerts (dead letters, a paused CRM, sync lag, a missed SLA sweep); empty: the alerts go to an action group without a receiver.')
param alertEmail string = ''

// Secret settings: configuration key → value. Each becomes the Key Vault secret named after the key with
// ":" replaced by "--", and the app setting becomes a Key Vault reference to it.
var leadSyncSecrets = {
  'LeadSync:Sources:generic:Secret': sourcesGenericSecret
  'LeadSync:Crm:EventsSecret': crmEventsSecret
  'LeadSync:Admin:ApiKeys:0': adminApiKey
}

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var serviceName = 'api'
var functionAppName = '${abbrs.webSitesFunctions}leadsync-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'
var identityName = '${abbrs.managedIdentityUserAssignedIdentities}leadsync-${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var keyVaultName = '${abbrs.keyVaultVaults}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'core/security/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containers: [
      deploymentContainerName
    ]
    // The app's work queues (LeadSync.Core QueueNames); the app creates its tables itself.
    queues: [
      'lead-sync'
      'lead-notify'
    ]
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module alerts 'core/monitor/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    namePrefix: 'leadsync-${resourceToken}'
    alertEmail: alertEmail
    slaSweepIntervalMinutes: 1 // LeadSync:Sla:SweepSchedule '0 */1 * * * *'
  }
  dependsOn: [
    monitoring
  ]
}

module keyVault 'core/security/key-vault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    secretNames: map(objectKeys(leadSyncSecrets), key => replace(key, ':', '--'))
    secretValues: toObject(items(leadSyncSecrets), secret => replace(secret.key, ':', '--'), secret => secret.value)
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
    identityName: identityName
    developerPrincipalId: principalId
    developerPrincipalType: principalType
  }
  dependsOn: [
    identity
    storage
    keyVault
    monitoring
  ]
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}leadsync-${resourceToken}'
    location: location
    tags: tags
    serviceName: serviceName
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    keyVaultUri: keyVault.outputs.vaultUri
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    leadSyncSettings: union(leadSyncSettings, leadSyncSettingOverrides)
    leadSyncSecretKeys: objectKeys(leadSyncSecrets)
    maximumInstanceCount: maximumInstanceCount
  }
  // Key Vault references and identity-based storage resolve only once the roles exist.
  dependsOn: [
    rbac
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.vaultUri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output LEADSYNC_WEBHOOK_BASE_URL string = '${api.outputs.uri}/api/webhooks/'

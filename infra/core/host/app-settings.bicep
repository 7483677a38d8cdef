// Replaces the app settings of an existing function app or web app.

@description('Name of the existing site.')
param siteName string

@description('App setting name → value (strings; "__" stands for ":").')
param appSettings object

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
}

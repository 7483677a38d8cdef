// Azure Monitor alerts on LeadSync's OpenTelemetry metrics (Application Insights customMetrics; names from
// LeadSync.Core.Telemetry.SyncTelemetry — the Infra tests check every metric named here is one the code emits).
// Each rule is a log search alert whose query returns rows only while its condition holds; all go to one
// action group that e-mails alertEmail (no receiver when it is empty: the rules still show in the portal).

@description('Application Insights component the app exports its metrics to.')
param applicationInsightsName string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object = {}

@description('Name prefix for the action group and the alert rules.')
param namePrefix string

@description('E-mail address the alerts go to; empty creates the action group without a receiver.')
param alertEmail string = ''

@description('Minutes between SLA sweep runs (LeadSync:Sla:SweepSchedule); the sweep alert fires after three missed runs.')
@minValue(1)
@maxValue(1440)
param slaSweepIntervalMinutes int = 1

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-alerts'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'leadsync'
    enabled: true
    emailReceivers: empty(alertEmail)
      ? []
      : [
          {
            name: 'leadsync-operators'
            emailAddress: alertEmail
            useCommonAlertSchema: true
          }
        ]
  }
}

// Three missed sweeps, but never a window shorter than metric export + ingestion can fill (5 minutes).
var sweepWindowMinutes = max(3 * slaSweepIntervalMinutes, 5)

var rules = [
  {
    name: 'dead-letter'
    severity: 1
    description: 'A lead was dead-lettered (the CRM refused it) in the last 15 minutes: see GET /api/admin/dead-letters.'
    window: 'PT15M'
    frequency: 'PT5M'
    query: 'customMetrics | where name == "leadsync.crm.dead_letters" | summarize deadLetters = sum(valueSum) | where deadLetters > 0'
  }
  {
    name: 'crm-paused'
    severity: 2
    description: 'A CRM connection has been paused for more than 30 minutes (rate limit, quota or outage): see GET /api/health.'
    window: 'PT30M'
    frequency: 'PT5M'
    query: 'customMetrics | where name == "leadsync.crm.paused" | extend crm = tostring(customDimensions["crm"]) | summarize samples = count(), lowest = min(valueMin), first = min(timestamp) by crm | where lowest >= 1 and first <= ago(25m)'
  }
  {
    name: 'sync-lag'
    severity: 2
    description: 'The p95 of sync lag (sales-ready to synced) is above 5 minutes. Azure Monitor receives histograms as count/sum/min/max per export interval, so this is the p95 of the per-interval maxima: an upper bound of the true p95.'
    window: 'PT15M'
    frequency: 'PT5M'
    query: 'customMetrics | where name == "leadsync.crm.sync_lag" | extend crm = tostring(customDimensions["crm"]) | summarize p95 = percentile(valueMax, 95) by crm | where p95 > 300'
  }
  {
    name: 'sla-sweep-missed'
    severity: 1
    description: 'The SLA sweep has not completed for three schedules: escalations are not being raised.'
    window: 'PT${sweepWindowMinutes}M'
    frequency: 'PT${min(sweepWindowMinutes, 15)}M'
    query: 'customMetrics | where name == "leadsync.jobs.runs" | where tostring(customDimensions["job"]) == "sla-sweep" | summarize runs = count() | where runs == 0'
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: '${namePrefix}-${rule.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: 'LeadSync: ${rule.name}'
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        applicationInsights.id
      ]
      evaluationFrequency: rule.frequency
      windowSize: rule.window
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

output actionGroupId string = actionGroup.id
output alertRuleNames array = [for (rule, i) in rules: alertRules[i].name]

// LeadSync admin console: the form of each policy resource, field by field (keys are the JSON document's; the
// server's validators decide what is valid and answer by the same paths). Resources without a schema (connections,
// whose secrets are write-only) are edited as JSON.
"use strict";

const policySchemas = (() => {
  const RECIPIENTS = [["owner", "owner"], ["manager", "manager"], ["team", "team"]];
  const ACTIONS = [["notify", "notify"], ["reassign", "reassign"], ["mark-breached", "mark breached"]];
  const CHANNELS = [["webhook", "webhook"], ["teams", "Teams"], ["slack", "Slack"], ["email", "e-mail"]];
  const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

  const rung = [
    { kind: "select", key: "recipient", label: "Who", options: RECIPIENTS },
    { kind: "duration", key: "after", label: "After", hint: "after the deadline" },
    { kind: "select", key: "action", label: "Action", nullable: "notify (default)", options: ACTIONS },
  ];
  const newRung = (rungs) => ({ after: rungs.length > 0 ? rungs[rungs.length - 1].after : "00:00:00", recipient: "team", action: null });

  const calendar = [
    { kind: "text", key: "timeZone", label: "Time zone (IANA)", datalist: "pf-zones", size: 18 },
    { kind: "bool", key: "alwaysOpen", label: "24×7 (no hours, no holidays)" },
    { kind: "week", key: "hours", label: "Opening hours" },
    { kind: "dates", key: "holidays", label: "Holidays" },
  ];
  const newCalendar = () => ({
    timeZone: zone(),
    hours: { Monday: "09:00-17:00", Tuesday: "09:00-17:00", Wednesday: "09:00-17:00", Thursday: "09:00-17:00", Friday: "09:00-17:00" },
    holidays: [],
    alwaysOpen: false,
  });

  const calendarChoices = (doc) => Object.keys(doc.calendars ?? {}).map((name) => [name, name]);

  const tier = [
    { kind: "text", key: "name", label: "Name", size: 10 },
    { kind: "group", key: "match", label: "Applies to (empty: every lead)", fields: [
      { kind: "list", key: "sources", label: "Sources", size: 16 },
      { kind: "number", key: "minScore", label: "Score from" },
      { kind: "number", key: "maxScore", label: "Score to" },
      { kind: "list", key: "countries", label: "Countries", size: 12 },
    ] },
    { kind: "duration", key: "firstTouch", label: "First touch", nullable: true, placeholder: "default", hint: "business time" },
    { kind: "select", key: "calendar", label: "Calendar", nullable: "24×7", options: calendarChoices },
    { kind: "array", key: "levels", label: "Ladder of this tier", compact: true, item: rung, create: newRung, addLabel: "Add rung",
      empty: "No rungs: the default ladder above applies." },
    { kind: "array", key: "cadence", label: "Follow-up cadence (at least N attempts by this much business time)", compact: true,
      item: [{ kind: "number", key: "attempts", label: "Attempts" }, { kind: "duration", key: "by", label: "By" }],
      create: () => ({ attempts: 1, by: "01:00:00" }), addLabel: "Add checkpoint", empty: "No cadence checkpoints." },
    { kind: "group", key: "followUp", label: "Minimum follow-up (older form; 0 attempts: none)", fields: [
      { kind: "number", key: "attempts", label: "Attempts" },
      { kind: "duration", key: "window", label: "Within" },
    ] },
  ];

  const slaPolicies = { fields: [
    { kind: "duration", key: "firstTouch", label: "First touch", hint: "from receipt, for leads no tier matches (24×7)" },
    { kind: "array", key: "levels", label: "Escalation ladder", compact: true, item: rung, create: newRung, addLabel: "Add rung",
      hint: "Each rung fires this long after the first-touch deadline and tells the owner, their manager or the team." },
    { kind: "map", key: "calendars", label: "Business calendars", item: calendar, create: newCalendar, keyLabel: "calendar name", addLabel: "Add calendar",
      empty: "No calendars: every deadline runs on a 24×7 clock." },
    { kind: "array", key: "policies", label: "Tiers (tried in order; the first that matches a lead applies)", item: tier, addLabel: "Add tier",
      itemLabel: (t, i) => `Tier ${i + 1}${t.name ? `: ${t.name}` : ""}`,
      create: () => ({ name: "", match: { sources: [], minScore: null, maxScore: null, countries: [] }, firstTouch: null, calendar: null,
        followUp: { attempts: 0, window: "00:00:00" }, cadence: [], levels: [] }),
      empty: "No tiers: the first touch and ladder above apply to every lead." },
  ] };

  const qualification = { fields: [
    { kind: "select", key: "mode", label: "Mode", options: [["All", "All: fields and score must pass"], ["Any", "Any: either suffices"]] },
    { kind: "number", key: "minimumScore", label: "Minimum score" },
    { kind: "checks", key: "requiredFields", label: "Required fields",
      options: ["email", "phone", "company", "title", "country", "firstName", "lastName", "score", "budget", "authority", "need", "timeline"] },
    { kind: "note", text: "BANT rules with values (0 or empty: not checked):" },
    { kind: "number", key: "minimumBudget", label: "Budget at least", step: "any" },
    { kind: "list", key: "authorityRoles", label: "Authority: one of these roles", placeholder: "VP, Director, Head of" },
    { kind: "bool", key: "requireNeed", label: "Need must be stated" },
    { kind: "number", key: "maximumTimelineMonths", label: "Timeline at most (months)" },
    { kind: "note", text: "Field rules:" },
    { kind: "list", key: "countries", label: "Country in", placeholder: "any" },
    { kind: "bool", key: "excludeFreeMail", label: "No free-mail addresses" },
  ] };

  const recycle = { fields: [
    { kind: "duration", key: "noProgressWindow", label: "No progress for", hint: "synced or contacted → back to nurture" },
    { kind: "duration", key: "afterLastLevel", label: "Untouched after last rung", nullable: true, placeholder: "setting", hint: "empty: the setting's value" },
    { kind: "number", key: "maxAttempts", label: "Attempts without a connect", hint: "0: off" },
    { kind: "duration", key: "attemptsWindow", label: "Attempts window", nullable: true, placeholder: "setting" },
    { kind: "duration", key: "cooldown", label: "Cooldown between recycles", nullable: true, placeholder: "setting" },
    { kind: "number", key: "maxRecycles", label: "Most recycles per lead" },
    { kind: "text", key: "defaultTarget", label: "Default nurture target", nullable: true, size: 16, placeholder: "the nurture tool's list",
      hint: "list id or name; empty: the nurture tool's configured list" },
    { kind: "group", key: "targets", label: "Nurture target per reason (empty: the default target)", fields:
      ["not-sales-ready", "sla-missed", "attempts-exhausted", "no-progress", "crm-nurture-status"].map((reason) =>
        ({ kind: "text", key: reason, label: reason, nullable: true, omitEmpty: true, size: 14 })) },
  ] };

  const territory = [
    { kind: "text", key: "name", label: "Name", size: 10 },
    { kind: "text", key: "team", label: "Team", size: 10 },
    { kind: "list", key: "countries", label: "Countries", size: 12 },
    { kind: "list", key: "regions", label: "Regions", size: 12 },
    { kind: "list", key: "industries", label: "Industries", size: 12 },
    { kind: "number", key: "minEmployees", label: "Employees from" },
    { kind: "number", key: "maxEmployees", label: "to" },
  ];

  const routingPolicies = { fields: [
    { kind: "array", key: "policies", label: "Routing policies (per source and tier)", addLabel: "Add policy",
      itemLabel: (p, i) => `Policy ${i + 1}${p.name ? `: ${p.name}` : ""}`,
      item: [
        { kind: "text", key: "name", label: "Name", size: 10 },
        { kind: "list", key: "sources", label: "Sources", placeholder: "any" },
        { kind: "list", key: "tiers", label: "Tiers", placeholder: "any" },
        { kind: "select", key: "mode", label: "Mode", options: [["crm", "crm: the CRM assigns"], ["route", "route: LeadSync assigns"]] },
        { kind: "bool", key: "accountMatch", label: "Existing account's owner first" },
        { kind: "text", key: "defaultTeam", label: "Default team", nullable: true, size: 10 },
        { kind: "array", key: "territories", label: "Territories (first match wins)", item: territory, addLabel: "Add territory",
          itemLabel: (t, i) => `Territory ${i + 1}${t.name ? `: ${t.name}` : ""}`,
          create: () => ({ name: "", team: "", countries: [], regions: [], industries: [], minEmployees: null, maxEmployees: null, fields: {} }) },
      ],
      create: () => ({ name: "", sources: [], tiers: [], mode: "route", accountMatch: true, territories: [], defaultTeam: null }),
      empty: "No routing policies: the CRM's own assignment rules apply." },
    { kind: "list", key: "freeMailDomains", label: "Extra free-mail domains", wide: true },
    { kind: "duration", key: "accountCacheTtl", label: "Account lookup cache" },
    { kind: "text", key: "regionField", label: "Region field", size: 10 },
    { kind: "text", key: "industryField", label: "Industry field", size: 10 },
    { kind: "text", key: "employeesField", label: "Employees field", size: 10 },
  ] };

  const people = { fields: [
    { kind: "map", key: "people", label: "People (overrides of the CRM-synced directory)", keyLabel: "person id", addLabel: "Add person",
      item: [
        { kind: "text", key: "name", label: "Name", nullable: true },
        { kind: "text", key: "email", label: "E-mail", nullable: true, size: 20 },
        { kind: "text", key: "manager", label: "Manager", nullable: true, size: 10 },
        { kind: "list", key: "teams", label: "Teams", size: 12 },
        { kind: "select", key: "channel", label: "Channel", nullable: "default", options: CHANNELS },
        { kind: "text", key: "calendar", label: "Calendar", nullable: true, size: 10 },
        { kind: "number", key: "maxOpenLeads", label: "Max open leads" },
        { kind: "number", key: "maxNewLeadsPerDay", label: "Max new per day" },
        { kind: "number", key: "weight", label: "Weight" },
        { kind: "tristate", key: "active", label: "Active", nullable: "as synced" },
        { kind: "note", text: "CRM user ids, working hours and out-of-office periods: JSON view." },
      ],
      create: () => ({ name: null, email: null, crmUserIds: {}, teams: [], outOfOffice: [] }),
      empty: "No people overrides." },
    { kind: "map", key: "teams", label: "Teams", keyLabel: "team id", addLabel: "Add team",
      item: [
        { kind: "text", key: "name", label: "Name", nullable: true },
        { kind: "list", key: "members", label: "Members", size: 20 },
        { kind: "list", key: "exclude", label: "Exclude", size: 12 },
        { kind: "text", key: "manager", label: "Manager", nullable: true, size: 10 },
      ],
      create: () => ({ name: null, members: [], exclude: [], manager: null }),
      empty: "No team overrides." },
  ] };

  const directory = { fields: [
    { kind: "map", key: "owners", label: "Owners (whom the ladder notifies)", keyLabel: "owner id", addLabel: "Add owner",
      item: [
        { kind: "text", key: "manager", label: "Manager", nullable: true, size: 10 },
        { kind: "text", key: "email", label: "E-mail", nullable: true, size: 20 },
        { kind: "select", key: "channel", label: "Channel", nullable: "default", options: CHANNELS },
        { kind: "text", key: "slackUserId", label: "Slack user", nullable: true, size: 10 },
        { kind: "text", key: "teamsUserId", label: "Teams user", nullable: true, size: 10 },
      ],
      create: () => ({ manager: null, email: null, channel: null }),
      empty: "No owners: notices go to the default team channel." },
    { kind: "select", key: "defaultTeamChannel", label: "Default team channel", options: CHANNELS },
  ] };

  return { "sla-policies": slaPolicies, qualification, recycle, "routing-policies": routingPolicies, people, directory };
})();

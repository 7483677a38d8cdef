// LeadSync admin console: dependency-free. Every call carries the admin key from sessionStorage; the server
// checks it on every admin route. Data is inserted with textContent only (never as HTML).
"use strict";

const KEY = "leadsync.adminKey";
const SVG = "http://www.w3.org/2000/svg";
const $ = (sel) => document.querySelector(sel);
const state = { etag: null, resource: "sla-policies", continuation: null };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return node;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api(path, options = {}) {
  const headers = { "X-LeadSync-Admin-Key": sessionStorage.getItem(KEY) ?? "", ...(options.headers ?? {}) };
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401) {
    signOut("Your admin key was not accepted (it may have been revoked).");
    throw new Error("unauthenticated");
  }
  return response;
}

const fmt = (iso) => (iso ? new Date(iso).toLocaleString() : "—");

// ---- sign in / out and tabs ----

async function signIn(key) {
  sessionStorage.setItem(KEY, key);
  const probe = await fetch("/api/admin/dashboard?days=1", { headers: { "X-LeadSync-Admin-Key": key } });
  if (!probe.ok) {
    sessionStorage.removeItem(KEY);
    const problem = await probe.json().catch(() => ({}));
    $("#login-error").textContent = problem.detail ?? `Sign-in failed (${probe.status}).`;
    return;
  }
  showApp();
}

function signOut(message) {
  sessionStorage.removeItem(KEY);
  $("#tabs").hidden = true;
  $("#logout").hidden = true;
  document.querySelectorAll(".tab").forEach((t) => (t.hidden = true));
  $("#login").hidden = false;
  $("#login-error").textContent = message ?? "";
}

function showApp() {
  $("#login").hidden = true;
  $("#tabs").hidden = false;
  $("#logout").hidden = false;
  openTab("dashboard");
}

function openTab(name) {
  document.querySelectorAll("#tabs button").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
  document.querySelectorAll(".tab").forEach((t) => (t.hidden = t.id !== name));
  if (name === "dashboard") loadDashboard();
  if (name === "reports") loadReports();
  if (name === "scorecard") loadScorecard();
  if (name === "policies") loadPolicy();
  if (name === "leads") searchLeads(false);
  if (name === "quarantine" || name === "dead-letters") loadList($("#" + name));
}

// ---- dashboard (inline SVG charts) ----

// Each CRM connection as /api/health reports it: healthy, degraded or paused until a time, the reason and the backlog.
async function loadConnections() {
  const host = $("#crm-connections");
  const response = await fetch("/api/health");
  if (!response.ok) {
    host.replaceChildren(el("p", { class: "error", "data-storage-down": "" }, "Storage is unreachable: nothing can be read or synced."));
    return;
  }
  const health = await response.json();
  const rows = (health.crm ?? []).map((c) => el("tr", { "data-crm": c.name },
    el("td", {}, c.name),
    el("td", {}, el("span", { class: `pill ${c.state === "healthy" ? "ok" : c.state === "paused" ? "bad" : "warn"}`, "data-state": c.state }, c.state)),
    el("td", {}, c.state === "paused" ? `until ${fmt(c.pausedUntil)}` : c.detail),
    el("td", { class: "muted" }, c.reason ?? ""),
    el("td", { "data-backlog": "" }, c.backlog === null || c.backlog === undefined ? "—" : String(c.backlog))));
  host.replaceChildren(rows.length === 0
    ? el("p", { class: "muted" }, "No CRM connection is configured.")
    : el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "CRM"), el("th", {}, "State"), el("th", {}, "Detail"), el("th", {}, "Reason"), el("th", {}, "Sync backlog"))), el("tbody", {}, ...rows)));
}

async function loadDashboard() {
  loadConnections();
  const response = await api("/api/admin/dashboard?days=14");
  if (!response.ok) return;
  const d = await response.json();
  drawCompliance($("#chart-compliance"), d.compliance);
  drawHistogram($("#chart-first-touch"), d.firstTouch);
  drawFunnel($("#chart-funnel"), d.funnel);
  $("#dashboard-note").textContent = `${d.evaluated} leads received since ${fmt(d.from)}${d.truncated ? " (sample: more exist)" : ""}.`;
}

function drawCompliance(host, days) {
  const W = 520, H = 220, L = 36, B = 28, T = 10;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "SLA compliance by day" });
  for (const p of [0, 50, 100]) {
    const y = T + (H - T - B) * (1 - p / 100);
    chart.append(svg("line", { x1: L, x2: W - 6, y1: y, y2: y, stroke: "#dde1ea" }), svg("text", { x: 4, y: y + 4, "font-size": 10, fill: "#6b7385" }, `${p}%`));
  }
  const step = (W - L - 10) / Math.max(days.length, 1);
  const points = [];
  days.forEach((day, i) => {
    const x = L + step * i + step / 2;
    const judged = day.met + day.breached;
    if (judged > 0) points.push([x, T + (H - T - B) * (1 - day.met / judged), day]);
    if (i % 2 === 0) chart.append(svg("text", { x, y: H - 8, "font-size": 9, fill: "#6b7385", "text-anchor": "middle" }, day.day.slice(5)));
  });
  if (points.length > 1) chart.append(svg("polyline", { points: points.map((p) => p.slice(0, 2).join(",")).join(" "), fill: "none", stroke: "#2457d6", "stroke-width": 2 }));
  for (const [x, y, day] of points) {
    const dot = svg("circle", { cx: x, cy: y, r: 4, fill: day.breached ? "#c2352b" : "#1f8a4c" });
    dot.append(svg("title", {}, `${day.day}: ${day.met} met, ${day.breached} breached, ${day.pending} pending`));
    chart.append(dot);
  }
  if (points.length === 0) chart.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#6b7385" }, "No deadlines judged yet"));
  host.replaceChildren(chart);
}

function drawHistogram(host, buckets) {
  const W = 520, H = 220, B = 28, T = 14;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Time to first touch" });
  const step = (W - 20) / buckets.length;
  buckets.forEach((b, i) => {
    const h = (H - T - B) * (b.count / max);
    const x = 10 + step * i;
    chart.append(
      svg("rect", { x: x + 6, y: H - B - h, width: step - 12, height: h, rx: 3, fill: "#2457d6" }),
      svg("text", { x: x + step / 2, y: H - B - h - 4, "text-anchor": "middle", "font-size": 11 }, String(b.count)),
      svg("text", { x: x + step / 2, y: H - 8, "text-anchor": "middle", "font-size": 11, fill: "#6b7385" }, b.label));
  });
  host.replaceChildren(chart);
}

const STATUS_COLORS = { SalesReady: "#7aa2ff", Synced: "#2457d6", Contacted: "#1f8a4c", Converted: "#0d5c31", Nurture: "#c98a16", Recycled: "#e0b458", Disqualified: "#c2352b", Received: "#b8bfcc" };

function drawFunnel(host, funnel) {
  if (funnel.length === 0) {
    host.replaceChildren(el("div", { class: "empty" }, "No leads in this window yet."));
    return;
  }
  const W = 1100, row = 26, H = funnel.length * row + 10, L = 120;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Funnel per source" });
  funnel.forEach((f, i) => {
    const total = Object.values(f.statuses).reduce((a, b) => a + b, 0) || 1;
    let x = L;
    const y = 5 + i * row;
    chart.append(svg("text", { x: 0, y: y + 15, "font-size": 12 }, `${f.source} (${total})`));
    for (const [status, n] of Object.entries(f.statuses)) {
      if (!n) continue;
      const w = (W - L - 10) * (n / total);
      const r = svg("rect", { x, y, width: w, height: row - 6, fill: STATUS_COLORS[status] ?? "#999" });
      r.append(svg("title", {}, `${status}: ${n}`));
      chart.append(r);
      x += w;
    }
  });
  const legend = el("div", { class: "legend" });
  for (const [status, color] of Object.entries(STATUS_COLORS)) {
    const sw = el("span", { class: "swatch" });
    sw.style.background = color;
    legend.append(el("span", {}, sw, status));
  }
  host.replaceChildren(chart, legend);
}

// ---- reports and scorecard (from the report index; charts by the vendored Chart.js) ----

// Minutes with one decimal from seconds; "—" when there is no sample.
const mins = (s) => (s === null || s === undefined ? "—" : (s / 60).toFixed(1));
const num = (n) => (n === null || n === undefined ? "—" : String(n));
const pct = (n) => (n === null || n === undefined ? "—" : n.toFixed(1));

// The report table's columns: header, the figure's key (data-col) and how a group shows it. The CSV repeats the table.
const REPORT_COLUMNS = [
  ["Received", "received", (g) => num(g.received)],
  ["Sales-ready", "salesReady", (g) => num(g.salesReady)],
  ["Synced", "synced", (g) => num(g.synced)],
  ["Contacted", "contacted", (g) => num(g.contacted)],
  ["Converted", "converted", (g) => num(g.converted)],
  ["Recycled", "recycled", (g) => num(g.recycled)],
  ["Dropped", "dropped", (g) => num(g.dropped)],
  ["SLA met %", "slaMetPercent", (g) => pct(g.slaMetPercent)],
  ["First touch p50 business", "ttftBusinessP50", (g) => mins(g.businessTimeToFirstTouch.medianSeconds)],
  ["First touch p90 business", "ttftBusinessP90", (g) => mins(g.businessTimeToFirstTouch.p90Seconds)],
  ["First touch p50 elapsed", "ttftP50", (g) => mins(g.timeToFirstTouch.medianSeconds)],
  ["First touch p90 elapsed", "ttftP90", (g) => mins(g.timeToFirstTouch.p90Seconds)],
  ["System p50", "systemP50", (g) => mins(g.systemLatency.medianSeconds)],
  ["System p90", "systemP90", (g) => mins(g.systemLatency.p90Seconds)],
  ["Human p50", "humanP50", (g) => mins(g.humanLatency.medianSeconds)],
  ["Human p90", "humanP90", (g) => mins(g.humanLatency.p90Seconds)],
  ["Attempts per lead", "attemptsPerLead", (g) => (g.attemptsPerLead === null ? "—" : g.attemptsPerLead.toFixed(2))],
];

const SCORECARD_COLUMNS = [
  ["Leads", "received", (g) => num(g.received)],
  ["SLA met %", "slaMetPercent", (g) => pct(g.slaMetPercent)],
  ["Median first touch business", "ttftBusinessP50", (g) => mins(g.businessTimeToFirstTouch.medianSeconds)],
  ["Median first touch elapsed", "ttftP50", (g) => mins(g.timeToFirstTouch.medianSeconds)],
  ["Attempts", "attempts", (g) => num(g.attempts)],
  ["Attempts per lead", "attemptsPerLead", (g) => (g.attemptsPerLead === null ? "—" : g.attemptsPerLead.toFixed(2))],
  ["Conversions", "converted", (g) => num(g.converted)],
  ["Recycles", "recycled", (g) => num(g.recycled)],
];

// Stacks of the weekly chart: every current status falls in exactly one, so a bar's height is the week's received.
const OUTCOMES = [
  ["Not sales-ready", ["Received", "Nurture"], "#b8bfcc"],
  ["Waiting for first touch", ["SalesReady", "Synced"], "#7aa2ff"],
  ["Contacted", ["Contacted"], "#1f8a4c"],
  ["Converted", ["Converted"], "#0d5c31"],
  ["Recycled", ["Recycled"], "#e0b458"],
  ["Dropped", ["Disqualified"], "#c2352b"],
];

const charts = {};
const isoDay = (d) => d.toISOString().slice(0, 10);

function defaultRange(fromInput, toInput) {
  if (fromInput.value && toInput.value) return;
  const today = new Date();
  toInput.value = isoDay(today);
  fromInput.value = isoDay(new Date(today.getTime() - 27 * 86400000));
}

function reportQuery(prefix, groupBy) {
  const q = new URLSearchParams({ from: $(`#${prefix}-from`).value, to: $(`#${prefix}-to`).value, groupBy });
  for (const f of ["source", "campaign", "owner"]) {
    const input = $(`#${prefix}-${f}`);
    if (input && input.value.trim()) q.set(f, input.value.trim());
  }
  if ($(`#${prefix}-test`).checked) q.set("includeTest", "true");
  return q;
}

async function fetchReport(q, errors) {
  const response = await api(`/api/admin/reports/funnel?${q}`);
  const body = await response.json();
  errors.replaceChildren();
  if (!response.ok) {
    const list = Object.entries(body.errors ?? {}).flatMap(([field, messages]) => messages.map((m) => el("li", { "data-field": field }, el("code", {}, field), " ", m)));
    errors.replaceChildren(...(list.length ? list : [el("li", {}, body.detail ?? body.title ?? `Failed (${response.status}).`)]));
    return null;
  }
  return body;
}

function fillFigures(table, firstHeader, columns, groups, total) {
  const row = (g) => el("tr", { "data-key": g.key }, el("td", { "data-col": "key" }, g.key),
    ...columns.map(([, key, show]) => el("td", { "data-col": key }, show(g))));
  table.tHead.replaceChildren(el("tr", {}, el("th", {}, firstHeader), ...columns.map(([h]) => el("th", {}, h))));
  table.tBodies[0].replaceChildren(...groups.map((g) => row(g)));
  table.tFoot.replaceChildren(...(total && groups.length > 1 ? [row({ ...total, key: "All" })] : []));
}

// The CSV of a table exactly as shown: header, body and footer rows, cell text as displayed.
function downloadTableCsv(table, name) {
  const quote = (t) => {
    const safe = /^[=+\-@]/.test(t) ? `'${t}` : t;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [...table.rows].map((r) => [...r.cells].map((c) => quote(c.textContent)).join(","));
  const blob = new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
  const link = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function drawChart(id, config, tableHead, tableRows) {
  const figure = $(`#${id}`);
  charts[id]?.destroy();
  config.options = { animation: false, responsive: true, maintainAspectRatio: false, ...config.options };
  charts[id] = new window.Chart(figure.querySelector("canvas"), config);
  const table = figure.querySelector("details table");
  table.replaceChildren(el("thead", {}, el("tr", {}, ...tableHead.map((h) => el("th", {}, h)))),
    el("tbody", {}, ...tableRows.map((r) => el("tr", {}, ...r.map((c) => el("td", {}, c))))));
}

const reportRequests = { reports: 0, scorecard: 0 };

async function loadReports() {
  // Only the newest request draws: a slow answer to an earlier query (e.g. the tab's default range, whose first report
  // builds day rollups) must not replace the figures of a query applied after it.
  const seq = ++reportRequests.reports;
  defaultRange($("#r-from"), $("#r-to"));
  const groupBy = $("#r-group").value;
  const query = reportQuery("r", groupBy);
  const report = await fetchReport(query, $("#report-errors"));
  if (!report || seq !== reportRequests.reports) return;
  const weekly = groupBy === "week" ? report : await fetchReport(reportQuery("r", "week"), $("#report-errors"));
  if (!weekly || seq !== reportRequests.reports) return;
  fillFigures($("#report-table"), groupBy, REPORT_COLUMNS, report.groups, report.total);
  $("#report-note").textContent = `${report.total.received} lead cycles received ${report.from} – ${report.to} (UTC)${report.includeTest ? ", test leads included" : ", test leads excluded"}.`;

  const weeks = weekly.groups.map((g) => g.key);
  const stacks = OUTCOMES.map(([label, statuses]) => weekly.groups.map((g) => statuses.reduce((n, s) => n + (g.byStatus[s] ?? 0), 0)));
  drawChart("chart-weekly", {
    type: "bar",
    data: { labels: weeks, datasets: OUTCOMES.map(([label, , color], i) => ({ label, data: stacks[i], backgroundColor: color })) },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  }, ["Week", ...OUTCOMES.map(([label]) => label), "Received"], weekly.groups.map((g, w) => [g.key, ...stacks.map((s) => String(s[w])), String(g.received)]));

  drawChart("chart-sla", {
    type: "line",
    data: { labels: weeks, datasets: [{ label: "SLA met %", data: weekly.groups.map((g) => g.slaMetPercent), borderColor: "#2457d6", backgroundColor: "#2457d6", spanGaps: true }] },
    options: { scales: { y: { min: 0, max: 100 } } },
  }, ["Week", "SLA met", "SLA missed", "SLA met %"], weekly.groups.map((g) => [g.key, String(g.slaMet), String(g.slaMissed), pct(g.slaMetPercent)]));

  const buckets = report.firstTouchDistribution;
  drawChart("chart-latency", {
    type: "bar",
    data: {
      labels: buckets.map((b) => b.label),
      datasets: [{ label: "Elapsed", data: buckets.map((b) => b.elapsed), backgroundColor: "#2457d6" }, { label: "Business time", data: buckets.map((b) => b.business), backgroundColor: "#1f8a4c" }],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  }, ["Time to first touch", "Elapsed", "Business time"], buckets.map((b) => [b.label, String(b.elapsed), String(b.business)]));
  // The query on screen (tests and bookmarks read it; the CSV is of this table).
  $("#report-table").dataset.query = query.toString();
}

async function loadScorecard() {
  const seq = ++reportRequests.scorecard;
  defaultRange($("#s-from"), $("#s-to"));
  const query = reportQuery("s", "owner");
  const report = await fetchReport(query, $("#scorecard-errors"));
  if (!report || seq !== reportRequests.scorecard) return;
  fillFigures($("#scorecard-table"), "Rep", SCORECARD_COLUMNS, report.groups, report.total);
  $("#scorecard-table").dataset.query = query.toString();
}

// ---- policy editor ----

// What each document holds; the server checks every field and answers field-level errors shown under the editor.
const POLICY_HELP = {
  "sla-policies": "firstTouch, levels (after, recipient owner|manager|team, action), calendars (IANA timeZone, hours, holidays) and tiered policies.",
  qualification: "The sales-ready definition. requiredFields: any of email, phone, company, title, country, firstName, lastName, score and the BANT answers budget, authority, need, timeline. minimumScore: 0 or more. mode: All (fields and score must pass) or Any (either suffices). Leads that are not sales-ready go straight to nurture.",
  recycle: "noProgressWindow: how long a synced or contacted lead may go without progress before it goes back to nurture.",
  directory: "owners: { ownerId: { manager, email, channel: webhook|teams|slack|email } } and defaultTeamChannel. Decides who the escalation ladder notifies, from the next notice on.",
  connections: "sources: { name: { enabled, secret } } and crm: { provider, baseUrl, clientId, clientSecret }. Secrets are write-only: leave one out to keep it; enabled: false turns a source off. Applies without a restart.",
};

async function loadPolicy() {
  state.resource = $("#resource").value;
  clearErrors();
  $("#policy-status").textContent = "";
  // The effective document and where each value comes from; the form (forms/policy-forms.js) edits the JSON below.
  const response = await api(`/api/admin/config/${state.resource}?sources=true`);
  if (!response.ok) return showProblem(await response.json());
  state.etag = response.headers.get("ETag");
  const view = await response.json();
  $("#editor").value = JSON.stringify(view.document, null, 2);
  policyForms.load(state.resource, view);
  $("#etag").textContent = state.etag === '"0"' ? "from settings (never edited)" : `version ${state.etag}`;
  $("#policy-help").textContent = POLICY_HELP[state.resource] ?? "";
  $("#dry-run").hidden = state.resource !== "sla-policies";
  $("#dry-run-result").hidden = true;
  loadHistory();
}

function clearErrors() {
  $("#policy-errors").replaceChildren();
  $("#editor").classList.remove("invalid");
  policyForms.clearErrors();
}

function showProblem(problem) {
  clearErrors();
  $("#editor").classList.add("invalid");
  const list = $("#policy-errors");
  const errors = problem.errors ?? {};
  if (Object.keys(errors).length === 0) list.append(el("li", {}, problem.detail ?? problem.title ?? "The request failed."));
  for (const [field, messages] of Object.entries(errors)) {
    for (const message of messages) list.append(el("li", { "data-field": field }, el("code", {}, field), " ", message));
  }
  policyForms.showErrors(errors);
}

function parseEditor() {
  try {
    return JSON.parse($("#editor").value);
  } catch (e) {
    showProblem({ errors: { $: [`Not valid JSON: ${e.message}`] } });
    return null;
  }
}

async function savePolicy() {
  const doc = parseEditor();
  if (!doc) return;
  const response = await api(`/api/admin/config/${state.resource}`, {
    method: "PUT",
    headers: { "content-type": "application/json", "If-Match": state.etag ?? "" },
    body: JSON.stringify(doc),
  });
  if (!response.ok) {
    showProblem(await response.json());
    return;
  }
  const saved = response.headers.get("ETag");
  await loadPolicy();
  $("#policy-status").textContent = `Saved as version ${saved}.`;
}

async function dryRun() {
  const doc = parseEditor();
  if (!doc) return;
  const response = await api("/api/admin/sla-policies/dry-run", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(doc) });
  const body = await response.json();
  if (!response.ok) return showProblem(body);
  clearErrors();
  const rows = (items, label) => items.map((i) => el("tr", {}, el("td", {}, label), el("td", {}, i.leadId), el("td", {}, i.source), el("td", {}, i.policy), el("td", {}, fmt(i.at)), el("td", {}, i.alreadyPast ? "already past" : "")));
  const table = el("table", {}, el("thead", {}, el("tr", {}, ...["What", "Lead", "Source", "Policy", "When", ""].map((h) => el("th", {}, h)))),
    el("tbody", {}, ...rows(body.breaches, "breach"), ...rows(body.checkpoints || [], "cadence checkpoint"), ...rows(body.recycles, "recycle")));
  $("#dry-run-body").replaceChildren(
    el("p", { class: "muted" }, `${body.evaluated} open leads evaluated${body.truncated ? " (bounded: more exist)" : ""}; ${body.breaches.length} would breach, ${(body.checkpoints || []).length} cadence checkpoint(s) would fall due and ${body.recycles.length} would recycle before ${fmt(body.horizon)}.`),
    table);
  $("#dry-run-result").hidden = false;
}

async function loadHistory() {
  const response = await api(`/api/admin/config/${state.resource}/history`);
  if (!response.ok) return;
  const { versions } = await response.json();
  $("#history").replaceChildren(versions.length === 0
    ? el("p", { class: "muted" }, "No admin changes yet: the settings apply.")
    : el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Version"), el("th", {}, "When"), el("th", {}, "Who"), el("th", {}, "Changed"))),
      el("tbody", {}, ...versions.map((v) => el("tr", {}, el("td", {}, String(v.version)), el("td", {}, fmt(v.changedAt)), el("td", {}, v.changedBy), el("td", {}, v.changes.join(", ") || "—"))))));
}

// ---- leads and timeline ----

async function searchLeads(more) {
  const q = new URLSearchParams({ pageSize: "25" });
  if ($("#f-status").value) q.set("status", $("#f-status").value);
  if ($("#f-source").value) q.set("source", $("#f-source").value);
  if ($("#f-owner").value) q.set("owner", $("#f-owner").value);
  if ($("#f-breached").checked) q.set("breached", "true");
  // By e-mail: exact (ignoring case) through the e-mail index; one page.
  if ($("#f-email").value.trim()) q.set("email", $("#f-email").value.trim());
  else if (more && state.continuation) q.set("continuationToken", state.continuation);
  const response = await api(`/api/admin/leads?${q}`);
  $("#lead-errors").replaceChildren();
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    $("#lead-errors").replaceChildren(...Object.entries(problem.errors ?? { search: [problem.detail ?? `Search failed (${response.status}).`] })
      .map(([field, messages]) => el("li", {}, el("code", {}, field), " ", messages.join(" "))));
    return;
  }
  const page = await response.json();
  const body = $("#lead-table tbody");
  if (!more) body.replaceChildren();
  for (const lead of page.items) {
    body.append(el("tr", { "data-lead": lead.id, onclick: () => openLead(lead.id) },
      el("td", {}, fmt(lead.receivedAt)), el("td", {}, lead.source), el("td", {}, el("span", { class: "pill" }, lead.status)),
      el("td", { class: "name" }, lead.name ?? "—"), el("td", { class: "email" }, lead.email ?? "—"), el("td", {}, lead.company ?? "—"), el("td", {}, lead.owner ?? "—"), el("td", {}, fmt(lead.slaDueAt)),
      el("td", {}, lead.escalationLevel > 0 ? el("span", { class: "pill bad" }, String(lead.escalationLevel)) : "0")));
  }
  state.continuation = page.continuationToken;
  $("#lead-more").hidden = !page.continuationToken;
  $("#lead-empty").hidden = body.children.length > 0;
}

async function openLead(id) {
  const response = await api(`/api/leads/${encodeURIComponent(id)}`);
  if (!response.ok) return;
  const lead = await response.json();
  $("#timeline-lead").textContent = lead.id;
  const facts = [["Status", lead.status], ["Source", lead.source], ["Received", fmt(lead.receivedAt)], ["Owner", lead.owner ?? "—"],
    ["SLA due", fmt(lead.slaDueAt)], ["First touch", fmt(lead.firstTouchAt)], ["Company", lead.contact?.company ?? "—"], ["CRM id", lead.crmId ?? "—"]];
  $("#lead-facts").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  $("#timeline").replaceChildren(...lead.timeline.map((t) => el("li", {}, el("div", { class: "event" }, t.event),
    el("div", { class: "muted" }, `${fmt(t.at)} · ${t.actor}`), el("div", {}, t.detail))));
  const name = [lead.contact?.firstName, lead.contact?.lastName].filter(Boolean).join(" ");
  $("#lead-facts").prepend(el("dt", {}, "Name"), el("dd", {}, name || "—"), el("dt", {}, "E-mail"), el("dd", {}, lead.contact?.email ?? "—"));
  // Only http(s) links from the server's settings; never a script URL.
  const crmUrl = /^https?:\/\//.test(lead.crmUrl ?? "") ? lead.crmUrl : null;
  $("#lead-crm-link").hidden = !crmUrl;
  if (crmUrl) $("#lead-crm-url").href = crmUrl;
  const touches = lead.touches ?? [];
  $("#lead-touches tbody").replaceChildren(...touches.map((t) => el("tr", { "data-kind": t.kind },
    el("td", {}, fmt(t.at)), el("td", {}, t.kind), el("td", {}, t.source ?? "—"), el("td", {}, t.campaign ?? "—"),
    el("td", { class: "wrap" }, t.detail), el("td", {}, t.inCrm === true ? "written" : t.inCrm === false ? "not yet" : "—"))));
  $("#lead-touches-empty").hidden = touches.length > 0;
  $("#timeline-card").hidden = false;
}

// ---- quarantine and dead letters (endpoints owned by other features; empty state until they exist) ----

async function loadList(section) {
  const host = section.querySelector(".list");
  const path = section.dataset.list;
  const response = await api(path);
  if (response.status === 404) {
    host.replaceChildren(el("div", { class: "empty", "data-empty": "true" }, "Nothing to show: this list is not available on this deployment yet."));
    return;
  }
  if (!response.ok) {
    host.replaceChildren(el("div", { class: "empty" }, `Could not load (${response.status}).`));
    return;
  }
  const body = await response.json();
  const items = Array.isArray(body) ? body : (body.items ?? []);
  if (items.length === 0) {
    host.replaceChildren(el("div", { class: "empty", "data-empty": "true" }, "Nothing here."));
    return;
  }
  host.replaceChildren(el("table", {}, el("tbody", {}, ...items.map((item) => el("tr", {},
    el("td", {}, item.id ?? ""), el("td", {}, item.source ?? item.queue ?? ""), el("td", {}, item.reason ?? item.error ?? ""), el("td", {}, fmt(item.at ?? item.receivedAt)),
    el("td", {}, el("button", { class: "secondary", "data-replay": item.id ?? "", onclick: async (e) => {
      const r = await api(`${path}/${encodeURIComponent(item.id)}/replay`, { method: "POST" });
      e.target.textContent = r.ok ? "Replayed" : `Failed (${r.status})`;
      e.target.disabled = r.ok;
    } }, "Replay")))))));
}

// ---- wiring ----

document.addEventListener("DOMContentLoaded", () => {
  $("#login-form").addEventListener("submit", (e) => {
    e.preventDefault();
    signIn($("#admin-key").value.trim());
  });
  $("#logout").addEventListener("click", () => signOut());
  document.querySelectorAll("#tabs button").forEach((b) => b.addEventListener("click", () => openTab(b.dataset.tab)));
  $("#resource").addEventListener("change", loadPolicy);
  $("#save").addEventListener("click", savePolicy);
  $("#reload").addEventListener("click", loadPolicy);
  $("#dry-run").addEventListener("click", dryRun);
  $("#lead-search").addEventListener("submit", (e) => {
    e.preventDefault();
    searchLeads(false);
  });
  $("#lead-more").addEventListener("click", () => searchLeads(true));
  $("#report-filters").addEventListener("submit", (e) => {
    e.preventDefault();
    loadReports();
  });
  $("#r-csv").addEventListener("click", () => downloadTableCsv($("#report-table"), `leadsync-report-${$("#r-group").value}-${$("#r-from").value}-${$("#r-to").value}.csv`));
  $("#scorecard-filters").addEventListener("submit", (e) => {
    e.preventDefault();
    loadScorecard();
  });
  $("#s-csv").addEventListener("click", () => downloadTableCsv($("#scorecard-table"), `leadsync-scorecard-${$("#s-from").value}-${$("#s-to").value}.csv`));
  if (sessionStorage.getItem(KEY)) showApp();
});

// LeadSync admin console, Audit tab: the audit log of admin actions (GET /api/admin/audit), newest first, with
// filters and paging. Uses app.js's helpers ($, el, api, fmt); data is inserted with textContent only.
"use strict";

const auditState = { continuation: null };

function auditQuery(more) {
  const q = new URLSearchParams({ pageSize: "50" });
  if ($("#a-action").value) q.set("action", $("#a-action").value);
  if ($("#a-actor").value.trim()) q.set("actor", $("#a-actor").value.trim());
  // datetime-local is the browser's local time; the API takes instants.
  if ($("#a-from").value) q.set("from", new Date($("#a-from").value).toISOString());
  if ($("#a-to").value) q.set("to", new Date($("#a-to").value).toISOString());
  if (more && auditState.continuation) q.set("continuationToken", auditState.continuation);
  return q;
}

function auditStatusPill(entry) {
  const kind = entry.status === "completed" ? (/^2/.test(entry.outcome) ? "ok" : "warn") : "bad";
  return el("span", { class: `pill ${kind}`, title: entry.status }, entry.status);
}

async function loadAudit(more) {
  const errors = $("#audit-errors");
  errors.replaceChildren();
  const q = auditQuery(more);
  const response = await api(`/api/admin/audit?${q}`);
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const fields = Object.entries(problem.errors ?? {}).map(([field, messages]) => el("li", {}, el("code", {}, field), " ", messages.join(" ")));
    errors.replaceChildren(...(fields.length ? fields : [el("li", {}, problem.detail ?? `Could not load the audit log (${response.status}).`)]));
    return;
  }
  const page = await response.json();
  const body = $("#audit-table tbody");
  if (!more) body.replaceChildren();
  for (const entry of page.items) {
    body.append(el("tr", { "data-audit": entry.id, "data-action": entry.action },
      el("td", {}, fmt(entry.at)), el("td", { class: "actor" }, entry.actor), el("td", {}, entry.action),
      el("td", { class: "wrap" }, entry.target), el("td", {}, auditStatusPill(entry)), el("td", { class: "wrap outcome" }, entry.outcome)));
  }
  auditState.continuation = page.continuationToken;
  $("#audit-more").hidden = !page.continuationToken;
  $("#audit-empty").hidden = body.children.length > 0;
  $("#audit-table").dataset.query = q.toString();
}

document.addEventListener("DOMContentLoaded", () => {
  $('#tabs button[data-tab="audit"]').addEventListener("click", () => loadAudit(false));
  $("#audit-filters").addEventListener("submit", (e) => {
    e.preventDefault();
    loadAudit(false);
  });
  $("#audit-more").addEventListener("click", () => loadAudit(true));
});

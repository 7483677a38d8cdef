// Routing tab: POST /api/admin/routing-policies/dry-run — what routing would decide now for the newest stored leads,
// under the policies in effect or a candidate document. Uses app.js's helpers ($, el, api, fmt); text only, never HTML.
"use strict";

function routingErrors(messages) {
  $("#rt-errors").replaceChildren(...messages.map((m) => el("li", {}, m)));
}

async function routingDryRun() {
  routingErrors([]);
  $("#rt-summary").textContent = "";
  const candidate = $("#rt-candidate").value.trim();
  if (candidate) {
    try {
      JSON.parse(candidate);
    } catch (e) {
      routingErrors([`The candidate document is not valid JSON: ${e.message}`]);
      return;
    }
  }
  const last = encodeURIComponent($("#rt-last").value);
  const response = await api(`/api/admin/routing-policies/dry-run?last=${last}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: candidate,
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const fields = Object.entries(body.errors ?? {}).flatMap(([field, list]) => list.map((m) => (field ? `${field}: ${m}` : m)));
    routingErrors(fields.length > 0 ? fields : [body.detail ?? body.title ?? `The dry run failed (${response.status}).`]);
    $("#rt-table").hidden = true;
    return;
  }
  const tally = {};
  for (const item of body.leads) {
    const who = item.person ?? item.owner;
    if (who) tally[who] = (tally[who] ?? 0) + 1;
  }
  const people = Object.entries(tally).sort((a, b) => b[1] - a[1]).map(([who, n]) => `${who} ${n}`).join(", ");
  const routed = body.leads.filter((i) => i.owner).length;
  $("#rt-summary").textContent = `${body.evaluated} lead(s) evaluated ${body.leads.length === 0 ? "(no stored leads in the last 31 days)" : ""}`.trim()
    + `; ${routed} would get an owner from routing${people ? ` (${people})` : ""}, ${body.evaluated - routed} left to the CRM or to nobody available. Directory version ${body.directoryVersion}.`;
  $("#rt-table tbody").replaceChildren(...body.leads.map((i) => el("tr", { "data-lead": i.leadId },
    el("td", {}, fmt(i.receivedAt)), el("td", {}, i.source), el("td", {}, el("span", { class: "pill" }, i.status)),
    el("td", {}, i.currentOwner ?? "—"), el("td", {}, i.outcome), el("td", {}, i.person ?? i.owner ?? "—"),
    el("td", {}, i.team ?? "—"), el("td", {}, i.policy ?? "—"), el("td", {}, i.explanation))));
  $("#rt-table").hidden = false;
}

document.addEventListener("DOMContentLoaded", () => {
  $("#routing-form").addEventListener("submit", (e) => {
    e.preventDefault();
    routingDryRun();
  });
});

// Dry runs tab: what a policy would decide for the newest stored leads, under the document in effect or a pasted
// candidate — routing (POST /api/admin/routing-policies/dry-run), qualification (…/qualification/dry-run) and recycle
// (…/recycle/dry-run). Nothing is written. Uses app.js's helpers ($, el, api, fmt); text only, never HTML.
"use strict";

const dryRunKinds = {
  routing: {
    path: "/api/admin/routing-policies/dry-run",
    max: 200,
    head: ["Received", "Source", "Status", "Owner now", "Decision", "Would go to", "Team", "Policy", "Why"],
    rows: (b) => b.leads.map((i) => [i.leadId, fmt(i.receivedAt), i.source, i.status, i.currentOwner ?? "—", i.outcome, i.person ?? i.owner ?? "—", i.team ?? "—", i.policy ?? "—", i.explanation]),
    summary(b) {
      const tally = {};
      for (const i of b.leads) {
        const who = i.person ?? i.owner;
        if (who) tally[who] = (tally[who] ?? 0) + 1;
      }
      const people = Object.entries(tally).sort((x, y) => y[1] - x[1]).map(([who, n]) => `${who} ${n}`).join(", ");
      const routed = b.leads.filter((i) => i.owner).length;
      return `${b.evaluated} lead(s) evaluated; ${routed} would get an owner from routing${people ? ` (${people})` : ""}, ${b.evaluated - routed} left to the CRM or to nobody available. Directory version ${b.directoryVersion}.`;
    },
  },
  qualification: {
    path: "/api/admin/qualification/dry-run",
    max: 500,
    resource: "qualification",
    head: ["Received", "Source", "Now", "Why now", "With the candidate", "Why with the candidate"],
    rows: (b) => b.changes.map((i) => [i.leadId, fmt(i.receivedAt), i.source, i.now, i.nowReason, i.candidate, i.candidateReason]),
    summary: (b) => `${b.evaluated} lead(s) evaluated; sales-ready now ${b.salesReadyNow}, with the candidate ${b.salesReadyCandidate}; ${b.changes.length} would change (listed).`,
  },
  recycle: {
    path: "/api/admin/recycle/dry-run",
    max: 500,
    head: ["Received", "Source", "Status", "Decision", "Reason", "Target", "Why"],
    rows: (b) => b.items.map((i) => [i.leadId, fmt(i.receivedAt), i.source, i.status, i.decision, i.reason ?? "—", i.target ?? "—", i.why]),
    summary: (b) => `${b.evaluated} lead(s) evaluated; would recycle ${b.wouldRecycle}, close ${b.wouldClose}, hand to nurture ${b.wouldNurture} (default target ${b.defaultTarget}). The CRM is not read: the attempts trigger is left out.`,
  },
};

function dryRunErrors(messages) {
  $("#dr-errors").replaceChildren(...messages.map((m) => el("li", {}, m)));
}

async function dryRunCandidate(kind) {
  const text = $("#dr-candidate").value.trim();
  if (text) {
    JSON.parse(text); // throws with the browser's message; caught by the caller
    return text;
  }
  if (!kind.resource) return "";
  // The qualification dry run compares against a candidate: without one, the document in effect (nothing changes).
  const response = await api(`/api/admin/config/${kind.resource}`);
  return response.ok ? await response.text() : "";
}

async function runDryRun() {
  dryRunErrors([]);
  $("#dr-summary").textContent = "";
  const kind = dryRunKinds[$("#dr-kind").value];
  let candidate;
  try {
    candidate = await dryRunCandidate(kind);
  } catch (e) {
    dryRunErrors([`The candidate document is not valid JSON: ${e.message}`]);
    return;
  }
  const last = encodeURIComponent($("#dr-last").value);
  const response = await api(`${kind.path}?last=${last}`, { method: "POST", headers: { "content-type": "application/json" }, body: candidate });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const fields = Object.entries(body.errors ?? {}).flatMap(([field, list]) => list.map((m) => (field ? `${field}: ${m}` : m)));
    dryRunErrors(fields.length > 0 ? fields : [body.detail ?? body.title ?? `The dry run failed (${response.status}).`]);
    $("#dr-table").hidden = true;
    return;
  }
  $("#dr-summary").textContent = kind.summary(body);
  $("#dr-table thead").replaceChildren(el("tr", {}, ...kind.head.map((h) => el("th", {}, h))));
  $("#dr-table tbody").replaceChildren(...kind.rows(body).map(([leadId, ...cells]) =>
    el("tr", { "data-lead": leadId }, ...cells.map((c) => el("td", {}, c)))));
  $("#dr-table").hidden = false;
}

document.addEventListener("DOMContentLoaded", () => {
  $("#dr-kind").addEventListener("change", () => {
    $("#dr-last").max = String(dryRunKinds[$("#dr-kind").value].max);
    $("#dr-table").hidden = true;
    $("#dr-summary").textContent = "";
    dryRunErrors([]);
  });
  $("#dry-run-form").addEventListener("submit", (e) => {
    e.preventDefault();
    runDryRun();
  });
});

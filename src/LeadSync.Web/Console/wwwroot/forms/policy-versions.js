// LeadSync admin console: the stored versions of the policy on screen — compare two (GET …/diff) and roll back to
// one (POST …/rollback with the ETag in force, which stores it again as a new version).
"use strict";

const policyVersions = (() => {
  const { node } = formKit;
  let resource = null;
  let versions = [];

  async function load(name) {
    resource = name;
    const panel = document.getElementById("pf-versions");
    panel.hidden = true;
    document.getElementById("pf-diff").replaceChildren();
    const response = await api(`/api/admin/config/${name}/history`);
    const loaded = response.ok ? (await response.json()).versions : [];
    if (name !== resource) return;
    versions = loaded;
    panel.hidden = versions.length === 0;
    if (versions.length === 0) return;
    const choices = versions.map((v) => node("option", { value: String(v.version) }, `version ${v.version} · ${fmt(v.changedAt)} · ${v.changedBy}`));
    const from = document.getElementById("pf-from");
    from.replaceChildren(...choices);
    from.value = String(versions.length > 1 ? versions[1].version : versions[0].version);
    document.getElementById("pf-rollback").disabled = versions.length < 2;
  }

  async function diff() {
    const current = versions[0].version;
    const from = Number(document.getElementById("pf-from").value);
    const out = document.getElementById("pf-diff");
    if (from === current) {
      out.replaceChildren(node("p", { class: "muted" }, `Version ${from} is the one in force.`));
      return;
    }
    const response = await api(`/api/admin/config/${resource}/diff?from=${from}&to=${current}`);
    const body = await response.json();
    if (!response.ok) return out.replaceChildren(node("p", { class: "error" }, body.detail ?? body.title));
    const text = (v) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));
    out.replaceChildren(body.changes.length === 0
      ? node("p", { class: "muted" }, `No differences between version ${from} and version ${current}.`)
      : node("table", { class: "pf-diff", "data-from": String(from), "data-to": String(current) },
        node("thead", {}, node("tr", {}, node("th", {}, "Field"), node("th", {}, `Version ${from}`), node("th", {}, `Version ${current} (in force)`))),
        node("tbody", {}, ...body.changes.map((c) => node("tr", {}, node("td", {}, node("code", {}, c.path)), node("td", {}, text(c.before)), node("td", {}, text(c.after)))))));
  }

  async function rollback() {
    const version = Number(document.getElementById("pf-from").value);
    if (version === versions[0].version) return;
    const response = await api(`/api/admin/config/${resource}/rollback`, {
      method: "POST",
      headers: { "content-type": "application/json", "If-Match": state.etag ?? "" },
      body: JSON.stringify({ version }),
    });
    if (!response.ok) return showProblem(await response.json());
    await loadPolicy();
    document.getElementById("policy-status").textContent = `Rolled back to version ${version}: stored as version ${(response.headers.get("ETag") ?? "").replaceAll("\"", "")}.`;
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("pf-compare").addEventListener("click", diff);
    document.getElementById("pf-rollback").addEventListener("click", rollback);
  });

  return { load };
})();

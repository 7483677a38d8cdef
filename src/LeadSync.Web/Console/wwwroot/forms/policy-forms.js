// LeadSync admin console: a form per policy resource over the effective document (GET …?sources=true), with where
// each value comes from, inline messages from the server's own validators (the PUT's 400 errors, by JSON path),
// a JSON view for power users, and the version history's diff and rollback. The schemas are in policy-schemas.js.
"use strict";

const policyForms = (() => {
  const { node, showDuration, parseDuration, join, index, parent, shortMessage } = formKit;
  const pf = { resource: null, doc: null, sources: {}, version: 0, view: "form" };
  const editor = () => document.getElementById("editor");
  const host = () => document.getElementById("policy-form");

  // ---- the document <-> the JSON editor ----

  function sync() {
    editor().value = JSON.stringify(pf.doc, null, 2);
    validateSoon();
  }

  // While the form is edited, the server checks the document (PUT …?validateOnly=true: the same validators as Save,
  // nothing stored) and its messages appear next to their fields; the newest answer wins.
  let pending = null;
  let asked = 0;
  function validateSoon() {
    clearTimeout(pending);
    pending = setTimeout(validateNow, 400);
  }

  async function validateNow() {
    const mine = ++asked;
    const response = await api(`/api/admin/config/${pf.resource}?validateOnly=true`, {
      method: "PUT", headers: { "content-type": "application/json" }, body: editor().value,
    });
    const body = await response.json().catch(() => ({}));
    if (mine !== asked || pf.view !== "form") return;
    const check = document.getElementById("pf-check");
    if (response.ok) {
      showErrors({}, false);
      check.textContent = body.changes.length > 0 ? `Valid, not saved yet: changes ${body.changes.join(", ")}.` : "Valid: no changes to save.";
      check.className = "muted";
    } else {
      showErrors(body.errors ?? {}, false);
      check.textContent = response.status === 400 ? "Not valid yet: see the messages next to the fields." : "";
      check.className = "error";
    }
  }

  function sourceBadge(path) {
    const source = pf.sources[path];
    if (!source) return null;
    const kind = source.startsWith("stored") ? "stored" : source;
    return node("span", { class: `pf-source ${kind}`, "data-source-for": path, title: SOURCE_TITLES[kind] ?? "" }, source);
  }

  const SOURCE_TITLES = {
    default: "Nothing is set: the built-in default applies.",
    setting: "From the start-up settings (LeadSync:… app settings).",
    stored: "From a version stored through the admin API or this console.",
  };

  // ---- fields ----

  function field(spec, obj, base, path, control) {
    return node("label", { class: `pf-field${spec.wide ? " wide" : ""}`, "data-path": path },
      node("span", { class: "pf-label" }, spec.label, base === "" ? sourceBadge(spec.key) : null),
      control,
      spec.hint ? node("span", { class: "pf-hint" }, spec.hint) : null,
      node("span", { class: "pf-error", role: "alert" }));
  }

  function input(spec, obj, base) {
    const path = join(base, spec.key);
    const value = obj[spec.key];
    const set = (v) => {
      // omitEmpty: a cleared field leaves the document's map without the key (e.g. a recycle reason with no target).
      if (spec.omitEmpty && (v === null || v === "")) delete obj[spec.key];
      else obj[spec.key] = v;
      sync();
    };
    let control;
    switch (spec.kind) {
      case "text":
        control = node("input", { type: "text", value: value ?? "", list: spec.datalist, size: spec.size ?? 14, placeholder: spec.placeholder ?? "", oninput: (e) => set(spec.nullable && e.target.value.trim() === "" ? null : e.target.value) });
        break;
      case "number":
        control = node("input", { type: "number", value: value ?? "", step: spec.step ?? "1", class: "num", oninput: (e) => set(e.target.value === "" ? null : Number(e.target.value)) });
        break;
      case "duration":
        control = node("input", { type: "text", value: showDuration(value), size: 9, class: "num", placeholder: spec.nullable ? spec.placeholder ?? "—" : "h:mm", oninput: (e) => set(parseDuration(e.target.value)) });
        break;
      case "bool":
        control = node("input", { type: "checkbox", checked: value === true, onchange: (e) => set(e.target.checked) });
        break;
      case "tristate":
        control = node("select", { onchange: (e) => set(e.target.value === "" ? null : e.target.value === "true") },
          ...[["", spec.nullable ?? "—"], ["true", "yes"], ["false", "no"]].map(([v, l]) => node("option", { value: v, selected: String(value ?? "") === v }, l)));
        break;
      case "select": {
        const options = typeof spec.options === "function" ? spec.options(pf.doc) : spec.options;
        const known = options.some(([v]) => v === value) || (spec.nullable !== undefined && (value ?? null) === null);
        control = node("select", { onchange: (e) => set(e.target.value === "" && spec.nullable !== undefined ? null : e.target.value) },
          spec.nullable !== undefined ? node("option", { value: "", selected: (value ?? null) === null }, spec.nullable) : null,
          ...options.map(([v, l]) => node("option", { value: v, selected: v === value }, l)),
          known ? null : node("option", { value: value ?? "", selected: true }, String(value)));
        break;
      }
      case "list":
        control = node("input", { type: "text", value: (value ?? []).join(", "), size: spec.size ?? 24, placeholder: spec.placeholder ?? "comma-separated",
          oninput: (e) => set(e.target.value.split(",").map((s) => s.trim()).filter((s) => s !== "")) });
        break;
      case "checks":
        control = node("span", { class: "pf-checks" }, ...spec.options.map((option) => node("label", {},
          node("input", { type: "checkbox", value: option, checked: (value ?? []).includes(option), onchange: (e) => {
            const chosen = new Set(obj[spec.key] ?? []);
            if (e.target.checked) chosen.add(option); else chosen.delete(option);
            set(spec.options.filter((o) => chosen.has(o)).concat([...chosen].filter((o) => !spec.options.includes(o))));
          } }), " ", option)));
        break;
      default:
        throw new Error(`unknown field kind ${spec.kind}`);
    }
    return field(spec, obj, base, path, control);
  }

  function render(fields, obj, base) {
    return fields.map((spec) => {
      switch (spec.kind) {
        case "group": return group(spec, obj, base);
        case "array": return array(spec, obj, base);
        case "map": return map(spec, obj, base);
        case "week": return week(spec, obj, base);
        case "dates": return dates(spec, obj, base);
        case "note": return node("p", { class: "pf-hint" }, typeof spec.text === "function" ? spec.text(obj) : spec.text);
        default: return input(spec, obj, base);
      }
    });
  }

  function section(spec, path, ...children) {
    return node("fieldset", { class: `pf-section ${spec.kind}`, "data-path": path },
      node("legend", {}, spec.label, path.includes(".") || path.includes("[") ? null : sourceBadge(path)),
      spec.hint ? node("p", { class: "pf-hint" }, spec.hint) : null,
      node("span", { class: "pf-error", role: "alert" }),
      ...children);
  }

  function group(spec, obj, base) {
    obj[spec.key] ??= {};
    const path = join(base, spec.key);
    return section(spec, path, node("div", { class: "pf-row" }, ...render(spec.fields, obj[spec.key], path)));
  }

  function array(spec, obj, base) {
    obj[spec.key] ??= [];
    const items = obj[spec.key];
    const path = join(base, spec.key);
    const rows = items.map((item, i) => {
      const itemPath = index(path, i);
      const remove = node("button", { type: "button", class: "secondary small", "data-remove": itemPath, onclick: () => {
        items.splice(i, 1);
        changed();
      } }, "Remove");
      return spec.compact
        ? node("div", { class: "pf-item pf-row", "data-path": itemPath }, node("span", { class: "pf-index" }, `${i + 1}.`), ...render(spec.item, item, itemPath), remove,
          node("span", { class: "pf-error", role: "alert" }))
        : node("fieldset", { class: "pf-entry", "data-path": itemPath },
          node("legend", {}, spec.itemLabel ? spec.itemLabel(item, i) : `${i + 1}`, " ", remove),
          node("span", { class: "pf-error", role: "alert" }),
          node("div", { class: "pf-row" }, ...render(spec.item, item, itemPath)));
    });
    const empty = items.length === 0 && spec.empty ? node("p", { class: "pf-hint pf-empty" }, spec.empty) : null;
    const add = node("button", { type: "button", class: "secondary small", "data-add": path, onclick: () => {
      items.push(spec.create(items));
      changed();
    } }, spec.addLabel ?? "Add");
    return section(spec, path, empty, ...rows, node("div", { class: "toolbar" }, add));
  }

  function map(spec, obj, base) {
    obj[spec.key] ??= {};
    const entries = obj[spec.key];
    const path = join(base, spec.key);
    const blocks = Object.entries(entries).map(([key, value]) => {
      const entryPath = join(path, key);
      return node("fieldset", { class: "pf-entry", "data-path": entryPath },
        node("legend", {}, node("strong", {}, key), " ", sourceBadge(entryPath),
          node("button", { type: "button", class: "secondary small", "data-remove": entryPath, onclick: () => {
            delete entries[key];
            changed();
          } }, "Remove")),
        node("span", { class: "pf-error", role: "alert" }),
        node("div", { class: "pf-row" }, ...render(spec.item, value, entryPath)));
    });
    const name = node("input", { type: "text", size: 12, placeholder: spec.keyLabel ?? "name", "aria-label": `New ${spec.keyLabel ?? "name"}`, "data-new-key": path });
    const add = node("button", { type: "button", class: "secondary small", "data-add": path, onclick: () => {
      const key = name.value.trim();
      if (key === "" || Object.keys(entries).some((k) => k.toLowerCase() === key.toLowerCase())) {
        name.focus();
        return;
      }
      entries[key] = spec.create();
      changed();
    } }, spec.addLabel ?? "Add");
    const empty = blocks.length === 0 && spec.empty ? node("p", { class: "pf-hint pf-empty" }, spec.empty) : null;
    return section(spec, path, empty, ...blocks, node("div", { class: "toolbar" }, name, add));
  }

  // A calendar's week: one row per day with its opening intervals; an empty row is a closed day.
  function week(spec, obj, base) {
    obj[spec.key] ??= {};
    const hours = obj[spec.key];
    const path = join(base, spec.key);
    const rows = formKit.DAYS.map((day) => {
      const key = Object.keys(hours).find((k) => k.toLowerCase() === day.toLowerCase()) ?? day;
      const dayPath = join(path, key);
      const status = node("span", { class: "pf-hint" }, hours[key] ? "" : "closed");
      return node("tr", { "data-day": day },
        node("th", { scope: "row" }, day),
        node("td", {}, node("label", { class: "pf-field", "data-path": dayPath },
          node("input", { type: "text", size: 26, value: hours[key] ?? "", placeholder: "closed", "aria-label": `${day} hours`, oninput: (e) => {
            const text = e.target.value.trim();
            if (text === "") delete hours[key]; else hours[key] = text;
            status.textContent = text === "" ? "closed" : "";
            sync();
          } }),
          node("span", { class: "pf-error", role: "alert" }))),
        node("td", {}, status));
    });
    return section(spec, path, node("table", { class: "pf-week" },
      node("thead", {}, node("tr", {}, node("th", {}, "Day"), node("th", {}, "Open (local time, e.g. 09:00-12:00,13:00-17:30)"), node("th", {}, ""))),
      node("tbody", {}, ...rows)));
  }

  function dates(spec, obj, base) {
    obj[spec.key] ??= [];
    const list = obj[spec.key];
    const path = join(base, spec.key);
    const items = list.map((value, i) => node("span", { class: "pf-field pf-date", "data-path": index(path, i) },
      node("input", { type: "date", value, "aria-label": `${spec.label} ${i + 1}`, onchange: (e) => {
        list[i] = e.target.value;
        sync();
      } }),
      node("button", { type: "button", class: "secondary small", "data-remove": index(path, i), onclick: () => {
        list.splice(i, 1);
        changed();
      } }, "×"),
      node("span", { class: "pf-error", role: "alert" })));
    const next = node("input", { type: "date", "aria-label": `New ${spec.label}`, "data-new-key": path });
    const add = node("button", { type: "button", class: "secondary small", "data-add": path, onclick: () => {
      if (!next.value) return next.focus();
      list.push(next.value);
      list.sort();
      changed();
    } }, "Add");
    return section(spec, path, node("div", { class: "pf-row" }, ...items), node("div", { class: "toolbar" }, next, add));
  }

  // ---- the form, its header and the view toggle ----

  function changed() {
    sync();
    draw();
  }

  function draw() {
    const schema = policySchemas[pf.resource];
    const form = host();
    if (!schema) {
      form.replaceChildren(node("p", { class: "muted" }, "This resource is edited as JSON (its secrets are write-only: leave one out to keep it)."));
      return;
    }
    form.replaceChildren(node("div", { class: "pf-form", "data-resource": pf.resource }, ...render(schema.fields, pf.doc, "")));
  }

  function header() {
    const stored = pf.version > 0;
    const counts = {};
    for (const source of Object.values(pf.sources)) counts[source] = (counts[source] ?? 0) + 1;
    document.getElementById("pf-summary").replaceChildren(
      node("strong", {}, "Effective policy"), " — ",
      stored ? `version ${pf.version} (stored by an admin)` : "version 0: never edited, the settings and defaults apply",
      ". Values from: ",
      ...Object.keys(counts).sort().flatMap((kind, i) => [i > 0 ? ", " : "", node("span", { class: `pf-source ${kind.startsWith("stored") ? "stored" : kind}` }, kind)]));
  }

  function setView(view) {
    if (view === "form") {
      let doc;
      try {
        doc = JSON.parse(editor().value);
      } catch (e) {
        showProblem({ errors: { $: [`Not valid JSON: ${e.message}`] } });
        return;
      }
      if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
        showProblem({ errors: { $: ["The document must be a JSON object."] } });
        return;
      }
      pf.doc = doc;
      draw();
    }
    pf.view = view;
    host().hidden = view !== "form";
    editor().hidden = view !== "json";
    document.getElementById("pf-view-form").classList.toggle("active", view === "form");
    document.getElementById("pf-view-json").classList.toggle("active", view === "json");
    document.getElementById("pf-view-form").setAttribute("aria-pressed", String(view === "form"));
    document.getElementById("pf-view-json").setAttribute("aria-pressed", String(view === "json"));
  }

  /** Called by the policy editor after each load: the effective view ({ resource, version, document, sources }). */
  function load(resource, view) {
    pf.resource = resource;
    pf.doc = view.document ?? {};
    pf.sources = view.sources ?? {};
    pf.version = view.version ?? 0;
    clearTimeout(pending);
    asked++;
    document.getElementById("pf-check").textContent = "";
    header();
    setView(policySchemas[resource] ? pf.view : "json");
    document.getElementById("pf-view-form").disabled = !policySchemas[resource];
    policyVersions.load(resource);
  }

  // ---- validation messages next to their fields ----

  function clearErrors() {
    document.querySelectorAll("#policy-form .pf-error").forEach((e) => (e.textContent = ""));
    document.querySelectorAll("#policy-form .invalid").forEach((e) => e.classList.remove("invalid"));
  }

  function showErrors(errors, focus = true) {
    clearErrors();
    if (pf.view !== "form") return;
    for (const [path, messages] of Object.entries(errors ?? {})) {
      let target = null;
      for (let p = path; target === null; p = parent(p)) {
        target = document.querySelector(`#policy-form [data-path="${CSS.escape(p)}"]`);
        if (p === "") break;
      }
      if (!target) continue;
      target.classList.add("invalid");
      const slot = target.querySelector(":scope > .pf-error");
      if (slot) slot.textContent = [slot.textContent, ...messages.map(shortMessage)].filter((t) => t).join(" ");
    }
    if (focus) document.querySelector("#policy-form .invalid input, #policy-form .invalid select")?.focus();
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("pf-view-form").addEventListener("click", () => setView("form"));
    document.getElementById("pf-view-json").addEventListener("click", () => setView("json"));
    const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];
    document.getElementById("pf-zones").replaceChildren(...zones.map((z) => node("option", { value: z })));
  });

  return { load, showErrors, clearErrors };
})();

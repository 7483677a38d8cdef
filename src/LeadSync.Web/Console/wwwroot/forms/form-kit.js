// LeadSync admin console: a small form kit for policy documents. A form is a view over the JSON document in the
// policy editor (#editor): every change is written back to it, so Save, the dry run and the JSON view see the same
// document. Fields carry the JSON path the server's validators use (levels[1].after, calendars.emea.hours.Monday),
// so a 400's errors land next to the field they name. Data is inserted with textContent only (never as HTML).
"use strict";

const formKit = (() => {
  const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

  function node(tag, attrs = {}, ...children) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") n.className = v;
      else if (k.startsWith("on")) n.addEventListener(k.slice(2), v);
      else n.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c !== null && c !== undefined) n.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return n;
  }

  // ---- durations: the server's TimeSpan ("d.hh:mm:ss") shown as "2:00", "0:30", "14d 0:00" ----

  function showDuration(value) {
    if (value === null || value === undefined) return "";
    const m = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(String(value));
    if (!m) return String(value);
    const [, sign = "", days, h, min, s] = m;
    const clock = `${Number(h)}:${min}${s !== "00" ? ":" + s : ""}`;
    const hasDays = days !== undefined && Number(days) > 0;
    return `${sign}${hasDays ? `${Number(days)}d` : ""}${hasDays && clock === "0:00" ? "" : `${hasDays ? " " : ""}${clock}`}`;
  }

  // "2:00", "0:30", "1:30:15", "14d", "14d 2:00", "90m", "2h" → "hh:mm:ss" / "d.hh:mm:ss"; anything else is sent as
  // typed so the server's reader answers with its own message at the field's path.
  function parseDuration(text) {
    const t = text.trim().toLowerCase();
    if (t === "") return null;
    if (/^-?0+$/.test(t)) return "00:00:00";
    let m = /^(-)?(?:(\d+)\s*d)?\s*(?:(\d+):(\d{1,2})(?::(\d{1,2}))?)?$/.exec(t);
    let sign = "", days = 0, h = 0, min = 0, s = 0;
    if (m && (m[2] !== undefined || m[3] !== undefined)) {
      sign = m[1] ?? "";
      days = Number(m[2] ?? 0); h = Number(m[3] ?? 0); min = Number(m[4] ?? 0); s = Number(m[5] ?? 0);
    } else if ((m = /^(-)?(\d+)\s*(h|m|min|s)$/.exec(t))) {
      sign = m[1] ?? "";
      const n = Number(m[2]);
      const total = m[3] === "h" ? n * 3600 : m[3] === "s" ? n : n * 60;
      h = Math.floor(total / 3600); min = Math.floor((total % 3600) / 60); s = total % 60;
    } else {
      return text;
    }
    if (min > 59 || s > 59) return text;
    days += Math.floor(h / 24);
    h %= 24;
    const p = (n) => String(n).padStart(2, "0");
    return `${sign}${days > 0 ? days + "." : ""}${p(h)}:${p(min)}:${p(s)}`;
  }

  // ---- paths ----

  const join = (base, key) => (base ? `${base}.${key}` : key);
  const index = (base, i) => `${base}[${i}]`;

  // The parent of a path: "a.b[2].c" → "a.b[2]" → "a.b" → "a" → "".
  function parent(path) {
    const m = /^(.*?)(?:\.[^.[\]]+|\[\d+\])$/.exec(path);
    return m ? m[1] : "";
  }

  // A validator message names the setting first ("LeadSync:Sla:Levels:1:After must …"); next to the field the
  // field's own name reads better ("After must …").
  const shortMessage = (message) => String(message).replace(/^LeadSync(?::[^\s:]+)*:([^\s:]+):?\s/, "$1 ");

  return { DAYS, node, showDuration, parseDuration, join, index, parent, shortMessage };
})();

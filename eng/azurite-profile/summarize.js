// Summarizes .cpuprofile files written by preload.js: self time (where the CPU is spent) and inclusive time (which
// Azurite operation it is spent under), per function, as milliseconds and shares of the window.
//   node eng/azurite-profile/summarize.js <file.cpuprofile> [filter regex] [rows]
"use strict";
const fs = require("fs");
const [file, pattern = "azurite|lokijs", rows = "30"] = process.argv.slice(2);
if (!file) {
  console.error("usage: summarize.js <file.cpuprofile> [inclusive filter regex] [rows]");
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children || []) parent.set(child, n.id);
const name = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/.*node_modules\//, "")}:${n.callFrame.lineNumber + 1}`;
const self = new Map();
const inclusive = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const micros = profile.timeDeltas[i] || 0;
  total += micros;
  self.set(name(nodes.get(id)), (self.get(name(nodes.get(id))) || 0) + micros);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const key = name(nodes.get(at));
    if (!seen.has(key)) {
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) || 0) + micros);
    }
  }
});
const print = (title, map, filter) => {
  console.log(`\n${title} (window ${(total / 1e6).toFixed(1)} s)`);
  [...map.entries()].filter(([k]) => filter.test(k)).sort((a, b) => b[1] - a[1]).slice(0, Number(rows))
    .forEach(([k, v]) => console.log(`${(v / 1000).toFixed(0).padStart(8)} ms ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`));
};
print("self time", self, /./);
print("inclusive time", inclusive, new RegExp(pattern));

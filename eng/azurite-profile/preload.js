// Samples Azurite's CPU (V8 profiler through the inspector) while a benchmark or test drives it, and writes one
// .cpuprofile per interval, so the growth of a cost over a run shows. Loaded into every node process through
// NODE_OPTIONS; it does nothing unless the process is Azurite. See README "Azurite's CPU" for the commands.
"use strict";
if (process.argv.some((a) => /azurite(\.js)?$/.test(a))) {
  const inspector = require("inspector");
  const fs = require("fs");
  const path = require("path");
  const dir = process.env.AZURITE_PROFILE_DIR || path.join(process.cwd(), "artifacts", "azurite-profile");
  const seconds = Number(process.env.AZURITE_PROFILE_INTERVAL || 20);
  fs.mkdirSync(dir, { recursive: true });
  const session = new inspector.Session();
  session.connect();
  let window = 0;
  session.post("Profiler.enable", () =>
    session.post("Profiler.setSamplingInterval", { interval: 1000 }, () => session.post("Profiler.start")));
  setInterval(() => {
    session.post("Profiler.stop", (error, result) => {
      if (!error) {
        const file = path.join(dir, `azurite-${process.pid}-${String(window++).padStart(3, "0")}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(result.profile));
      }
      session.post("Profiler.start");
    });
  }, seconds * 1000).unref();
}

// Empties the e2e server's data folder before Playwright starts it, so every run begins with a
// fresh embedded Postgres. A Postgres left running on that folder by a killed earlier run is
// stopped first (it would otherwise keep EMBEDDED_PG_PORT). Usage: node reset-data-dir.mjs <dir>
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");
const dir = path.resolve(root, process.argv[2] ?? "");
if (!process.argv[2] || !dir.startsWith(path.join(root, ".data") + path.sep)) {
  console.error(`reset-data-dir: refusing to wipe ${dir}: only folders under .data/ are test data`);
  process.exit(2);
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
};

const pidFile = path.join(dir, "pg", "postmaster.pid");
if (fs.existsSync(pidFile)) {
  const [pidLine, dataDirLine] = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  // postmaster.pid names the data folder on its second line: only stop the Postgres of this one.
  if (Number.isInteger(pid) && pid > 0 && path.resolve(dataDirLine ?? "") === path.join(dir, "pg") && alive(pid)) {
    console.log(`reset-data-dir: stopping Postgres ${pid} left running on ${dir}`);
    process.kill(pid, "SIGINT"); // fast shutdown
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
}
fs.rmSync(dir, { recursive: true, force: true });

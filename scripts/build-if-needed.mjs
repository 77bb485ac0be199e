// `npm start` builds the app on first run (a fresh clone) and again whenever a source file is newer
// than the last build, so the one start command always serves what is checked out.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const stamp = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "lib", "prisma", "next.config.js", "package-lock.json", "public"];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
const changed = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
if (built === 0 || changed > built) {
  console.log(built === 0 ? "First start: building SortRoom (a minute or two)..." : "Sources changed since the last build: rebuilding...");
  execSync("npm run build", { cwd: root, stdio: "inherit" });
} else {
  execSync("npm run generate", { cwd: root, stdio: "inherit" });
}

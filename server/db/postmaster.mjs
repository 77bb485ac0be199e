// Plain JavaScript (no TypeScript, no imports beyond Node): also loaded by postgres-watchdog.mjs,
// which runs under bare `node` so that it starts in milliseconds and needs no loader.
import fs from "node:fs";
import path from "node:path";

/** The postmaster running on `pgDir`, from its postmaster.pid, or undefined when none runs.
 *  A pid file left by a crash may name a pid the system has since given to another program: on
 *  Linux the process must also be a postgres whose command line names this folder. */
export function runningPostmaster(pgDir) {
  const pidFile = path.join(pgDir, "postmaster.pid");
  let pid;
  try {
    pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  const cmdline = readCmdline(pid);
  if (cmdline !== undefined && !(cmdline.includes("postgres") && cmdline.includes(path.resolve(pgDir)))) return undefined;
  return pid;
}

/** Stops the postmaster running on `pgDir`, if any: fast shutdown (SIGINT: clients are
 *  disconnected, the data is checkpointed), then immediate (SIGQUIT), then SIGKILL for one that
 *  hangs. Resolves with the pid it stopped, or undefined when none was running. */
export async function stopPostmaster(pgDir, { fastMs = 10_000, immediateMs = 5_000 } = {}) {
  const pid = runningPostmaster(pgDir);
  if (pid === undefined) return undefined;
  for (const [signal, waitMs] of [["SIGINT", fastMs], ["SIGQUIT", immediateMs], ["SIGKILL", 5_000]]) {
    try {
      process.kill(pid, signal);
    } catch {
      return pid; // gone already
    }
    const deadline = Date.now() + waitMs;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (!isAlive(pid)) return pid;
  }
  return pid;
}

/** Whether `pid` is a live process. A zombie (dead, not yet reaped: an orphan's new parent may
 *  never reap it in a container) counts as dead. */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== "EPERM") return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return !fs.existsSync("/proc/self"); // gone meanwhile; or no /proc (not Linux): kill(pid, 0) is all there is
  }
}

/** The process's command line (NULs as spaces), or undefined where /proc does not exist. */
function readCmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch (error) {
    return error.code === "ENOENT" && !fs.existsSync("/proc/self") ? undefined : "";
  }
}

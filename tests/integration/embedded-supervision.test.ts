import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAlive, runningPostmaster, stopPostmaster } from "@/server/db/postmaster.mjs";
import { startServerCli, type RunningCli } from "./support/cli";
import { freePort } from "./support/ports";
import { postgresProcesses } from "./support/postgres";
import { closeRoom, openSortingRoom, type SortingRoom } from "./support/room";
import { getJson, waitFor } from "./support/server";
import { singleTab, Sorting } from "./support/sorting";
import { expectRoomMatchesDatabase } from "./support/verify";

/** Log lines at pino's error level (50) or above in `output`. */
function errorLines(output: string): string[] {
  return output.split("\n").filter((line) => {
    try {
      return (JSON.parse(line) as { level?: number }).level! >= 50;
    } catch {
      return false;
    }
  });
}

// `npm start` with DATABASE_URL unset runs Postgres as the server's child. It used to be left to
// itself: killed, it stayed down (with an error logged per failing request); after SIGTERM the
// server waited for a stop that had already happened; a server killed with SIGKILL left it running.
describe("the embedded Postgres under the real CLI (server/index.ts, DATABASE_URL unset)", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sortroom-supervised-"));
  const pgDir = path.join(dataDir, "pg");
  let env: Record<string, string>;
  const servers: RunningCli[] = [];
  let room: SortingRoom | undefined;
  let sorting: Sorting | undefined;
  /** A server on the shared data folder; each case starts its own, so none depends on another
   *  (one server at a time: whatever an earlier case left running is killed first). */
  const start = async () => {
    for (const earlier of servers) await earlier.destroy();
    // The killed server's Postgres processes may take a moment to exit: start on a quiet folder.
    await waitFor(async () => postgresProcesses(pgDir), (left) => left.length === 0, 30_000);
    const server = await startServerCli(env);
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    env = { SORTROOM_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
  });
  afterAll(async () => {
    await closeRoom(room, sorting);
    for (const server of servers) await server.destroy();
    await stopPostmaster(pgDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("restarts Postgres killed with SIGKILL under sorting phones: health is 200 again without restarting the server, nothing acknowledged is lost, and the log says so in a few lines", async () => {
    const server = await start();
    const health = () => getJson(`${server.url}/api/health`);
    expect((await waitFor(health, (r) => r.status === 200, 120_000)).status).toBe(200);
    const password = fs.readFileSync(path.join(dataDir, "pg-password"), "utf8").trim();
    const endpoint = { url: server.url, databaseUrl: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/sortroom` };
    room = await openSortingRoom(endpoint, 4, "supervised@example.com");
    sorting = new Sorting(
      room.phones.map(({ participant, socket }) => singleTab(participant, socket)),
      { columns: room.columns, seed: 12 },
    ).start();
    await sorting.acks(20);
    const killed = runningPostmaster(pgDir)!;
    expect(killed).toBeGreaterThan(0);
    const logBefore = server.output().length;

    process.kill(killed, "SIGKILL");
    // Probed meanwhile like a load balancer would (every 250 ms), while four phones keep resending
    // every 500 ms: neither may cost a log line per request.
    const after = await waitFor(
      async () => ({ postmaster: runningPostmaster(pgDir), health: await health() }),
      (v) => v.postmaster !== undefined && v.postmaster !== killed && v.health.status === 200,
      180_000,
    );
    expect(after.postmaster).not.toBe(killed);
    expect(after.health.status).toBe(200);
    expect(after.health.body).toMatchObject({ db: "up" });
    await sorting.acks(20);
    await sorting.stop();
    expect(server.child.exitCode).toBeNull(); // the same server process throughout
    for (const { participant } of room.phones) (await participant.reconnectAndResend(endpoint)).close();
    await expectRoomMatchesDatabase({ server: endpoint, databaseUrl: endpoint.databaseUrl, workshopId: room.workshopId, participants: room.phones.map((p) => p.participant), staff: room.staff });

    const logged = server.output().slice(logBefore);
    expect(logged).toMatch(/embedded Postgres exited on its own; restarting it/);
    expect(logged).toMatch(/embedded Postgres is running again/);
    // One line for the death and one per failed restart attempt (backoff: 0.5 s, 1 s, 2 s, …),
    // the health transition, and each kind of failing request once per 10 s: a handful, however
    // long the restart takes and however many requests fail meanwhile.
    expect(errorLines(logged).length).toBeLessThanOrEqual(30);
  }, 300_000);

  it("exits with code 0 on SIGTERM right after Postgres crashed, leaving no Postgres behind", async () => {
    const server = await start();
    const processes = postgresProcesses(pgDir);
    expect(processes.length).toBeGreaterThan(0);
    process.kill(processes[0]!, "SIGKILL");
    await waitFor(async () => isAlive(processes[0]!), (alive) => !alive, 30_000);

    server.child.kill("SIGTERM");
    const { code, signal } = await server.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain("shut down cleanly");
    expect(postgresProcesses(pgDir)).toEqual([]);
  }, 300_000);

  it("leaves no Postgres process running on its data folder once the server is killed with SIGKILL", async () => {
    const server = await start();
    const processes = postgresProcesses(pgDir);
    expect(processes.length).toBeGreaterThan(1); // the postmaster and its helpers

    process.kill(server.pid, "SIGKILL"); // the server alone, not its process group
    await server.exited;
    const left = await waitFor(async () => processes.filter(isAlive), (alive) => alive.length === 0, 60_000);
    expect(left).toEqual([]);
    expect(runningPostmaster(pgDir)).toBeUndefined();
  }, 300_000);
});

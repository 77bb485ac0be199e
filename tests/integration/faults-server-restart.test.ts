import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServerCli, type RunningCli } from "./support/cli";
import { testDatabaseUrl } from "./support/database";
import { closeRoom, openSortingRoom, reconnectStaff, type SortingRoom } from "./support/room";
import { singleTab, Sorting } from "./support/sorting";
import { expectRoomMatchesDatabase } from "./support/verify";

// The app server (the real CLI, as a child process) goes away under 24 sorting phones and a new
// one starts on the same database; the phones reconnect with their tokens and resend what was
// never acknowledged, as the app does. Whatever was acknowledged before the fault must be there.
describe.each([
  {
    fault: "kill -9 of the server",
    email: "killed@example.com",
    inject: async (server: RunningCli) => {
      process.kill(server.pid, "SIGKILL");
      expect(await server.exited).toEqual({ code: null, signal: "SIGKILL" });
    },
  },
  {
    fault: "SIGTERM mid-sorting",
    email: "stopped@example.com",
    inject: async (server: RunningCli) => {
      server.child.kill("SIGTERM");
      // A graceful stop: it drains what is in flight, stores it, and exits 0.
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(server.output()).toContain("shut down cleanly");
    },
  },
])("fault: $fault, then a restart on the same database", ({ email, inject }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sortroom-faults-restart-"));
  let env: Record<string, string>;
  let databaseUrl: string;
  const servers: RunningCli[] = [];
  let room: SortingRoom | undefined;
  let sorting: Sorting | undefined;

  beforeAll(async () => {
    databaseUrl = await testDatabaseUrl();
    // The same secret and data folder on both runs, so the console's cookie stays valid.
    env = { DATABASE_URL: databaseUrl, SORTROOM_DATA_DIR: dataDir, NEXTAUTH_SECRET: "faults-restart-secret-".padEnd(40, "x") };
  });
  afterAll(async () => {
    await closeRoom(room, sorting);
    for (const server of servers) await server.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged placement, and every phone and the console see the database", async () => {
    const first = await startServerCli(env);
    servers.push(first);
    room = await openSortingRoom({ url: first.url, databaseUrl }, 24, email);
    sorting = new Sorting(
      room.phones.map(({ participant, socket }) => singleTab(participant, socket)),
      { columns: room.columns, seed: 3 },
    ).start();
    await sorting.acks(24 * 5);

    await inject(first);
    await sorting.stop();
    room.staff.close();

    const second = await startServerCli(env);
    servers.push(second);
    const endpoint = { url: second.url, databaseUrl };
    for (const { participant } of room.phones) (await participant.reconnectAndResend(endpoint)).close();
    room.staff = await reconnectStaff(endpoint, room);
    await expectRoomMatchesDatabase({ server: endpoint, databaseUrl, workshopId: room.workshopId, participants: room.phones.map((p) => p.participant), staff: room.staff });

    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
  }, 900_000);
});

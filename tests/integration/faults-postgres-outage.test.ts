import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlledPostgres, type ControlledPostgres } from "./support/postgres";
import { closeRoom, openSortingRoom, type SortingRoom } from "./support/room";
import { getJson, startTestServer, waitFor, type TestServer } from "./support/server";
import { singleTab, Sorting } from "./support/sorting";
import { expectRoomMatchesDatabase } from "./support/verify";

/** How long Postgres stays dead: the length of the fault, not something the test measures. */
const OUTAGE_MS = 15_000;

// The database dies (SIGKILL, like the OOM killer) under 24 sorting phones and comes back 15 s
// later; the app server is not restarted. Phones must be told UNAVAILABLE, never acknowledged
// for a move that was not stored, and everything acknowledged must survive.
describe("fault: Postgres killed for 15 s while a room sorts", () => {
  let postgres: ControlledPostgres;
  let server: TestServer;
  let room: SortingRoom | undefined;
  let sorting: Sorting | undefined;
  const health = () => getJson(`${server.url}/api/health`);

  beforeAll(async () => {
    postgres = await startControlledPostgres("faults-outage");
    server = await startTestServer({ databaseUrl: postgres.url });
    room = await openSortingRoom(server, 24, "outage@example.com");
  });
  afterAll(async () => {
    await closeRoom(room, sorting);
    await server?.close();
    await postgres?.destroy();
  });

  it("answers UNAVAILABLE while it is down, health goes 503 then 200, and nothing acknowledged is lost", async () => {
    const phones = room!.phones;
    sorting = new Sorting(
      phones.map(({ participant, socket }) => singleTab(participant, socket)),
      { columns: room!.columns, seed: 2 },
    ).start();
    await sorting.acks(24 * 5);

    await postgres.kill();
    const outageStarted = Date.now();
    await sorting.until(() => (sorting!.tabsRefused.get("UNAVAILABLE")?.size ?? 0) === phones.length, "every phone to be told UNAVAILABLE");
    const down = await waitFor(health, (r) => r.status === 503, 60_000);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ db: "down" });
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - outageStarted))));

    await postgres.start();
    const up = await waitFor(health, (r) => r.status === 200, 120_000);
    expect(up.status).toBe(200);
    await sorting.acks(24 * 5); // the phones' own retries get through, and they carry on
    await sorting.stop();

    expect([...sorting.refused.keys()]).toEqual(["UNAVAILABLE"]);
    expect(sorting.lostTabs.size).toBe(0); // the server never dropped a phone
    for (const { participant } of phones) (await participant.reconnectAndResend(server)).close();
    await expectRoomMatchesDatabase({ server, databaseUrl: postgres.url, workshopId: room!.workshopId, participants: phones.map((p) => p.participant), staff: room!.staff });
  }, 600_000);
});

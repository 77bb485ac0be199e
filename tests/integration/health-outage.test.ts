import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlledPostgres, type ControlledPostgres } from "./support/postgres";
import { getJson, startTestServer, waitFor, type TestServer } from "./support/server";

// The app server must survive its database going away and pick it up again on its own.
describe("health while the database goes away and comes back", () => {
  let postgres: ControlledPostgres;
  let server: TestServer;
  const health = () => getJson(`${server.url}/api/health`);

  beforeAll(async () => {
    postgres = await startControlledPostgres("outage");
    server = await startTestServer({ databaseUrl: postgres.url });
  });
  afterAll(async () => {
    await server?.close();
    await postgres?.destroy();
  });

  it("is 200 while the database is up", async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ db: "up" });
  });

  it("is 503 with db down while the database is unreachable", async () => {
    await postgres.stop();
    const { status, body } = await waitFor(health, (r) => r.status === 503, 15_000);
    expect(status).toBe(503);
    expect(body).toMatchObject({ db: "down" });
    // And it stays down, rather than flapping, while the database is gone.
    expect((await health()).status).toBe(503);
  });

  it("is 200 again after the database returns, without restarting the app server", async () => {
    await postgres.start();
    const { status, body } = await waitFor(health, (r) => r.status === 200, 30_000);
    expect(status).toBe(200);
    expect(body).toMatchObject({ db: "up" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlledPostgres, type ControlledPostgres } from "./support/postgres";
import { getJson, startTestServer, waitFor, type TestServer } from "./support/server";

// The server starts and serves even when its database is not there yet, then migrates and seeds
// once it appears (server/app.ts retry loop).
describe("starting before the database is reachable", () => {
  let postgres: ControlledPostgres;
  let server: TestServer;
  const health = () => getJson(`${server.url}/api/health`);

  beforeAll(async () => {
    postgres = await startControlledPostgres("late");
    await postgres.stop();
    server = await startTestServer({ databaseUrl: postgres.url });
  });
  afterAll(async () => {
    await server?.close();
    await postgres?.destroy();
  });

  it("serves 503 with db down until the database appears", async () => {
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body).toMatchObject({ db: "down" });
  });

  it("migrates and turns 200 once the database is started", async () => {
    await postgres.start();
    const { status, body } = await waitFor(health, (r) => r.status === 200, 45_000, 500);
    expect(status).toBe(200);
    expect(body).toMatchObject({ db: "up" });
  });
});

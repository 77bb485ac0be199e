import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, startTestServer, type TestServer } from "./support/server";

describe("GET /api/health", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers 200 with db up once the database is migrated", async () => {
    const { status, body, headers } = await getJson(`${server.url}/api/health`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ db: "up" });
    expect(headers.get("cache-control")).toContain("no-store");
  });
});

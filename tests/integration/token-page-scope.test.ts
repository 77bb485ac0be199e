import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInFacilitator, withDb } from "./support/live";
import { callServerAction } from "./support/server-action";
import { startTestServer, type TestServer } from "./support/server";

/** The token page's "Create token" action (app/settings/tokens/actions.ts) as the browser calls
 *  it: the scope chosen in the form is the scope stored, and a value the radio group cannot send
 *  is refused with the page's validation message, storing nothing. */

interface CreateTokenState {
  token?: string;
  name?: string;
  error?: string;
}

describe("creating an API token on /settings/tokens", () => {
  let server: TestServer;
  let cookie: string;
  let userId: string;

  beforeAll(async () => {
    server = await startTestServer();
    ({ cookie, userId } = await signedInFacilitator(server, "token-page@example.com"));
  });
  afterAll(async () => {
    await server?.close();
  });

  const create = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    return callServerAction<CreateTokenState>(server, "/settings/tokens", { filename: "app/settings/tokens/actions.ts", exportedName: "createTokenAction" }, [{}, form], { cookie });
  };
  const scopes = () => withDb(server, async (c) => (await c.query<{ name: string; scope: string }>(`SELECT name, scope FROM api_tokens WHERE user_id = $1 ORDER BY name`, [userId])).rows);

  it.each(["read", "sessions"])("stores the scope chosen in the form (%s)", async (scope) => {
    const { result } = await create({ name: `${scope} integration`, scope });
    expect(result.error).toBeUndefined();
    expect(result.token).toMatch(/^sr_/);
    expect(await scopes()).toContainEqual({ name: `${scope} integration`, scope });
  });

  it("refuses a scope the form does not offer, or none, and stores nothing", async () => {
    const before = await scopes();
    for (const fields of [{ name: "admin bot", scope: "admin" }, { name: "no scope bot" }] as Record<string, string>[]) {
      const { result } = await create(fields);
      expect(result).toEqual({ error: "Choose what the token may do: read only, or run sessions." });
    }
    expect(await scopes()).toEqual(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, connectError, createSession, signedInFacilitator, signIn, signOut, withDb } from "./support/live";
import { callServerAction } from "./support/server-action";
import { startTestServer, type TestServer } from "./support/server";

/** Ending facilitator sessions (lib/auth/session-claims.ts): a signed-out cookie, and after "sign
 *  out everywhere" every earlier cookie, is refused by HTTP routes and Socket.IO handshakes alike,
 *  although the JWT inside would still decrypt for 30 days. */

const PASSWORD = "correct horse battery";

describe("signing out ends the session", () => {
  let server: TestServer;
  let deckId: string;
  beforeAll(async () => {
    server = await startTestServer();
    deckId = await withDb(server, async (c) => (await c.query<{ id: string }>(`SELECT id FROM decks WHERE slug = 'leader-or-manager'`)).rows[0]!.id);
  });
  afterAll(() => server.close());

  const postSession = (cookie: string) =>
    fetch(`${server.url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ deckId }) }).then(async (r) => {
      await r.text();
      return r.status;
    });
  const nextAuthSession = async (cookie: string) => (await fetch(`${server.url}/api/auth/session`, { headers: { cookie } })).json();
  const signOutEverywhere = (cookie: string) =>
    callServerAction<{ ok: boolean }>(server, "/settings/tokens", { filename: "app/(auth)/account-actions.ts", exportedName: "signOutEverywhere" }, [], { cookie });

  it("after sign-out the old cookie gets 401 on POST /api/sessions and UNAUTHENTICATED on a console handshake", async () => {
    const { cookie } = await signedInFacilitator(server, "leaver@example.com", PASSWORD);
    const session = await createSession(server, cookie);
    (await connect(server, { role: "facilitator", workshopId: session.id }, cookie)).close();

    expect(await signOut(server, cookie)).toBe(200);

    expect(await postSession(cookie)).toBe(401);
    expect(await connectError(server, { role: "facilitator", workshopId: session.id }, cookie)).toBe("UNAUTHENTICATED");
    // next-auth's own endpoint neither shows nor re-issues it.
    expect(await nextAuthSession(cookie)).toEqual({});
    expect((await fetch(`${server.url}/dashboard`, { headers: { cookie }, redirect: "manual" })).status).toBe(307);
  });

  it("signing out in one browser leaves the facilitator's other browsers signed in", async () => {
    const { cookie: laptop } = await signedInFacilitator(server, "two-browsers@example.com", PASSWORD);
    const phone = await signIn(server, "two-browsers@example.com", PASSWORD);
    expect(await signOut(server, phone)).toBe(200);
    expect(await postSession(phone)).toBe(401);
    expect(await postSession(laptop)).toBe(201);
  });

  it("sign out everywhere ends every earlier session, in another browser too; a new sign-in works", async () => {
    const { cookie: here } = await signedInFacilitator(server, "everywhere@example.com", PASSWORD);
    const elsewhere = await signIn(server, "everywhere@example.com", PASSWORD);
    const session = await createSession(server, elsewhere);

    expect((await signOutEverywhere(here)).result).toEqual({ ok: true });

    for (const cookie of [here, elsewhere]) {
      expect(await postSession(cookie)).toBe(401);
      expect(await connectError(server, { role: "facilitator", workshopId: session.id }, cookie)).toBe("UNAUTHENTICATED");
    }
    const again = await signIn(server, "everywhere@example.com", PASSWORD);
    expect(await postSession(again)).toBe(201);
    (await connect(server, { role: "facilitator", workshopId: session.id }, again)).close();
    // Without a valid session the action changes nothing.
    expect((await signOutEverywhere(elsewhere)).result).toEqual({ ok: false });
    expect(await postSession(again)).toBe(201);
  });
});

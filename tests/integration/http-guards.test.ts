import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMITS } from "@/lib/api/http-policy";
import { signedInFacilitator, withDb } from "./support/live";
import { request, streamBody } from "./support/raw-http";
import { startTestServer, type TestServer } from "./support/server";

/** What every HTTP request passes before a route sees it (docs/api.md, "Limits of every route"):
 *  a body cap enforced while the body streams in (413 without reading it all), an Origin check
 *  on cookie-authenticated changes (403), and the route's content type (415). */

const HUNDRED_MB = 100 * 1024 * 1024;

describe("body caps, Origin and content type on every route", () => {
  let server: TestServer;
  let cookie: string;
  let userId: string;
  let deckId: string;

  beforeAll(async () => {
    server = await startTestServer();
    ({ cookie, userId } = await signedInFacilitator(server, "guards@example.com"));
    deckId = await withDb(server, async (c) => (await c.query<{ id: string }>(`SELECT id FROM decks WHERE slug = 'leader-or-manager'`)).rows[0]!.id);
  });
  afterAll(async () => {
    await server?.close();
  });

  const sessionCount = () => withDb(server, async (c) => Number((await c.query(`SELECT count(*) FROM workshops WHERE owner_id = $1`, [userId])).rows[0].count));
  const postSession = (headers: Record<string, string>, body = JSON.stringify({ deckId })) =>
    request(server, "/api/sessions", { method: "POST", headers: { cookie, ...headers }, body });
  const ownOrigin = () => `http://127.0.0.1:${server.port}`;
  const otherPort = () => `http://127.0.0.1:${server.port === 65535 ? 65534 : server.port + 1}`;

  // A JSON body that is valid JSON of 100 MB: the title is all filler.
  const hugeSession = () => ({ prefix: `{"deckId":"${deckId}","title":"`, suffix: `"}` });

  it("refuses a 100 MB JSON body to POST /api/sessions with 413 as soon as its Content-Length is seen", async () => {
    const before = await sessionCount();
    const reply = await streamBody(server, "/api/sessions", { total: HUNDRED_MB, ...hugeSession(), declareLength: true, headers: { cookie, "content-type": "application/json" } });
    expect(reply.status).toBe(413);
    expect(reply.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(reply.body)).toEqual({ error: `The request body is too large: this route takes at most ${BODY_LIMITS.small / 1024} KB.` });
    expect(reply.sent, "answered only after the whole body was sent").toBeLessThan(HUNDRED_MB / 10);
    expect(await sessionCount()).toBe(before);
  });

  it("refuses a chunked 100 MB body (no Content-Length) with 413 while it streams in", async () => {
    const before = await sessionCount();
    const reply = await streamBody(server, "/api/sessions", { total: HUNDRED_MB, ...hugeSession(), declareLength: false, headers: { cookie, "content-type": "application/json" } });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual({ error: `The request body is too large: this route takes at most ${BODY_LIMITS.small / 1024} KB.` });
    expect(reply.sent, "answered only after the whole body was sent").toBeLessThan(HUNDRED_MB / 10);
    expect(await sessionCount()).toBe(before);
    // The server is fine and the same route still works.
    expect((await postSession({ "content-type": "application/json" })).status).toBe(201);
  });

  it("caps next-auth's endpoints and server actions too, declared or chunked", async () => {
    const form = { prefix: "email=a%40example.com&password=", suffix: "" };
    for (const declareLength of [true, false]) {
      const signIn = await streamBody(server, "/api/auth/callback/credentials", { total: HUNDRED_MB, ...form, declareLength, headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(signIn.status, `sign-in, declared length: ${declareLength}`).toBe(413);
      expect(signIn.sent).toBeLessThan(HUNDRED_MB / 10);
    }
    // A server action is a POST to a page; its cap is the deck import's (a deck file upload).
    const action = await streamBody(server, "/dashboard", {
      total: HUNDRED_MB,
      prefix: '["',
      suffix: '"]',
      declareLength: true,
      headers: { cookie, "content-type": "text/plain;charset=UTF-8", "next-action": "0".repeat(42), origin: ownOrigin() },
    });
    expect(action.status).toBe(413);
    expect(JSON.parse(action.body)).toEqual({ error: `The request body is too large: this route takes at most ${BODY_LIMITS.serverAction / 1024} KB.` });
  });

  it("refuses POST /api/sessions from another port of the same host with 403, and creates nothing", async () => {
    const before = await sessionCount();
    const reply = await postSession({ "content-type": "application/json", origin: otherPort() });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toEqual({ error: "Cross-origin request refused: send it from this app's own pages." });
    const nullOrigin = await postSession({ "content-type": "application/json", origin: "null" });
    expect(nullOrigin.status).toBe(403);
    const crossSite = await postSession({ "content-type": "application/json", "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    expect(await sessionCount()).toBe(before);

    // Control: the app's own origin creates the session.
    const own = await postSession({ "content-type": "application/json", origin: ownOrigin() });
    expect(own.status).toBe(201);
    expect(await sessionCount()).toBe(before + 1);
  });

  it("checks Origin on every changing cookie route, not on next-auth's nor on reads", async () => {
    const headers = { cookie, origin: otherPort(), "content-type": "application/json" };
    const id = "00000000-0000-4000-8000-000000000000";
    for (const [method, path] of [
      ["DELETE", `/api/sessions/${id}`],
      ["POST", "/api/decks"],
      ["PUT", `/api/decks/${id}`],
      ["DELETE", `/api/decks/${id}`],
      ["POST", `/api/decks/${id}/duplicate`],
      ["POST", "/api/decks/import"],
    ] as const) {
      const reply = await request(server, path, { method, headers, body: method === "DELETE" ? undefined : "{}" });
      expect(reply.status, `${method} ${path}`).toBe(403);
    }
    expect((await request(server, "/api/decks", { headers })).status).toBe(200);
    // next-auth has its own CSRF token: its endpoints answer as next-auth does.
    expect((await request(server, "/api/auth/csrf", { headers })).status).toBe(200);
  });

  it("requires application/json on JSON routes: a text/plain body is 415, and nothing is created", async () => {
    const before = await sessionCount();
    const body = JSON.stringify({ deckId });
    const plain = await postSession({ "content-type": "text/plain" }, body);
    expect(plain.status).toBe(415);
    expect(JSON.parse(plain.body)).toEqual({ error: "Unsupported content type: send the body as application/json." });
    expect((await postSession({ "content-type": "application/x-www-form-urlencoded" }, body)).status).toBe(415);
    expect((await postSession({}, body)).status).toBe(415);
    const deck = await request(server, "/api/decks", { method: "POST", headers: { cookie, "content-type": "text/plain" }, body: '{"deck":{}}' });
    expect(deck.status).toBe(415);
    expect(await sessionCount()).toBe(before);
    // Parameters are allowed.
    expect((await postSession({ "content-type": "application/json; charset=utf-8" }, body)).status).toBe(201);
  });
});

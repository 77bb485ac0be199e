import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JoinResult } from "@/lib/protocol/views";
import { connect, countRows, createSession, insertApiToken, must, signedInFacilitator, withDb, type ClientSocket } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

/** Who may see what: a facilitator only ever sees their own sessions (404 otherwise), an anonymous
 *  visitor is refused (401: pages offer to sign in and come back), and the token API takes valid, unrevoked
 *  tokens only (401) and then shows the token owner's sessions only (404). */

const TITLE = "Private results of A";

const insertToken = (server: TestServer, userId: string, revoked = false) => insertApiToken(server, userId, { revoked });

describe("authorization of report pages, exports and the API", () => {
  let server: TestServer;
  let a: { cookie: string; userId: string };
  let b: { cookie: string; userId: string };
  let tokenA: string;
  let revokedA: string;
  let tokenB: string;
  let staff: ClientSocket;
  let phone: ClientSocket;
  let session: { id: string; code: string };
  let deckId: string;

  beforeAll(async () => {
    server = await startTestServer();
    a = await signedInFacilitator(server, "owner-a@example.com");
    b = await signedInFacilitator(server, "other-b@example.com");
    tokenA = await insertToken(server, a.userId);
    revokedA = await insertToken(server, a.userId, true);
    tokenB = await insertToken(server, b.userId);
    session = await createSession(server, a.cookie, "leader-or-manager", { title: TITLE });
    deckId = await withDb(server, async (c) => (await c.query(`SELECT deck_id FROM workshops WHERE id = $1`, [session.id])).rows[0].deck_id);
    staff = await connect(server, { role: "facilitator", workshopId: session.id }, a.cookie);
    await must(staff, "session:openLobby");
    phone = await connect(server, { role: "participant" });
    await must<JoinResult>(phone, "participant:join", { code: session.code, nickname: "Secret Sam" });
    await must(staff, "session:start", {});
    await must(phone, "placement:set", { statementId: "vision-and-inspiration", column: "leader", seq: 1, confidence: "sure" });
    await must(staff, "session:reveal");
  });
  afterAll(async () => {
    phone?.close();
    staff?.close();
    await server?.close();
  });

  const request = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    fetch(`${server.url}${path}`, { method, headers, redirect: "manual", signal: AbortSignal.timeout(15_000) });

  const pages = () => [`/reports/${session.id}`, `/reports/${session.id}?anonymize=1`, `/reports/compare?deck=leader-or-manager`, `/reports/compare?deck=${deckId}`];
  const cookieApis = () => [
    `/api/sessions/${session.id}/report`,
    `/api/sessions/${session.id}/report?anonymize=1`,
    `/api/sessions/${session.id}/export`,
    `/api/sessions/${session.id}/export?format=json`,
    `/api/sessions/${session.id}/export?format=csv&anonymize=1`,
    `/api/sessions/${session.id}/export?kind=summary`,
    `/api/sessions/${session.id}/export?kind=summary&format=json`,
  ];
  const tokenApis = () => [
    `/api/v1/sessions/${session.id}/report`,
    `/api/v1/sessions/${session.id}/report?anonymize=1`,
    `/api/v1/sessions/${session.id}/results`,
    `/api/v1/sessions/${session.id}/results?format=csv`,
    `/api/v1/sessions/${session.id}/results?kind=summary`,
  ];

  it("lets the owner in everywhere (control)", async () => {
    for (const path of [...pages(), ...cookieApis()]) {
      const res = await request(path, { cookie: a.cookie });
      expect(res.status, path).toBe(200);
    }
    for (const path of [...tokenApis(), "/api/v1/sessions"]) {
      const res = await request(path, { authorization: `Bearer ${tokenA}` });
      expect(res.status, path).toBe(200);
    }
    expect((await request("/settings/tokens", { cookie: a.cookie })).status).toBe(200);
  });

  it("answers another facilitator 404 on every page and export, as if the session did not exist", async () => {
    for (const path of [...pages(), ...cookieApis()]) {
      const res = await request(path, { cookie: b.cookie });
      expect(res.status, path).toBe(404);
      const body = await res.text();
      expect(body, path).not.toContain(TITLE);
      expect(body, path).not.toContain("Secret Sam");
    }
    const list = await (await request("/sessions", { cookie: b.cookie })).text();
    expect(list).not.toContain(session.id);
    expect(list).not.toContain(TITLE);
  });

  it("answers another facilitator's token 404 on the session and lists only their own sessions", async () => {
    for (const path of tokenApis()) {
      const res = await request(path, { authorization: `Bearer ${tokenB}` });
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain(TITLE);
    }
    const list = await request("/api/v1/sessions", { authorization: `Bearer ${tokenB}` });
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({ sessions: [], total: 0 });
  });

  // Next renders a page's unauthorized() as an error shell whose UI (app/unauthorized.tsx) the browser
  // draws from the inlined React payload, so the link's href is checked in the e2e tests (a page
  // seen by a signed-out browser); here: the status, the headers, no leak and the 401 UI's texts.
  const unauthorizedUi = (body: string, title: string, signIn: string) => {
    const payload = body.replaceAll('\\"', '"');
    expect(payload).toContain(`"children":"${title}"`);
    expect(payload).toMatch(new RegExp(`"SignInBackLink"\\][^]*"children":"${signIn}"`));
  };

  it("answers an anonymous visitor 401 on pages, with the sign-in page, and 401 on exports and APIs", async () => {
    for (const path of [...pages(), "/sessions", "/settings/tokens"]) {
      const res = await request(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get("location"), path).toBeNull();
      expect(res.headers.get("content-security-policy"), path).toContain("default-src 'self'");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      const body = await res.text();
      expect(body, path).not.toContain(TITLE);
      expect(body, path).not.toContain("Secret Sam");
      expect(body, path).toContain('<meta name="robots" content="noindex"/>');
      unauthorizedUi(body, "Sign in to see this page", "Sign in");
    }
    for (const path of [...cookieApis(), ...tokenApis(), "/api/v1/sessions"]) {
      const res = await request(path);
      expect(res.status, path).toBe(401);
      expect(await res.text(), path).not.toContain(TITLE);
    }
  });

  it("words the 401 page in the visitor's language", async () => {
    const res = await request(`/reports/${session.id}`, { "accept-language": "it-IT,it;q=0.9" });
    expect(res.status).toBe(401);
    const body = await res.text();
    expect(body).not.toContain(TITLE);
    unauthorizedUi(body, "Accedi per vedere questa pagina", "Accedi");
  });

  it("still sends a signed-out visitor of the dashboard (the front door) to sign in", async () => {
    const res = await request("/dashboard");
    expect([303, 307, 308]).toContain(res.status);
    expect(res.headers.get("location")).toMatch(/\/signin\?callbackUrl=%2Fdashboard$/);
  });

  it("answers 401 to a revoked, unknown, malformed or cookie-only caller of the token API", async () => {
    const unknown = `sr_${randomBytes(32).toString("base64url")}`;
    const callers: Record<string, string>[] = [
      { authorization: `Bearer ${revokedA}` },
      { authorization: `Bearer ${unknown}` },
      { authorization: "Bearer not-a-token" },
      { authorization: `Basic ${Buffer.from(`x:${tokenA}`).toString("base64")}` },
      { authorization: tokenA },
      { cookie: a.cookie },
    ];
    for (const headers of callers) {
      for (const path of [...tokenApis(), "/api/v1/sessions"]) {
        const res = await request(path, headers);
        expect(res.status, `${path} ${JSON.stringify(headers).slice(0, 40)}`).toBe(401);
        expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect(await res.text()).not.toContain(TITLE);
      }
    }
  });

  it("stops a token the moment it is revoked, and records when a token was used", async () => {
    const token = await insertToken(server, a.userId);
    expect((await request("/api/v1/sessions", { authorization: `Bearer ${token}` })).status).toBe(200);
    const hash = createHash("sha256").update(token).digest("hex");
    const used = await withDb(server, async (c) => (await c.query(`SELECT last_used_at FROM api_tokens WHERE token_hash = $1`, [hash])).rows[0].last_used_at);
    expect(used).toBeInstanceOf(Date);
    await withDb(server, (c) => c.query(`UPDATE api_tokens SET revoked_at = now() WHERE token_hash = $1`, [hash]));
    for (const path of [...tokenApis(), "/api/v1/sessions"]) expect((await request(path, { authorization: `Bearer ${token}` })).status, path).toBe(401);
  });

  it("answers 404 for ids that are not sessions, whoever asks", async () => {
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect((await request(`/reports/${id}`, { cookie: a.cookie })).status).toBe(404);
      expect((await request(`/api/sessions/${id}/export`, { cookie: a.cookie })).status).toBe(404);
      expect((await request(`/api/v1/sessions/${id}/report`, { authorization: `Bearer ${tokenA}` })).status).toBe(404);
      expect((await request(`/api/v1/sessions/${id}/results`, { authorization: `Bearer ${tokenA}` })).status).toBe(404);
    }
    expect((await request(`/reports/compare?deck=no-such-deck`, { cookie: a.cookie })).status).toBe(404);
  });

  it("deletes only the owner's ended session, with all its data", async () => {
    expect((await request(`/api/sessions/${session.id}`, {}, "DELETE")).status).toBe(401);
    expect((await request(`/api/sessions/${session.id}`, { cookie: b.cookie }, "DELETE")).status).toBe(404);
    expect((await request(`/api/sessions/${session.id}`, { cookie: a.cookie }, "DELETE")).status).toBe(409); // still running
    await must(staff, "session:end");
    expect((await request(`/api/sessions/${session.id}`, { cookie: a.cookie, origin: "https://evil.example" }, "DELETE")).status).toBe(403);
    expect((await request(`/api/sessions/${session.id}`, { cookie: b.cookie }, "DELETE")).status).toBe(404);
    expect(await countRows(server, "participants", session.id)).toBe(1);

    expect((await request(`/api/sessions/${session.id}`, { cookie: a.cookie }, "DELETE")).status).toBe(204);
    for (const table of ["participants", "placements", "submissions", "phase_events"] as const) expect(await countRows(server, table, session.id), table).toBe(0);
    expect(await withDb(server, async (c) => (await c.query(`SELECT count(*)::int AS n FROM workshops WHERE id = $1`, [session.id])).rows[0].n)).toBe(0);
    expect((await request(`/reports/${session.id}`, { cookie: a.cookie })).status).toBe(404);
    expect((await request(`/api/v1/sessions/${session.id}/report`, { authorization: `Bearer ${tokenA}` })).status).toBe(404);
    expect((await request(`/api/sessions/${session.id}`, { cookie: a.cookie }, "DELETE")).status).toBe(404);
  });
});

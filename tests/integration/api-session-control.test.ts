import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLoad } from "@/bench/load/run";
import type { JoinResult, ParticipantResult, PhaseView } from "@/lib/protocol/views";
import { connect, insertApiToken, must, signedInFacilitator, withDb, type ClientSocket } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

/** Issue 11: a bot runs a session with an API token and no browser sign-in. The real server: the
 *  token API creates the session with a `sessions` token, its phase commands reach the live room
 *  (a phone on a socket hears them), refusals are 401/403/400/404/409/415; and the load
 *  generator's --token mode runs a small load end to end and loses or doubles nothing. */
describe("running a session with an API token", () => {
  let server: TestServer;
  let token: string;
  let otherToken: string;
  let readToken: string;
  let ownerId: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    ownerId = (await signedInFacilitator(server, "bot-owner@example.com")).userId;
    token = await insertApiToken(server, ownerId, { scope: "sessions" });
    readToken = await insertApiToken(server, ownerId, { scope: "read", name: "gradebook" });
    otherToken = await insertApiToken(server, (await signedInFacilitator(server, "someone-else@example.com")).userId, { scope: "sessions" });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.close();
  });

  const post = async (path: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) => {
    const res = await fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined };
  };
  const phaseOf = (id: string) => withDb(server, async (c) => (await c.query<{ phase: string }>(`SELECT phase FROM workshops WHERE id = $1`, [id])).rows[0]?.phase);

  it("refuses a request without a valid token, a non-JSON body, and a body the socket would refuse", async () => {
    expect((await post("/api/v1/sessions", { deck: "leader-or-manager" }, {})).status).toBe(401);
    expect((await post("/api/v1/sessions", { deck: "leader-or-manager" }, { authorization: `Bearer sr_${"x".repeat(43)}` })).status).toBe(401);
    const wrongType = await fetch(`${server.url}/api/v1/sessions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" }, body: "{}" });
    expect(wrongType.status).toBe(415);
    expect((await post("/api/v1/sessions", { deck: "no-such-deck" })).status).toBe(404);

    const { body: created } = await post("/api/v1/sessions", { deck: "leader-or-manager" });
    const invalid = await post(`/api/v1/sessions/${created!.id}/phase`, { command: "start", timerSeconds: 1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body!.issues).toEqual([expect.objectContaining({ path: "timerSeconds" })]);
    expect((await post(`/api/v1/sessions/${created!.id}/phase`, { command: "openLobby" }, {})).status).toBe(401);
    // Another facilitator's token: the session does not exist for them.
    expect((await post(`/api/v1/sessions/${created!.id}/phase`, { command: "openLobby" }, { authorization: `Bearer ${otherToken}` })).status).toBe(404);
    expect(await phaseOf(created!.id as string)).toBe("draft");
  });

  it("refuses the owner's read-only token on both writes with 403 INSUFFICIENT_SCOPE: no session is created, no phase changes", async () => {
    const sessionsOf = () => withDb(server, async (c) => Number((await c.query(`SELECT count(*) FROM workshops WHERE owner_id = $1`, [ownerId])).rows[0].count));
    const { body: created } = await post("/api/v1/sessions", { deck: "leader-or-manager" });
    const before = await sessionsOf();
    const asReader = { authorization: `Bearer ${readToken}` };

    const create = await post("/api/v1/sessions", { deck: "leader-or-manager" }, asReader);
    expect(create.status).toBe(403);
    expect(create.body).toMatchObject({ code: "INSUFFICIENT_SCOPE", requiredScope: "sessions" });
    // Refused before the body is looked at: an invalid one gets the same 403, not a 400.
    expect((await post("/api/v1/sessions", { deckId: 1 }, asReader)).status).toBe(403);
    const phase = await post(`/api/v1/sessions/${created!.id}/phase`, { command: "openLobby" }, asReader);
    expect(phase.status).toBe(403);
    expect(phase.body).toMatchObject({ code: "INSUFFICIENT_SCOPE", error: expect.stringContaining("`sessions` scope") });

    expect(await sessionsOf()).toBe(before);
    expect(await phaseOf(created!.id as string)).toBe("draft");
    // It still reads what it always could.
    expect((await fetch(`${server.url}/api/v1/sessions`, { headers: asReader })).status).toBe(200);
  });

  it("creates a session, opens it, starts it with a timer and reveals it; a phone hears each phase and gets its result", async () => {
    const created = await post("/api/v1/sessions", { deck: "leader-or-manager", title: "Bot session" });
    expect(created.status).toBe(201);
    const { id, code, presenterKey } = created.body as { id: string; code: string; presenterKey: string };
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(presenterKey.length).toBeGreaterThanOrEqual(16);

    expect((await post(`/api/v1/sessions/${id}/phase`, { command: "openLobby" })).body).toMatchObject({ phase: "lobby" });
    const phone = await connect(server, { role: "participant" });
    sockets.push(phone);
    const joined = await must<JoinResult>(phone, "participant:join", { code, nickname: "Pat" });
    const heard: string[] = [];
    phone.on("session:phase", (view: PhaseView) => heard.push(view.phase));
    const result = new Promise<ParticipantResult>((resolve) => phone.once("participant:result", resolve));

    const early = await post(`/api/v1/sessions/${id}/phase`, { command: "reveal" });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: "WRONG_PHASE" });

    const started = await post(`/api/v1/sessions/${id}/phase`, { command: "start", timerSeconds: 300 });
    expect(started.status).toBe(200);
    expect((started.body as unknown as PhaseView).timer.endsAt).toBeGreaterThan(Date.now());
    const card = joined.view.cards[0]!.id;
    await must(phone, "placement:set", { statementId: card, column: "leader", seq: 1 });

    const revealed = await post(`/api/v1/sessions/${id}/phase`, { command: "reveal" });
    expect(revealed.status).toBe(200);
    expect(revealed.body).toMatchObject({ phase: "revealed" });
    expect((await result).total).toBe(joined.view.cards.length);
    expect(heard).toEqual(["sorting", "revealed"]);
    expect(await phaseOf(id)).toBe("revealed");
    expect((await post(`/api/v1/sessions/${id}/phase`, { command: "end" })).body).toMatchObject({ phase: "closed" });
  });

  it("lets the load generator create and drive its own session with the token (--token)", async () => {
    const report = await runLoad({
      url: server.url,
      token,
      deck: "leader-or-manager",
      phones: 20,
      joinRate: 100,
      sortSeconds: 5,
      moveAgainEvery: 5,
      workers: 0,
      forwardedFor: false,
      databaseUrl: server.databaseUrl,
      ackTimeoutMs: 30_000,
      maxSeconds: 120,
    });
    expect(report.joined).toBe(20);
    expect(report.verification).toMatchObject({ lost: 0, doubled: 0 });
    expect(report.revealMs).not.toBeNull();
    expect(Object.keys(report.errors)).toEqual([]);
    // The projector's socket (opened with the key the API answered) saw the aggregate stream.
    expect(report.placementToConsoleMs?.n).toBeGreaterThan(0);
  }, 120_000);
});

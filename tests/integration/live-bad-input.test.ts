import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBuiltinDeck } from "@/lib/decks/builtin";
import { CLIENT_EVENTS, type ClientEventSpec, type ErrorCode } from "@/lib/protocol";
import type { JoinResult } from "@/lib/protocol/views";
import { connect, connectError, countRows, createSession, emit, must, signedInFacilitator, withDb, type ClientSocket } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

const deck = getBuiltinDeck("leader-or-manager")!;
const [s0, s1] = deck.statements;

/** Every bad input gets a clear error code and changes nothing. */
describe("bad input over the socket protocol", () => {
  let server: TestServer;
  let cookie: string;
  let staff: ClientSocket;
  let session: { id: string; code: string };
  let phone: ClientSocket;
  let join: JoinResult;
  const sockets: ClientSocket[] = [];

  async function snapshot(workshopId = session.id) {
    return {
      participants: await countRows(server, "participants", workshopId),
      placements: await withDb(server, async (c) => (await c.query(`SELECT participant_id, statement_key, "column", seq FROM placements WHERE workshop_id = $1 ORDER BY 1, 2`, [workshopId])).rows),
      phase: await withDb(server, async (c) => (await c.query(`SELECT phase, locked, round FROM workshops WHERE id = $1`, [workshopId])).rows[0]),
      events: await countRows(server, "phase_events", workshopId),
    };
  }

  async function expectRefused(socket: ClientSocket, event: string, payload: unknown, code: ErrorCode, workshopId = session.id) {
    const before = await snapshot(workshopId);
    const ack = await emit(socket, event, payload);
    expect(ack).toMatchObject({ ok: false, code });
    if (!ack.ok) expect(ack.message.length).toBeGreaterThan(5);
    expect(await snapshot(workshopId)).toEqual(before);
  }

  async function guest(): Promise<ClientSocket> {
    const s = await connect(server, { role: "participant" });
    sockets.push(s);
    return s;
  }

  beforeAll(async () => {
    server = await startTestServer();
    ({ cookie } = await signedInFacilitator(server, "owner@example.com"));
    session = await createSession(server, cookie);
    staff = await connect(server, { role: "facilitator", workshopId: session.id }, cookie);
    await must(staff, "session:openLobby");
    phone = await guest();
    join = await must<JoinResult>(phone, "participant:join", { code: session.code, nickname: "Ana" });
    await must(staff, "session:start", {});
    await must(phone, "placement:set", { statementId: s0!.id, column: "leader", seq: 5 });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    staff?.close();
    await server?.close();
  });

  it("unknown join code → SESSION_NOT_FOUND", async () => {
    await expectRefused(await guest(), "participant:join", { code: "ZZZZZZ", nickname: "Bo" }, "SESSION_NOT_FOUND");
    await expectRefused(await guest(), "participant:join", { code: "no", nickname: "Bo" }, "SESSION_NOT_FOUND");
  });

  it("invalid nicknames → NICKNAME_EMPTY / NICKNAME_TOO_LONG / NICKNAME_INVALID", async () => {
    const g = await guest();
    await expectRefused(g, "participant:join", { code: session.code, nickname: "   " }, "NICKNAME_EMPTY");
    await expectRefused(g, "participant:join", { code: session.code, nickname: "x".repeat(25) }, "NICKNAME_TOO_LONG");
    await expectRefused(g, "participant:join", { code: session.code, nickname: "evil\u202Egnp.exe" }, "NICKNAME_INVALID");
    await expectRefused(g, "participant:join", { code: session.code, nickname: "bell\u0007" }, "NICKNAME_INVALID");
  });

  it("a nickname already taken in the session, in any case → NICKNAME_TAKEN", async () => {
    await expectRefused(await guest(), "participant:join", { code: session.code, nickname: " ANA " }, "NICKNAME_TAKEN");
  });

  it("a card not in the deck → UNKNOWN_STATEMENT", async () => {
    await expectRefused(phone, "placement:set", { statementId: "not-a-card", column: "leader", seq: 6 }, "UNKNOWN_STATEMENT");
  });

  it("a column not in the deck → UNKNOWN_COLUMN", async () => {
    await expectRefused(phone, "placement:set", { statementId: s1!.id, column: "both", seq: 6 }, "UNKNOWN_COLUMN");
  });

  it("a replayed older placement → STALE_PLACEMENT; an identical resend is acknowledged without a change", async () => {
    await expectRefused(phone, "placement:set", { statementId: s0!.id, column: "manager", seq: 4 }, "STALE_PLACEMENT");
    const before = await snapshot();
    expect(await emit(phone, "placement:set", { statementId: s0!.id, column: "leader", seq: 5 })).toMatchObject({ ok: true });
    expect(await snapshot()).toEqual(before);
  });

  it("malformed and oversized payloads → VALIDATION / PAYLOAD_TOO_LARGE", async () => {
    await expectRefused(phone, "placement:set", { statementId: s1!.id, column: "leader" }, "VALIDATION");
    await expectRefused(phone, "placement:set", { statementId: s1!.id, column: "leader", seq: 7, extra: true }, "VALIDATION");
    await expectRefused(phone, "placement:set", { statementId: s1!.id, column: "leader", seq: 7, pad: "x".repeat(10_000) }, "PAYLOAD_TOO_LARGE");
    await expectRefused(await guest(), "participant:join", { code: session.code, nickname: "y".repeat(5_000) }, "PAYLOAD_TOO_LARGE");
  });

  it("an event name outside the protocol → UNKNOWN_EVENT", async () => {
    await expectRefused(phone, "session:explode", {}, "UNKNOWN_EVENT");
  });

  it("a participant emitting any facilitator or presenter event → FORBIDDEN", async () => {
    const staffEvents = Object.entries<ClientEventSpec>(CLIENT_EVENTS).filter(([, spec]) => !spec.roles.includes("participant")).map(([e]) => e);
    expect(staffEvents.length).toBeGreaterThan(10);
    for (const event of staffEvents) {
      await expectRefused(phone, event, /^participant:(kick|ban|unban)$/.test(event) ? { participantId: join.view.me.id } : {}, "FORBIDDEN");
    }
  });

  it("a guest that has not joined cannot place cards → FORBIDDEN", async () => {
    await expectRefused(await guest(), "placement:set", { statementId: s1!.id, column: "leader", seq: 1 }, "FORBIDDEN");
  });

  it("a facilitator opening another facilitator's session is refused at the handshake → FORBIDDEN", async () => {
    const other = await signedInFacilitator(server, "intruder@example.com");
    const before = await snapshot();
    expect(await connectError(server, { role: "facilitator", workshopId: session.id }, other.cookie)).toBe("FORBIDDEN");
    expect(await connectError(server, { role: "facilitator", workshopId: session.id })).toBe("UNAUTHENTICATED");
    expect(await snapshot()).toEqual(before);
  });

  it("a presenter with a wrong key, an old protocol, or a foreign Origin is refused", async () => {
    expect(await connectError(server, { role: "presenter", workshopId: session.id, presenterKey: "x".repeat(32) })).toBe("FORBIDDEN");
    expect(await connectError(server, { role: "participant", protocol: 0 })).toBe("PROTOCOL_MISMATCH");
    expect(await connectError(server, { role: "participant" }, undefined, { origin: "https://evil.example" })).toMatch(/ORIGIN|xhr|websocket/i);
  });

  it("a locked lobby → SESSION_LOCKED", async () => {
    await must(staff, "session:lock", { locked: true });
    await expectRefused(await guest(), "participant:join", { code: session.code, nickname: "Late" }, "SESSION_LOCKED");
    await must(staff, "session:lock", { locked: false });
  });

  it("a placement after the participant submitted → ALREADY_SUBMITTED", async () => {
    await must(phone, "participant:submit");
    await expectRefused(phone, "placement:set", { statementId: s1!.id, column: "leader", seq: 8 }, "ALREADY_SUBMITTED");
    await expectRefused(phone, "participant:submit", {}, "ALREADY_SUBMITTED");
  });

  it("a placement or join after the session closed → WRONG_PHASE / SESSION_CLOSED", async () => {
    const late = await guest();
    const lateJoin = await must<JoinResult>(late, "participant:join", { code: session.code, nickname: "Bea" });
    expect(lateJoin.view.session.phase).toBe("sorting"); // late joiners may join during sorting
    await must(staff, "session:end");
    await expectRefused(late, "placement:set", { statementId: s1!.id, column: "leader", seq: 1 }, "WRONG_PHASE");
    await expectRefused(await guest(), "participant:join", { code: session.code, nickname: "Cy" }, "SESSION_CLOSED");
    await expectRefused(staff, "session:start", {}, "WRONG_PHASE");
  });
});

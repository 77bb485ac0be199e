import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isErrorCode } from "@/lib/protocol/errors";
import { CLIENT_EVENTS, isClientEvent, type ClientEventName, type ClientEventSpec, type Role } from "@/lib/protocol/registry";
import { MAX_PAYLOAD_BYTES } from "@/lib/protocol/schemas";
import { hostileString, hostileValue, nearMissFor, onTheWire, validFor } from "./support/hostile";
import { connect, createSession, must, signedInFacilitator, withDb, type ClientSocket } from "./support/live";
import { getJson, startTestServer, type TestServer } from "./support/server";

// Issue 9, guarantees: for every client event and from every role's socket, thousands of
// generated payloads (valid ones from the event's zod schema, near misses of them, hostile
// shapes) and hostile event names are each answered with a typed ack, never a timeout or a
// dropped socket; the session's state (in Postgres and in the room) is unchanged, and the
// server stays healthy. The per-socket frame limit is raised for this file only (realtimeLimits):
// the point here is what the wrapper and handlers do with each frame, not the limit.

const EVENTS = Object.keys(CLIENT_EVENTS) as ClientEventName[];
const ROLES: Role[] = ["guest", "participant", "facilitator", "presenter"];
/** Frames in flight at once per socket, and batches per event and role: 23 events × 4 roles ×
 *  BATCHES × BATCH = 13,800 payloads, 600 per event (numRuns counts batches), plus 2,000 frames
 *  with hostile event names. */
const BATCH = 25;
const BATCHES = 6;
const ACK_TIMEOUT_MS = 15_000;

/** Events whose valid payload changes nothing in a lobby with one participant: syncs, moves and
 *  submits (not sorting yet: WRONG_PHASE), joins with a code that is not the session's, removal of
 *  a participant who does not exist. Other events get valid payloads only from roles that may
 *  not send them (FORBIDDEN), so the session under test stays as it was (`roster:window` among
 *  them: a valid one moves the console's window, which the snapshot's sync would show). */
const HARMLESS_WHEN_VALID = new Set<ClientEventName>([
  "participant:join",
  "participant:sync",
  "placement:set",
  "participant:submit",
  "facilitator:sync",
  "presenter:sync",
  "participant:kick",
  "participant:ban",
  "participant:unban",
]);

type AckLike = { ok: true; data: unknown } | { ok: false; code: string; message: string };

function send(socket: ClientSocket, event: unknown, payload: unknown): Promise<AckLike> {
  const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emit: (e: unknown, p: unknown, cb: (err: Error | null, ack: AckLike) => void) => void };
  return new Promise((resolve, reject) => {
    timed.emit(event, payload, (err, ack) => (err ? reject(new Error(`no ack for ${String(event)} within ${ACK_TIMEOUT_MS} ms`)) : resolve(ack)));
  });
}

function byteLength(value: unknown): number {
  return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value) ?? "");
}

/** The outcome the protocol promises for this frame: the wrapper's order is role, size, schema. */
function expectedCode(event: ClientEventName, role: Role, wire: unknown): "FORBIDDEN" | "PAYLOAD_TOO_LARGE" | "VALIDATION" | "handled" {
  const spec: ClientEventSpec = CLIENT_EVENTS[event];
  if (!spec.roles.includes(role)) return "FORBIDDEN";
  if (byteLength(wire) > MAX_PAYLOAD_BYTES) return "PAYLOAD_TOO_LARGE";
  return spec.payload.safeParse(wire).success ? "handled" : "VALIDATION";
}

describe("protocol property tests: hostile payloads and event names, from every role", () => {
  let server: TestServer;
  let session: { id: string; code: string };
  const sockets = {} as Record<Role, ClientSocket>;

  /** What must not change: the session in Postgres, and the room as the console sees it. */
  async function snapshot(): Promise<unknown> {
    const db = await withDb(server, async (c) => {
      const row = (await c.query(`SELECT phase, locked FROM workshops WHERE id = $1`, [session.id])).rows[0];
      const counts = await Promise.all(
        ["participants", "placements", "submissions", "phase_events"].map(async (t) => Number((await c.query(`SELECT count(*) FROM ${t} WHERE workshop_id = $1`, [session.id])).rows[0].count)),
      );
      return { ...row, counts };
    });
    // serverNow is the server's clock at the moment of the sync, not state.
    const view = JSON.parse(JSON.stringify(await must(sockets.facilitator, "facilitator:sync"), (key, value: unknown) => (key === "serverNow" ? undefined : value)));
    return { db, view };
  }

  beforeAll(async () => {
    // Thousands of frames from one socket, and a guest that never joins, for longer than a minute.
    server = await startTestServer({ realtimeLimits: { framesPerSocket: { burst: 1_000_000, perSecond: 1_000_000 }, guestTimeoutMs: 30 * 60_000 } });
    const { cookie } = await signedInFacilitator(server, "fuzz@example.com");
    session = await createSession(server, cookie);
    const presenterKey = await withDb(server, async (c) => (await c.query(`SELECT presenter_key FROM workshops WHERE id = $1`, [session.id])).rows[0].presenter_key as string);
    sockets.facilitator = await connect(server, { role: "facilitator", workshopId: session.id }, cookie);
    await must(sockets.facilitator, "session:openLobby");
    sockets.participant = await connect(server, { role: "participant" });
    await must(sockets.participant, "participant:join", { code: session.code, nickname: "Ana" });
    sockets.guest = await connect(server, { role: "participant" });
    sockets.presenter = await connect(server, { role: "presenter", workshopId: session.id, presenterKey });
  });

  afterAll(async () => {
    for (const socket of Object.values(sockets)) socket?.close();
    await server?.close();
  });

  /** A payload for `event` sent by `role`: hostile, a near miss, or valid where that is harmless. */
  function payloadFor(event: ClientEventName, role: Role): fc.Arbitrary<unknown> {
    const { payload: schema, roles }: ClientEventSpec = CLIENT_EVENTS[event];
    const mayBeValid = HARMLESS_WHEN_VALID.has(event) || !roles.includes(role);
    const valid = validFor(schema).filter((p) => (event === "participant:join" ? (p as { code?: unknown }).code !== session.code : true));
    const spoilt = fc.oneof(hostileValue, nearMissFor(schema)).filter((p) => !mayBeValid && expectedCode(event, role, onTheWire(p)) === "handled" ? false : true);
    return mayBeValid ? fc.oneof({ weight: 2, arbitrary: valid }, { weight: 3, arbitrary: spoilt }) : spoilt;
  }

  it.each(EVENTS)("%s: every payload from every role gets its typed ack; nothing changes", async (event) => {
    const before = await snapshot();
    for (const role of ROLES) {
      const socket = sockets[role];
      await fc.assert(
        fc.asyncProperty(fc.array(payloadFor(event, role), { minLength: BATCH, maxLength: BATCH }), async (payloads) => {
          const acks = await Promise.all(payloads.map((p) => send(socket, event, p)));
          acks.forEach((ack, i) => {
            const expected = expectedCode(event, role, onTheWire(payloads[i]));
            const context = `${role} → ${event} ${JSON.stringify(onTheWire(payloads[i]))?.slice(0, 200)}`;
            if (expected === "handled") {
              expect(ack.ok || isErrorCode(ack.code), context).toBe(true);
            } else {
              expect(ack, context).toMatchObject({ ok: false, code: expected });
            }
          });
          expect(socket.connected, `${role} socket still connected`).toBe(true);
        }),
        { numRuns: BATCHES },
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it("unknown, numeric and prototype-named events are answered UNKNOWN_EVENT from every role; nothing changes", async () => {
    const before = await snapshot();
    // The client library itself refuses to emit its reserved names (connect, disconnect…).
    const clientReserved = new Set(["connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"]);
    const name = fc
      .oneof(
        fc.integer(),
        fc.nat({ max: 100 }),
        hostileString,
        fc.constantFrom("__proto__", "constructor", "hasOwnProperty", "toString", "valueOf", "participant:JOIN", "participant:join ", " session:end", "session:end\u0000", "error", "ping"),
        fc.constantFrom(...EVENTS).map((e) => e + "\uD800"),
      )
      .filter((n) => !(typeof n === "string" && isClientEvent(n)) && !clientReserved.has(n as string));
    for (const role of ROLES) {
      const socket = sockets[role];
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(name, hostileValue), { minLength: BATCH, maxLength: BATCH }), async (frames) => {
          const acks = await Promise.all(frames.map(([n, p]) => send(socket, n, p)));
          for (const ack of acks) expect(ack).toMatchObject({ ok: false, code: "UNKNOWN_EVENT" });
          expect(socket.connected).toBe(true);
        }),
        { numRuns: 20 },
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  // Socket.IO's parser refuses its reserved names (disconnect, connect…) as a malformed frame; these
  // two pass it and reach the server socket's own emitter, where "error" has a special meaning.
  it("an event named \"error\" or \"connection\" fires none of the server's handlers and changes nothing", async () => {
    const before = await snapshot();
    const engine = (sockets.participant as unknown as { io: { engine: { write(data: string): void } } }).io.engine;
    // Written under the client library (a Socket.IO EVENT packet: type 2, an ack id, [name, data]),
    // which refuses to emit such names itself.
    ["error", "connection"].forEach((name, i) =>
      engine.write(`2${900 + i}${JSON.stringify([name, "forged"])}`),
    );
    // The console still sees the participant connected, and the socket still works.
    await must(sockets.participant, "participant:sync");
    expect(await snapshot()).toEqual(before);
    expect(sockets.participant.connected).toBe(true);
  });

  it("the server stays healthy: /api/health answers 200 and a new phone can still join", async () => {
    expect((await getJson(`${server.url}/api/health`)).status).toBe(200);
    const phone = await connect(server, { role: "participant" });
    try {
      await must(phone, "participant:join", { code: session.code, nickname: "Bo" });
    } finally {
      phone.close();
    }
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ParticipantController } from "@/lib/client/participant-controller";
import { readMoves, readToken, tokenKey, writeMoves, writeToken } from "@/lib/client/participant-storage";
import type { AppSocket } from "@/lib/client/socket";
import type { Ack } from "@/lib/protocol/ack";
import { ERROR_CODES, KICKED_REJOIN_MESSAGE } from "@/lib/protocol/errors";
import type { ParticipantView } from "@/lib/protocol/views";
import { FakeSocketBase, phaseView } from "./fixtures";

/** Removal by the facilitator as the phone sees it (docs/protocol.md "Removing a participant"),
 *  without React or a server: a fake socket per connection, an in-memory localStorage and fake
 *  timers, so "no reconnect is scheduled" is checked by running every timer, never by the clock. */

const CODE = "ABC123";
const TOKEN = "tok-0123456789abcdef";
const BAN_MESSAGE = "The facilitator removed you from this session.";

class FakeSocket extends FakeSocketBase {
  readonly sent: string[] = [];
  /** Calls to connect() (a reconnect by the controller). */
  connects = 0;
  /** The next acks, by event; an event without one is never answered (stays in flight). */
  readonly replies = new Map<string, Ack<unknown>[]>();

  constructor(public auth: Record<string, unknown>) {
    super();
  }

  connect(): this {
    this.connects += 1;
    return this;
  }
  timeout() {
    return {
      emit: (event: string, _payload: unknown, cb: (err: Error | null, reply?: unknown) => void) => {
        this.sent.push(event);
        const reply = this.replies.get(event)?.shift();
        if (reply) cb(null, reply);
      },
    };
  }
}

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}

function view(): ParticipantView {
  return {
    session: {
      ...phaseView(),
      title: "Leader or Manager?",
      language: "en",
      columns: [
        { id: "leader", label: "Leader" },
        { id: "manager", label: "Manager" },
      ],
      cohortOptions: [],
    },
    me: { id: "p1", nickname: "Ada", cohort: null, submitted: false },
    cards: [
      { id: "a", text: "Card A" },
      { id: "b", text: "Card B" },
    ],
    placements: [],
    lastSeq: 0,
    result: null,
  };
}

const handshakeError = (code: string, message: string) => Object.assign(new Error(message), { data: { code } });

/** A joined phone with one move not yet acked: stored token and move, connected, synced, the move
 *  sent and still in flight. */
function joinedPhone() {
  writeToken(CODE, TOKEN);
  writeMoves(CODE, { lastSeq: 1, pending: [{ statementId: "a", column: "leader", confidence: null, seq: 1, round: 1, attempts: 0 }] });
  const sockets: FakeSocket[] = [];
  const opened: (string | null)[] = [];
  const controller = new ParticipantController(CODE, (token) => {
    opened.push(token);
    const socket = new FakeSocket(token ? { participantToken: token } : {});
    socket.replies.set("participant:sync", [{ ok: true, data: view() }]);
    sockets.push(socket);
    return socket as unknown as AppSocket;
  });
  controller.start();
  return { controller, sockets, opened, first: sockets[0]! };
}

type Step = [event: string, ...args: unknown[]];

interface Case {
  name: string;
  /** Fired on the first socket, in order, after it has connected and synced. */
  steps: Step[];
  screen: "join" | "kicked";
  notice: string;
  /** The stored token afterwards. */
  token: string | null;
  /** The tokens of the sockets opened, in order (null: a guest). */
  opened: (string | null)[];
}

const cases: Case[] = [
  {
    name: "kicked (banned: false): join form with the server's message, token and moves forgotten, a guest socket",
    steps: [["participant:kicked", { message: KICKED_REJOIN_MESSAGE, banned: false }], ["disconnect", "io server disconnect"]],
    screen: "join",
    notice: KICKED_REJOIN_MESSAGE,
    token: null,
    opened: [TOKEN, null],
  },
  {
    name: "banned (banned: true): the removed screen, token kept, no new socket",
    steps: [["participant:kicked", { message: BAN_MESSAGE, banned: true }], ["disconnect", "io server disconnect"]],
    screen: "kicked",
    notice: BAN_MESSAGE,
    token: TOKEN,
    opened: [TOKEN],
  },
  {
    name: "banned without a message: the removed screen with the KICKED text",
    steps: [["participant:kicked", { message: "", banned: true }], ["disconnect", "io server disconnect"]],
    screen: "kicked",
    notice: ERROR_CODES.KICKED,
    token: TOKEN,
    opened: [TOKEN],
  },
  {
    name: "handshake refused with KICKED: the removed screen, token kept, no new socket",
    steps: [["disconnect", "transport close"], ["connect_error", handshakeError("KICKED", BAN_MESSAGE)]],
    screen: "kicked",
    notice: BAN_MESSAGE,
    token: TOKEN,
    opened: [TOKEN],
  },
  {
    name: "handshake refused with UNAUTHENTICATED: token and moves forgotten, join form, a guest socket",
    steps: [["disconnect", "transport close"], ["connect_error", handshakeError("UNAUTHENTICATED", KICKED_REJOIN_MESSAGE)]],
    screen: "join",
    notice: KICKED_REJOIN_MESSAGE,
    token: null,
    opened: [TOKEN, null],
  },
];

describe("ParticipantController: removal by the facilitator", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal("window", { localStorage: memoryStorage() });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it.each(cases)("$name", async ({ steps, screen, notice, token, opened }) => {
    const phone = joinedPhone();
    phone.first.fire("connect");
    await vi.advanceTimersByTimeAsync(0);
    // Before: joined, the stored move restored and in flight.
    expect(phone.controller.getSnapshot()).toMatchObject({ screen: "ready", pending: { a: { seq: 1 } } });
    expect(phone.first.sent).toEqual(["participant:sync", "placement:set"]);

    for (const [event, ...args] of steps) phone.first.fire(event, ...args);
    await vi.advanceTimersByTimeAsync(0);

    const state = phone.controller.getSnapshot();
    expect(state.screen).toBe(screen);
    expect(state.notice).toBe(notice);
    expect(state.pending).toEqual({});
    expect(readToken(CODE)).toBe(token);
    expect(readMoves(CODE)).toEqual({ lastSeq: 0, pending: [] });
    expect(phone.opened).toEqual(opened);
    expect(phone.first.disconnected).toBe(true);
    expect(phone.first.listeners.size).toBe(0);

    // No automatic reconnect of the removed participant's socket, however long we wait.
    await vi.runAllTimersAsync();
    expect(phone.first.connects).toBe(0);
    expect(phone.opened).toEqual(opened);
  });

  it("the controller's own reconnect after 'io server disconnect' (without a kick) is scheduled", async () => {
    // The contrast to the cases above: the same disconnect without a kick does try again.
    const phone = joinedPhone();
    phone.first.fire("connect");
    await vi.advanceTimersByTimeAsync(0);
    phone.first.fire("disconnect", "io server disconnect");
    await vi.runAllTimersAsync();
    expect(phone.first.connects).toBe(1);
    expect(readToken(CODE)).toBe(TOKEN);
  });

  it("a reload of a banned device lands on the removed screen again", async () => {
    const phone = joinedPhone();
    phone.first.fire("participant:kicked", { message: BAN_MESSAGE, banned: true });
    phone.controller.stop();
    expect(window.localStorage.getItem(tokenKey(CODE))).toBe(TOKEN);

    const reloaded = joinedPhone(); // same storage: the kept token is presented again
    expect(reloaded.opened).toEqual([TOKEN]);
    reloaded.first.fire("connect_error", handshakeError("KICKED", BAN_MESSAGE));
    await vi.runAllTimersAsync();
    expect(reloaded.controller.getSnapshot()).toMatchObject({ screen: "kicked", notice: BAN_MESSAGE });
    expect(reloaded.first.connects).toBe(0);
  });
});

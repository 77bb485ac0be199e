import { describe, expect, it } from "vitest";
import { StaffConnection, type StaffRole, type StaffUpdate } from "@/lib/client/staff-connection";
import { staffHandshake, type StaffAuth, type StaffSocket } from "@/lib/client/staff-socket";
import { PROTOCOL_VERSION } from "@/lib/protocol/version";
import type { Ack } from "@/lib/protocol/ack";
import type { PhaseView, RosterPage } from "@/lib/protocol/views";
import { FakeSocketBase, phaseView } from "./fixtures";

/** The staff screens' connection lifecycle without React or a server: a fake socket records what
 *  is sent and lets each case fire the socket's events in order. */

class FakeSocket extends FakeSocketBase {
  readonly sent: { event: string; payload: unknown }[] = [];
  /** The next acks, by event; a missing one answers ok (a sync with a full view). */
  replies = new Map<string, Ack<unknown>[]>();

  constructor(readonly auth: StaffAuth) {
    super();
  }

  timeout() {
    return {
      emit: (event: string, payload: unknown, cb: (err: Error | null, reply: Ack<unknown>) => void) => {
        this.sent.push({ event, payload });
        const reply = this.replies.get(event)?.shift() ?? { ok: true, data: event.endsWith(":sync") ? view() : {} };
        queueMicrotask(() => cb(null, reply));
      },
    };
  }
}

const phase = (overrides: Partial<PhaseView> = {}): PhaseView => phaseView({ phase: "lobby", serverNow: 1_000, ...overrides });

const view = (p: Partial<PhaseView> = {}) => ({ session: phase(p), marker: "full view" });

/** A roster page for the window at `offset` (50 rows, no search), told apart by `marker`. */
const rosterPage = (offset: number, search = "", marker = "page"): RosterPage & { marker: string } => ({
  offset,
  limit: 50,
  search,
  total: 500,
  rows: [],
  counts: { joined: 500, online: 0, submitted: 0, placing: 0 },
  marker,
});

const AUTH: { [R in StaffRole]: StaffAuth } = {
  facilitator: { role: "facilitator", workshopId: "w1" },
  presenter: { role: "presenter", workshopId: "w1", presenterKey: "k" },
};

function open(role: StaffRole) {
  const updates: StaffUpdate<StaffRole>[] = [];
  let socket: FakeSocket | null = null;
  const connection = new StaffConnection(AUTH[role] as never, (u) => updates.push(u), (auth) => {
    socket = new FakeSocket(auth);
    return socket as unknown as StaffSocket;
  });
  connection.start();
  return { connection, updates, socket: socket! as FakeSocket };
}

/** Lets the awaited acks settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

type Step = [event: string, ...args: unknown[]];

interface Case {
  name: string;
  role: StaffRole;
  replies?: Record<string, Ack<unknown>[]>;
  steps: Step[];
  /** The events sent, in order. */
  sent: string[];
  /** The updates, in order (`view` stands for the synced view, compared by its marker). */
  updates: unknown[];
}

const refused: Ack<unknown> = { ok: false, code: "INTERNAL", message: "boom" };
const forbidden = Object.assign(new Error("This presenter link is not valid."), { data: { code: "FORBIDDEN" } });

const cases: Case[] = [
  {
    name: "console: syncs on connect",
    role: "facilitator",
    replies: { "facilitator:sync": [{ ok: true, data: view() }] },
    steps: [["connect"]],
    sent: ["facilitator:sync"],
    updates: [{ type: "synced", view: view() }],
  },
  {
    name: "projector: syncs with its own event",
    role: "presenter",
    replies: { "presenter:sync": [{ ok: true, data: view() }] },
    steps: [["connect"]],
    sent: ["presenter:sync"],
    updates: [{ type: "synced", view: view() }],
  },
  {
    name: "console: a refused sync fails the screen",
    role: "facilitator",
    replies: { "facilitator:sync": [refused] },
    steps: [["connect"]],
    sent: ["facilitator:sync"],
    updates: [{ type: "connection", connection: "failed", failure: { code: "INTERNAL", message: "boom", fatal: false } }],
  },
  {
    name: "projector: a refused sync keeps waiting",
    role: "presenter",
    replies: { "presenter:sync": [refused] },
    steps: [["connect"]],
    sent: ["presenter:sync"],
    updates: [{ type: "connection", connection: "reconnecting", failure: { code: "INTERNAL", message: "boom", fatal: false } }],
  },
  {
    name: "a dropped connection reconnects and syncs again",
    role: "facilitator",
    replies: { "facilitator:sync": [{ ok: true, data: view() }, { ok: true, data: view({ serverNow: 2_000 }) }] },
    steps: [["connect"], ["disconnect", "transport close"], ["connect"]],
    sent: ["facilitator:sync", "facilitator:sync"],
    updates: [{ type: "synced", view: view() }, { type: "connection", connection: "reconnecting" }, { type: "synced", view: view({ serverNow: 2_000 }) }],
  },
  {
    name: "our own disconnect is not a lost connection",
    role: "presenter",
    steps: [["disconnect", "io client disconnect"]],
    sent: [],
    updates: [],
  },
  {
    name: "a refused handshake after retries stop is fatal",
    role: "presenter",
    steps: [["inactive"], ["connect_error", forbidden]],
    sent: [],
    updates: [{ type: "connection", connection: "failed", failure: { code: "FORBIDDEN", message: "This presenter link is not valid.", fatal: true } }],
  },
  {
    name: "a network error keeps retrying",
    role: "facilitator",
    steps: [["connect_error", new Error("xhr poll error")]],
    sent: [],
    updates: [{ type: "connection", connection: "reconnecting", failure: { code: "NETWORK", message: "Cannot reach the server. Retrying…", fatal: false } }],
  },
  {
    name: "a phase push in the same phase and round is applied without a sync",
    role: "facilitator",
    replies: { "facilitator:sync": [{ ok: true, data: view() }] },
    steps: [["connect"], ["session:phase", phase({ locked: true })]],
    sent: ["facilitator:sync"],
    updates: [{ type: "synced", view: view() }, { type: "phase", view: phase({ locked: true }) }],
  },
  {
    name: "a new phase takes a fresh view",
    role: "presenter",
    replies: { "presenter:sync": [{ ok: true, data: view() }, { ok: true, data: view({ phase: "sorting" }) }] },
    steps: [["connect"], ["session:phase", phase({ phase: "sorting" })]],
    sent: ["presenter:sync", "presenter:sync"],
    updates: [{ type: "synced", view: view() }, { type: "phase", view: phase({ phase: "sorting" }) }, { type: "synced", view: view({ phase: "sorting" }) }],
  },
  {
    name: "a new round takes a fresh view",
    role: "facilitator",
    replies: { "facilitator:sync": [{ ok: true, data: view({ phase: "revealed" }) }, { ok: true, data: view({ phase: "revealed", round: 2 }) }] },
    steps: [["connect"], ["session:phase", phase({ phase: "revealed", round: 2 })]],
    sent: ["facilitator:sync", "facilitator:sync"],
    updates: [
      { type: "synced", view: view({ phase: "revealed" }) },
      { type: "phase", view: phase({ phase: "revealed", round: 2 }) },
      { type: "synced", view: view({ phase: "revealed", round: 2 }) },
    ],
  },
  {
    name: "console: roster, progress, tally and reveal pushes pass through; lobby pushes do not",
    role: "facilitator",
    steps: [
      ["session:progress", { round: 1 }],
      ["session:tally", { round: 1, counts: [] }],
      ["roster:page", rosterPage(0)],
      ["roster:kicked", { kicked: [] }],
      ["session:revealed", { round: 1 }],
      ["lobby:delta", { added: ["x"], removed: [], joined: 1 }],
    ],
    sent: [],
    updates: [
      { type: "session:progress", payload: { round: 1 } },
      { type: "session:tally", payload: { round: 1, counts: [] } },
      { type: "roster:page", payload: rosterPage(0) },
      { type: "roster:kicked", payload: { kicked: [] } },
      { type: "session:revealed", payload: { round: 1 } },
    ],
  },
  {
    name: "projector: lobby, progress, tally and reveal pushes pass through; roster pushes do not",
    role: "presenter",
    steps: [
      ["roster:page", rosterPage(0)],
      ["roster:kicked", { kicked: [] }],
      ["lobby:delta", { added: ["x"], removed: [], joined: 1 }],
      ["session:progress", { round: 1 }],
      ["session:tally", { round: 1, counts: [] }],
      ["session:revealed", { round: 1 }],
    ],
    sent: [],
    updates: [
      { type: "lobby:delta", payload: { added: ["x"], removed: [], joined: 1 } },
      { type: "session:progress", payload: { round: 1 } },
      { type: "session:tally", payload: { round: 1, counts: [] } },
      { type: "session:revealed", payload: { round: 1 } },
    ],
  },
];

describe("StaffConnection", () => {
  it.each(cases)("$name", async ({ role, replies, steps, sent, updates }) => {
    const { socket, updates: got } = open(role);
    for (const [event, list] of Object.entries(replies ?? {})) socket.replies.set(event, [...list]);
    for (const [event, ...args] of steps) {
      if (event === "inactive") socket.active = false;
      else socket.fire(event, ...args);
      await settle();
    }
    expect(socket.sent.map((s) => s.event)).toEqual(sent);
    expect(got).toEqual(updates);
  });

  it.each(["facilitator", "presenter"] as const)("%s: connects once, with its handshake auth and the protocol version", (role) => {
    const { connection, socket } = open(role);
    connection.start(); // a second start (React's strict mode) is a no-op
    expect(socket.auth).toEqual(AUTH[role]);
    expect(staffHandshake(socket.auth)).toEqual({ protocol: PROTOCOL_VERSION, ...AUTH[role] });
  });

  it("stops: listeners removed, socket closed, late acks and pushes ignored", async () => {
    const { connection, socket, updates } = open("facilitator");
    let answer: (ack: Ack<unknown>) => void = () => undefined;
    socket.timeout = () => ({
      emit: (event: string, payload: unknown, cb: (err: Error | null, reply: Ack<unknown>) => void) => {
        socket.sent.push({ event, payload });
        answer = (ack) => cb(null, ack);
      },
    });
    socket.fire("connect");
    const listeners = [...socket.listeners.values()].flat();
    connection.stop();
    expect(socket.disconnected).toBe(true);
    expect(socket.listeners.size).toBe(0);
    answer({ ok: true, data: view() });
    for (const listener of listeners) listener(phase());
    await settle();
    expect(updates).toEqual([]);
  });

  it("runs commands: not before start, and a phase view in the ack is applied", async () => {
    const updates: StaffUpdate<"facilitator">[] = [];
    let socket: FakeSocket | null = null;
    const connection = new StaffConnection({ role: "facilitator", workshopId: "w1" }, (u) => updates.push(u), (auth) => {
      socket = new FakeSocket(auth);
      return socket as unknown as StaffSocket;
    });
    expect(await connection.run("session:lock", { locked: true })).toMatchObject({ ok: false, code: "UNAVAILABLE" });
    connection.start();
    const s = socket! as FakeSocket;
    expect(await connection.run("session:lock", { locked: true })).toMatchObject({ ok: false, code: "UNAVAILABLE" }); // not connected yet
    s.fire("connect");
    await settle();
    updates.length = 0;
    s.replies.set("session:lock", [{ ok: true, data: phase({ locked: true }) }]);
    s.replies.set("participant:kick", [{ ok: true, data: { participantId: "p1" } }]);
    expect(await connection.run("session:lock", { locked: true })).toEqual({ ok: true, data: phase({ locked: true }) });
    expect(await connection.run("participant:kick", { participantId: "p1" })).toEqual({ ok: true, data: { participantId: "p1" } });
    expect(s.sent.slice(-2)).toEqual([
      { event: "session:lock", payload: { locked: true } },
      { event: "participant:kick", payload: { participantId: "p1" } },
    ]);
    expect(updates).toEqual([{ type: "phase", view: phase({ locked: true }) }]);
  });

  describe("the console's roster window", () => {
    async function connected() {
      const opened = open("facilitator");
      opened.socket.fire("connect");
      await settle();
      opened.updates.length = 0;
      opened.socket.sent.length = 0;
      return opened;
    }

    it("shows the page a new window's ack brings, drops pushes for the old window meanwhile, then shows the pushes", async () => {
      const { connection, socket, updates } = await connected();
      socket.replies.set("roster:window", [{ ok: true, data: rosterPage(50, "", "ack") }]);
      const asking = connection.run("roster:window", { offset: 50, limit: 50, search: "" });
      // Sent by the server before it took the new window, arriving before the ack.
      socket.fire("roster:page", rosterPage(0, "", "push for the old window"));
      await asking;
      socket.fire("roster:page", rosterPage(50, "", "push"));
      await settle();
      expect(socket.sent).toEqual([{ event: "roster:window", payload: { offset: 50, limit: 50, search: "" } }]);
      expect(updates).toEqual([
        { type: "roster:page", payload: rosterPage(50, "", "ack") },
        { type: "roster:page", payload: rosterPage(50, "", "push") },
      ]);
    });

    it("shows only the newest window's ack when two are on the way", async () => {
      const { connection, socket, updates } = await connected();
      const answers: ((ack: Ack<unknown>) => void)[] = [];
      socket.timeout = () => ({
        emit: (event: string, payload: unknown, cb: (err: Error | null, reply: Ack<unknown>) => void) => {
          socket.sent.push({ event, payload });
          answers.push((ack) => cb(null, ack));
        },
      });
      const first = connection.run("roster:window", { offset: 0, limit: 50, search: "an" });
      const second = connection.run("roster:window", { offset: 0, limit: 50, search: "ann" });
      answers[1]!({ ok: true, data: rosterPage(0, "ann", "newest") });
      answers[0]!({ ok: true, data: rosterPage(0, "an", "older") });
      await Promise.all([first, second]);
      expect(updates).toEqual([{ type: "roster:page", payload: rosterPage(0, "ann", "newest") }]);
    });

    it("asks for its window again after a reconnect, before the sync (the server keeps it per socket)", async () => {
      const { connection, socket } = await connected();
      await connection.run("roster:window", { offset: 100, limit: 50, search: "bo" });
      socket.fire("disconnect", "transport close");
      socket.fire("connect");
      await settle();
      await settle();
      expect(socket.sent.map((s) => s.event)).toEqual(["roster:window", "roster:window", "facilitator:sync"]);
      expect(socket.sent[1]!.payload).toEqual({ offset: 100, limit: 50, search: "bo" });
    });

    it("a refused window changes nothing on screen: the pushes for the window the server kept still show", async () => {
      const { connection, socket, updates } = await connected();
      socket.replies.set("roster:window", [{ ok: false, code: "VALIDATION", message: "no" }]);
      expect(await connection.run("roster:window", { offset: 0, limit: 500 })).toMatchObject({ ok: false, code: "VALIDATION" });
      socket.fire("roster:page", rosterPage(0));
      socket.fire("disconnect", "transport close");
      socket.fire("connect");
      await settle();
      expect(updates.filter((u) => u.type === "roster:page")).toEqual([{ type: "roster:page", payload: rosterPage(0) }]);
      expect(socket.sent.map((s) => s.event), "nothing to ask for again").toEqual(["roster:window", "facilitator:sync"]);
    });
  });
});

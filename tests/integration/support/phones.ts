import type { Ack } from "@/lib/protocol";
import type { JoinResult, ParticipantView, PlacementAck } from "@/lib/protocol/views";
import { connect, must, type ClientSocket } from "./live";

/** Simulated phones for the fault tests: they join, sort cards through the public protocol only,
 *  and keep a ledger of every move sent and how the server answered it, which verify.ts compares
 *  with Postgres. */

export interface Endpoint {
  url: string;
}

export interface Move {
  statementId: string;
  column: string | null;
  seq: number;
}

/** What became of one send: acknowledged, refused with a code, or never answered (the socket
 *  went away: the server died, or shut down before it could answer). */
export type Outcome = { kind: "ok" } | { kind: "refused"; code: string } | { kind: "lost" };

/** One participant (one token) and the ledger of everything sent for it, from any of its sockets. */
export class Participant {
  /** Every send in the order it went out, with its answer once it came. */
  readonly log: { move: Move; outcome?: Outcome }[] = [];
  /** Highest seq handed out; tabs of one participant may draw seqs their own way instead. */
  seq = 0;

  constructor(
    readonly id: string,
    readonly nickname: string,
    readonly token: string,
    readonly cards: string[],
  ) {}

  get sent(): Move[] {
    return this.log.map((e) => e.move);
  }

  get acked(): Move[] {
    return this.log.filter((e) => e.outcome?.kind === "ok").map((e) => e.move);
  }

  /** Joins as a new participant; returns it with the socket it joined on. */
  static async join(server: Endpoint, code: string, nickname: string): Promise<{ participant: Participant; socket: ClientSocket }> {
    const socket = await connect(server, { role: "participant" });
    const join = await must<JoinResult>(socket, "participant:join", { code, nickname });
    const participant = new Participant(join.view.me.id, nickname, join.participantToken, join.view.cards.map((c) => c.id));
    return { participant, socket };
  }

  /** Another socket for this participant (a refreshed page, a second tab, a restarted server). */
  open(server: Endpoint): Promise<ClientSocket> {
    return connect(server, { role: "participant", participantToken: this.token });
  }

  /** Sends one move (or a copy of one already sent) and records the answer. */
  async send(socket: ClientSocket, move: Move, timeoutMs = 60_000): Promise<Outcome> {
    const entry: { move: Move; outcome?: Outcome } = { move };
    this.log.push(entry);
    const ack = await emitOrLost<PlacementAck>(socket, "placement:set", move, timeoutMs);
    entry.outcome = !ack ? { kind: "lost" } : ack.ok ? { kind: "ok" } : { kind: "refused", code: ack.code };
    return entry.outcome;
  }

  /** Sends refused as STALE_PLACEMENT with no newer move for that card to explain it: the
   *  protocol refuses a move only when a newer one for the card is stored. On one socket the newer
   *  move must have been sent before (a socket's events are handled in order); across tabs it may
   *  have been sent at any time (`acrossTabs`). */
  unexplainedStale(acrossTabs = false): Move[] {
    return this.log
      .filter((e, i) => {
        if (e.outcome?.kind !== "refused" || e.outcome.code !== "STALE_PLACEMENT") return false;
        const candidates = acrossTabs ? this.log : this.log.slice(0, i);
        return !candidates.some((o) => o.move.statementId === e.move.statementId && o.move.seq > e.move.seq);
      })
      .map((e) => e.move);
  }

  /** Per card, the move with the highest seq among `moves`. */
  static latest(moves: readonly Move[]): Map<string, Move> {
    const latest = new Map<string, Move>();
    for (const m of moves) if ((latest.get(m.statementId)?.seq ?? -1) < m.seq) latest.set(m.statementId, m);
    return latest;
  }

  /** Cards whose newest move has no ok ack yet: what a real client would still resend. */
  pending(): Move[] {
    const acked = Participant.latest(this.acked);
    return [...Participant.latest(this.sent).values()].filter((m) => (acked.get(m.statementId)?.seq ?? -1) < m.seq);
  }

  /** After a fault: a fresh socket, caught up with `participant:sync`, then every pending move
   *  resent with its own seq (a safe retry) until acknowledged. Returns the socket. */
  async reconnectAndResend(server: Endpoint, retries = 60): Promise<ClientSocket> {
    const socket = await this.open(server);
    const view = await must<ParticipantView>(socket, "participant:sync");
    this.seq = Math.max(this.seq, view.lastSeq);
    for (const move of this.pending()) {
      let outcome = await this.send(socket, move);
      for (let i = 0; outcome.kind === "refused" && outcome.code === "UNAVAILABLE" && i < retries; i++) {
        await new Promise((r) => setTimeout(r, 500)); // the app's first retry delay
        outcome = await this.send(socket, move);
      }
      if (outcome.kind !== "ok") throw new Error(`${this.nickname}: resending seq ${move.seq} gave ${JSON.stringify(outcome)}`);
    }
    return socket;
  }
}

/** Emits with an ack; resolves undefined instead of an ack when the socket disconnects first or
 *  no answer comes within `timeoutMs`. */
export function emitOrLost<T>(socket: ClientSocket, event: string, payload: unknown, timeoutMs: number): Promise<Ack<T> | undefined> {
  return new Promise((resolve) => {
    if (!socket.connected) return resolve(undefined);
    const done = (ack: Ack<T> | undefined) => {
      clearTimeout(timer);
      socket.off("disconnect", onDisconnect);
      resolve(ack);
    };
    const onDisconnect = () => done(undefined);
    const timer = setTimeout(() => done(undefined), timeoutMs);
    socket.on("disconnect", onDisconnect);
    (socket.emit as unknown as (e: string, p: unknown, cb: (a: Ack<T>) => void) => void)(event, payload, (ack) => done(ack));
  });
}

/** A deterministic pseudo-random source (mulberry32), so a failing run can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

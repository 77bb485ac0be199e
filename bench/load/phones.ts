import type { JoinResult, PhaseView } from "../../lib/protocol/views";
import { Latency } from "./histogram";
import { openSocket, send, type LoadSocket } from "./protocol-client";

/** A group of simulated phones, run in the main process or in a worker process: each joins at its
 *  scheduled time, places every card on an open-loop schedule (each move has an intended send time;
 *  latency is measured from it, so a stalled server cannot hide its stall behind a waiting
 *  client), then submits. Speaks only docs/protocol.md. */

/** Attempts of one placement answered BUSY before the phone gives up on it. */
const BUSY_RETRIES = 6;

export interface PhonePlan {
  url: string;
  code: string;
  /** Phone numbers of this group (nicknames and X-Forwarded-For addresses derive from them). */
  phones: number[];
  /** Epoch ms when phone number 0 joins; phone n joins at joinStart + n × 1000 / joinRate. */
  joinStart: number;
  joinRate: number;
  /** Send each phone's X-Forwarded-For as its own address (only counts when the server has TRUST_PROXY). */
  forwardedFor: boolean;
  /** Each phone spreads its moves evenly over this many ms after sorting starts. */
  sortMs: number;
  /** Every n-th card is moved a second time after all are placed, as people do (0: never). */
  moveAgainEvery: number;
  ackTimeoutMs: number;
}

export interface PhoneOutcome {
  participantId: string;
  /** The column of each card's acknowledged move with the highest seq. */
  acked: Record<string, string | null>;
  /** That move's seq, per card. */
  ackedSeq: Record<string, number>;
  /** Every seq sent per card, acknowledged or not (a timed-out move may still be stored). */
  sent: Record<string, number[]>;
}

export interface GroupResult {
  joined: number;
  joinLatency: string;
  ackLatency: string;
  submitLatency: string;
  /** Intended send times of first placements of a card that were acknowledged (console matching). */
  firstPlacementIntents: number[];
  errors: Record<string, number>;
  phones: PhoneOutcome[];
  placementsSent: number;
}

interface Phone {
  socket: LoadSocket;
  participantId: string;
  cards: string[];
  columns: string[];
  acked: Record<string, string | null>;
  ackedSeq: Record<string, number>;
  sent: Record<string, number[]>;
}

/** The address a phone claims in X-Forwarded-For: one per phone, in 10.0.0.0/8. */
export function phoneAddress(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

const sleepUntil = (at: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

export class PhoneGroup {
  private readonly phones: Phone[] = [];
  private readonly sockets: LoadSocket[] = [];
  private readonly joinLatency = new Latency();
  private readonly ackLatency = new Latency();
  private readonly submitLatency = new Latency();
  private readonly firstPlacementIntents: number[] = [];
  private readonly errors: Record<string, number> = {};
  private placementsSent = 0;

  constructor(private readonly plan: PhonePlan) {}

  private error(event: string, code: string): void {
    const key = `${event} ${code}`;
    this.errors[key] = (this.errors[key] ?? 0) + 1;
  }

  /** Every phone of the group joins at its time; resolves when all have answered. */
  async join(): Promise<number> {
    const { plan } = this;
    await Promise.all(
      plan.phones.map(async (n) => {
        const intended = plan.joinStart + (n * 1000) / plan.joinRate;
        await sleepUntil(intended);
        let socket: LoadSocket;
        try {
          socket = await openSocket(plan.url, { role: "participant" }, plan.forwardedFor ? { "x-forwarded-for": phoneAddress(n) } : {});
        } catch (error) {
          this.error("connect", (error as { code?: string }).code ?? "CONNECT_ERROR");
          return;
        }
        this.sockets.push(socket);
        // The guest socket becomes this participant's socket once the join is acknowledged.
        const ack = await send<JoinResult>(socket, "participant:join", { code: plan.code, nickname: `Phone ${n + 1}` }, plan.ackTimeoutMs);
        this.joinLatency.record(Date.now() - intended);
        if (!ack.ok) {
          this.error("participant:join", ack.code);
          socket.close();
          return;
        }
        if (ack.data.view.session.phase === "sorting") this.markSorting(Date.now());
        socket.on("session:phase", (view: PhaseView) => view.phase === "sorting" && this.markSorting(Date.now()));
        this.phones.push({
          socket,
          participantId: ack.data.view.me.id,
          cards: ack.data.view.cards.map((c) => c.id),
          columns: ack.data.view.session.columns.map((c) => c.id),
          acked: {},
          ackedSeq: {},
          sent: {},
        });
      }),
    );
    return this.phones.length;
  }

  /** Resolves when any phone of the group has been told that sorting started (or had joined
   *  while sorting), with the time it was told. */
  sortingStarted(): Promise<number> {
    return this.sorting;
  }

  private markSorting: (at: number) => void = () => undefined;
  private readonly sorting = new Promise<number>((resolve) => (this.markSorting = resolve));

  /** Places every card of every phone on the open-loop schedule from `sortStart`, then submits. */
  async sort(sortStart: number): Promise<void> {
    await Promise.all(this.phones.map((phone, i) => this.sortOne(phone, i, sortStart)));
  }

  private async sortOne(phone: Phone, index: number, sortStart: number): Promise<void> {
    const { plan } = this;
    // Every card once, then (as people revise once everything is placed) every n-th card again.
    const column = (k: number) => phone.columns[(index + k) % phone.columns.length]!;
    const moves = [
      ...phone.cards.map((card, k) => ({ card, column: column(k), first: true })),
      ...phone.cards.flatMap((card, k) => (plan.moveAgainEvery > 0 && k % plan.moveAgainEvery === 0 ? [{ card, column: column(k + 1), first: false }] : [])),
    ];
    const interval = plan.sortMs / moves.length;
    const offset = Math.random() * interval;
    const acks: Promise<void>[] = [];
    for (const [slot, move] of moves.entries()) {
      const intended = sortStart + offset + slot * interval;
      await sleepUntil(intended);
      this.placementsSent += 1;
      const seq = slot + 1;
      (phone.sent[move.card] ??= []).push(seq);
      // Open loop: the next move is not held back by this one's ack.
      acks.push(
        this.sendPlacement(phone.socket, { statementId: move.card, column: move.column, seq }, plan.ackTimeoutMs).then((ack) => {
          this.ackLatency.record(Date.now() - intended);
          if (!ack.ok) return this.error("placement:set", ack.code);
          // Acks of one card may arrive out of order (retries): the higher seq is the one stored.
          if (!(seq <= (phone.ackedSeq[move.card] ?? 0))) {
            phone.acked[move.card] = move.column;
            phone.ackedSeq[move.card] = seq;
          }
          if (move.first) this.firstPlacementIntents.push(intended);
        }),
      );
    }
    await Promise.all(acks);
    const started = Date.now();
    const ack = await send(phone.socket, "participant:submit", {}, plan.ackTimeoutMs);
    this.submitLatency.record(Date.now() - started);
    if (!ack.ok) this.error("participant:submit", ack.code);
  }

  /** As the phone app does (lib/client/participant-controller.ts), a placement answered BUSY
   *  (the room's write queue is full: backpressure) is sent again after a short, growing pause.
   *  Each BUSY is counted as an error; the ack latency still runs from the intended time. */
  private async sendPlacement(socket: LoadSocket, payload: { statementId: string; column: string | null; seq: number }, timeoutMs: number) {
    for (let attempt = 1; ; attempt++) {
      const ack = await send(socket, "placement:set", payload, timeoutMs);
      if (ack.ok || ack.code !== "BUSY" || attempt === BUSY_RETRIES) return ack;
      this.error("placement:set", "BUSY");
      await new Promise((resolve) => setTimeout(resolve, attempt * 200 + Math.random() * 200));
    }
  }

  result(): GroupResult {
    return {
      joined: this.phones.length,
      joinLatency: this.joinLatency.encode(),
      ackLatency: this.ackLatency.encode(),
      submitLatency: this.submitLatency.encode(),
      firstPlacementIntents: this.firstPlacementIntents,
      errors: this.errors,
      phones: this.phones.map((p) => ({ participantId: p.participantId, acked: p.acked, ackedSeq: p.ackedSeq, sent: p.sent })),
      placementsSent: this.placementsSent,
    };
  }

  close(): void {
    for (const s of this.sockets) s.close();
  }
}

import { describe, expect, it } from "vitest";
import type { PlacementRow } from "@/lib/room";
import { RoomWriter } from "@/server/rooms/room-writer";
import { MemoryRoomStore } from "../support/memory-room-store";
import { member, ROOM_ID, storedRoom, T0 } from "../unit/room/support";
import { silentLog } from "./support";

/** The room's write queue against an in-memory store that can hold a batch open: batching, order
 *  between placements and submits, batches in flight (per person in order, others overlapping,
 *  at most maxInFlight), acks only after commit, and backpressure. */

const PEOPLE = ["ana", "bo", "cy", "di", "ed", "fa", "gu", "hu", "io", "jo"];

async function setUp(opts: { maxBatch?: number; maxQueued?: number; maxInFlight?: number } = {}) {
  const store = new MemoryRoomStore();
  store.add(storedRoom("sorting"));
  for (const id of PEOPLE) await store.insertParticipant(ROOM_ID, member(id), `hash-${id}`);
  // A long batch delay: batches start only when full or when a test flushes.
  const writer = new RoomWriter(store, ROOM_ID, silentLog, opts.maxBatch ?? 500, 60_000, opts.maxQueued, opts.maxInFlight);
  return { store, writer };
}

const row = (participantId: string, statementKey: string, column: string | null, seq: number): PlacementRow => ({
  roomId: ROOM_ID,
  participantId,
  round: 1,
  statementKey,
  column,
  confidence: null,
  seq,
  placedAt: T0,
});

/** Whether `p` has settled after the microtasks queued so far ran. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setImmediate(r));
  return done;
}

describe("RoomWriter", () => {
  it("writes placements queued together in one round trip, and acks each", async () => {
    const { store, writer } = await setUp();
    const acks = PEOPLE.map((p, i) => writer.place(row(p, "s1", "leader", i + 1)));
    writer.flushSoon();
    expect(await Promise.all(acks)).toEqual(PEOPLE.map(() => "applied"));
    expect(store.calls.writePlacements).toBe(1);
  });

  it("in one batch the newest move of a card wins; an identical resend is a duplicate, an older move stale", async () => {
    const { store, writer } = await setUp();
    const older = writer.place(row("ana", "s1", "leader", 1));
    const newer = writer.place(row("ana", "s1", "manager", 2));
    const resend = writer.place(row("ana", "s1", "manager", 2));
    writer.flushSoon();
    expect(await Promise.all([older, newer, resend])).toEqual(["stale", "applied", "duplicate"]);
    expect(store.rooms.get(ROOM_ID)!.placements.get("ana|1|s1")).toMatchObject({ column: "manager", seq: 2 });
  });

  it("acks nothing before its batch commits; a person's later writes wait for their batch in flight, other people's overlap it", async () => {
    const { store, writer } = await setUp({ maxBatch: 2 });
    const held = store.hold("writePlacements");
    const first = [writer.place(row("ana", "s1", "leader", 1)), writer.place(row("bo", "s1", "leader", 1))];
    await held.reached;
    const anaAgain = writer.place(row("ana", "s1", "manager", 2));
    const cy = writer.place(row("cy", "s1", "leader", 1));
    expect(await cy).toBe("applied"); // a second batch, of someone else, while the first is held
    expect(await settled(first[0]!)).toBe(false);
    expect(await settled(anaAgain)).toBe(false); // her next move waits for her first to be stored
    expect(store.calls.writePlacements).toBe(2);
    held.release();
    expect(await Promise.all([...first, anaAgain])).toEqual(["applied", "applied", "applied"]);
    expect(store.rooms.get(ROOM_ID)!.placements.get("ana|1|s1")).toMatchObject({ column: "manager", seq: 2 });
    expect(store.calls.writePlacements).toBe(3);
  });

  it("has at most maxInFlight batches in flight; the next starts when one commits", async () => {
    const { store, writer } = await setUp({ maxBatch: 1, maxInFlight: 2 });
    const gates = [store.hold("writePlacements"), store.hold("writePlacements")];
    const a = writer.place(row("ana", "s1", "leader", 1));
    const b = writer.place(row("bo", "s1", "leader", 1));
    await Promise.all(gates.map((g) => g.reached));
    const c = writer.place(row("cy", "s1", "leader", 1));
    expect(await settled(c)).toBe(false);
    expect(store.calls.writePlacements).toBe(2); // cy's batch waits for a free slot
    gates[1]!.release();
    expect(await b).toBe("applied");
    expect(await c).toBe("applied");
    expect(await settled(a)).toBe(false);
    gates[0]!.release();
    expect(await a).toBe("applied");
  });

  it("a submit waits for its participant's placements in flight, and their later placements wait for it", async () => {
    const { store, writer } = await setUp();
    const held = store.hold("writePlacements");
    const before = writer.place(row("ana", "s1", "leader", 1));
    writer.flushSoon();
    await held.reached;
    const submit = writer.submit({ participantId: "ana", round: 1, submittedAt: T0 });
    const after = writer.place(row("ana", "s2", "leader", 2));
    writer.flushSoon();
    expect(await settled(submit)).toBe(false);
    expect(store.calls.insertSubmissions ?? 0).toBe(0);
    held.release();
    expect(await before).toBe("applied");
    expect(await submit).toBe(true);
    expect(await after).toBe("rejected"); // after the submit, so the store refuses it
    expect(store.rooms.get(ROOM_ID)!.placements.has("ana|1|s2")).toBe(false);
  });

  it("stores a submit after the placements sent before it and before those sent after it", async () => {
    const { store, writer } = await setUp();
    const before = writer.place(row("ana", "s1", "leader", 1));
    const submit = writer.submit({ participantId: "ana", round: 1, submittedAt: T0 });
    const after = writer.place(row("ana", "s2", "leader", 2));
    writer.flushSoon();
    expect(await before).toBe("applied");
    expect(await submit).toBe(true);
    expect(await after).toBe("rejected"); // the store refuses placements after submit
    expect(store.calls).toMatchObject({ writePlacements: 2, insertSubmissions: 1 });
  });

  it("mixes placements and submits of different people in one batch: one round trip each, not one per item", async () => {
    const { store, writer } = await setUp();
    const writes = ["ana", "bo", "cy", "di", "ed", "fa"].map((p, i) =>
      i % 2 === 0 ? writer.place(row(p, "s1", "leader", 1)) : writer.submit({ participantId: p, round: 1, submittedAt: T0 }),
    );
    writer.flushSoon();
    expect(await Promise.all(writes)).toEqual(["applied", true, "applied", true, "applied", true]);
    expect(store.calls).toMatchObject({ writePlacements: 1, insertSubmissions: 1 });
  });

  it("refuses placements with BUSY once the queue is full, never a submit, and takes placements again once it drains", async () => {
    // One batch in flight, so the queue behind the held one fills up.
    const { store, writer } = await setUp({ maxBatch: 2, maxQueued: 4, maxInFlight: 1 });
    const held = store.hold("writePlacements");
    const inFlight = [writer.place(row("ana", "s1", "leader", 1)), writer.place(row("bo", "s1", "leader", 1))];
    await held.reached;
    const queued = ["cy", "di", "ed", "fa"].map((p) => writer.place(row(p, "s1", "leader", 1)));
    await expect(writer.place(row("gu", "s1", "leader", 1))).rejects.toMatchObject({ code: "BUSY" });
    const submit = writer.submit({ participantId: "hu", round: 1, submittedAt: T0 });

    held.release();
    expect(await Promise.all([...inFlight, ...queued])).toEqual(Array(6).fill("applied"));
    expect(await submit).toBe(true);
    expect(store.rooms.get(ROOM_ID)!.placements.has("gu|1|s1")).toBe(false); // refused means not stored
    const retried = writer.place(row("gu", "s1", "leader", 1));
    writer.flushSoon();
    expect(await retried).toBe("applied");
  });

  it("a failed batch rejects every placement in it and the queue goes on", async () => {
    const { store, writer } = await setUp();
    const original = store.writePlacements.bind(store);
    let fail = true;
    store.writePlacements = (rows) => (fail ? Promise.reject(new Error("connection reset")) : original(rows));
    const lost = [writer.place(row("ana", "s1", "leader", 1)), writer.place(row("bo", "s1", "leader", 1))];
    writer.flushSoon();
    for (const p of lost) await expect(p).rejects.toThrow("connection reset");
    fail = false;
    const next = writer.place(row("ana", "s1", "leader", 2));
    writer.flushSoon();
    expect(await next).toBe("applied");
  });

  it("drain resolves once everything queued is stored", async () => {
    const { store, writer } = await setUp({ maxBatch: 3 });
    const all = PEOPLE.map((p) => writer.place(row(p, "s2", "manager", 1)));
    await writer.drain();
    expect(await Promise.all(all)).toEqual(PEOPLE.map(() => "applied"));
    expect(store.rooms.get(ROOM_ID)!.placements.size).toBe(PEOPLE.length);
  });
});

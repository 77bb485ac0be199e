import { describe, expect, it } from "vitest";
import { consoleView, progressOf, tallyOf, type StoredRoom } from "@/lib/room";
import { LiveRoom } from "@/server/rooms/live-room";
import { MemoryRoomStore } from "../support/memory-room-store";
import { leaderDeck } from "../unit/domain/fixtures";
import { ROOM_ID, storedRoom } from "../unit/room/support";
import { silentLog } from "./support";

/** The live room against an in-memory store: no network, no database. The store can hold any
 *  write open, so the races between the fast path and the exclusive commands are deterministic. */

const ROOM = ROOM_ID;
const NOW = 1_700_000_000_000;
const clock = { now: () => NOW };

async function roomIn(phase: StoredRoom["phase"], store = new MemoryRoomStore()) {
  store.add(storedRoom(phase));
  const room = (await LiveRoom.load(ROOM, store, clock, silentLog))!;
  return { room, store };
}

/** Records the order in which promises settle. */
function settleOrder() {
  const order: string[] = [];
  const track = <T>(name: string, p: Promise<T>) => {
    p.then(
      () => order.push(name),
      () => order.push(`${name}!`),
    );
    return p;
  };
  return { order, track };
}

const join = (room: LiveRoom, nickname: string) => room.join({ code: "ABC234", nickname });
const place = (room: LiveRoom, id: string, statementId: string, column: string | null, seq: number) => room.place(id, { statementId, column, seq });

describe("LiveRoom: races with a write held open", () => {
  it("a lock waits for a join whose insert is open: the join lands first, a later join is refused", async () => {
    const { room, store } = await roomIn("lobby");
    const { order, track } = settleOrder();
    const insert = store.hold("insertParticipant");
    const joining = track("join", join(room, "Ann"));
    await insert.reached;
    const locking = track("lock", room.setLocked(true));
    const late = track("late join", join(room, "Bea"));
    insert.release();
    await Promise.allSettled([joining, locking, late]);
    expect(order).toEqual(["join", "lock", "late join!"]);
    await expect(late).rejects.toMatchObject({ code: "SESSION_LOCKED" });
    expect([...room.view.members.values()].map((m) => m.nickname)).toEqual(["Ann"]);
    expect(room.view.locked).toBe(true);
  });

  it("an end waits for a join whose insert is open; nobody is added to a closed room", async () => {
    const { room, store } = await roomIn("sorting");
    const { order, track } = settleOrder();
    const insert = store.hold("insertParticipant");
    const joining = track("join", join(room, "Ann"));
    await insert.reached;
    const ending = track("end", room.changePhase("end"));
    insert.release();
    await Promise.allSettled([joining, ending]);
    expect(order).toEqual(["join", "end"]);
    expect(room.view.phase).toBe("closed");
    await expect(join(room, "Cid")).rejects.toMatchObject({ code: "SESSION_CLOSED" });
  });

  it("a join the store refuses (another node locked the room) is not added", async () => {
    const { room, store } = await roomIn("lobby");
    store.rooms.get(ROOM)!.room.locked = true;
    await expect(join(room, "Ann")).rejects.toMatchObject({ code: "WRONG_PHASE" });
    expect(room.view.members.size).toBe(0);
  });

  it("a placement sent while a kick is being stored is refused and never counted", async () => {
    const { room, store } = await roomIn("sorting");
    const { member } = await join(room, "Ann");
    await place(room, member.id, "vision", "leader", 1);
    const removal = store.hold("removeParticipant");
    const kicking = room.remove(member.id, false);
    await removal.reached;
    const late = place(room, member.id, "budget", "manager", 2);
    removal.release();
    await kicking;
    await expect(late).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(room.view.tally).toEqual(tallyOf(room.view));
    expect(room.view.tally.counts.vision!.leader).toBe(0);
    expect(room.view.tally.counts.budget!.manager).toBe(0);
  });

  it("a kick waits for a placement batch in flight, then takes its card out of the split", async () => {
    const { room, store } = await roomIn("sorting");
    const { member } = await join(room, "Ann");
    const batch = store.hold("writePlacements");
    const placing = place(room, member.id, "vision", "leader", 1);
    await batch.reached;
    const { order, track } = settleOrder();
    track("place", placing);
    const kicking = track("kick", room.remove(member.id, false));
    batch.release();
    await Promise.all([placing, kicking]);
    expect(order).toEqual(["place", "kick"]);
    expect(room.view.tally).toEqual(tallyOf(room.view));
    expect(room.view.tally.counts.vision!.leader).toBe(0);
  });

  it("a join during the next round's reload is kept", async () => {
    const { room, store } = await roomIn("sorting");
    const { member } = await join(room, "Ann");
    await place(room, member.id, "vision", "leader", 1);
    await room.changePhase("reveal");
    const reload = store.hold("loadRound");
    const next = room.changePhase("startNextRound");
    await reload.reached;
    const late = join(room, "Bea");
    reload.release();
    await next;
    const { member: bea } = await late;
    expect(room.view.round).toBe(2);
    expect(room.view.members.get(bea.id)?.nickname).toBe("Bea");
    expect(progressOf(room.view).joined).toBe(2);
    expect(room.view.members.get(member.id)!.placements.size).toBe(0);
  });
});

describe("LiveRoom: the fast path", () => {
  it("writes many placements in few round trips, acks each after its batch, and keeps the tally", async () => {
    const { room, store } = await roomIn("sorting");
    const members = await Promise.all(["A", "B", "C", "D", "E"].map((n) => join(room, n).then((j) => j.member)));
    const acks = await Promise.all(members.flatMap((m) => leaderDeck.statements.map((s, i) => place(room, m.id, s.id, i % 2 ? "leader" : "manager", i + 1))));
    expect(acks).toHaveLength(20);
    expect(store.calls.writePlacements).toBe(1);
    expect(room.view.tally).toEqual(tallyOf(room.view));
    expect(progressOf(room.view).placed).toBe(20);
  });

  it("a retried send is acknowledged without counting twice; an older move is stale", async () => {
    const { room } = await roomIn("sorting");
    const { member } = await join(room, "Ann");
    await place(room, member.id, "vision", "leader", 2);
    await expect(place(room, member.id, "vision", "leader", 2)).resolves.toMatchObject({ seq: 2 });
    await expect(place(room, member.id, "vision", "manager", 1)).rejects.toMatchObject({ code: "STALE_PLACEMENT" });
    expect(room.view.tally.counts.vision).toMatchObject({ leader: 1, manager: 0 });
  });

  it("a submit is stored after the placements sent before it; one sent after it is refused", async () => {
    const { room, store } = await roomIn("sorting");
    const { member } = await join(room, "Ann");
    const before = place(room, member.id, "vision", "leader", 1);
    const submitting = room.submit(member.id);
    const after = place(room, member.id, "budget", "manager", 2);
    await expect(before).resolves.toMatchObject({ seq: 1 });
    await expect(submitting).resolves.toEqual({ submittedAt: NOW });
    await expect(after).rejects.toMatchObject({ code: "ALREADY_SUBMITTED" });
    expect([...store.rooms.get(ROOM)!.placements.values()].map((p) => p.statementKey)).toEqual(["vision"]);
    await expect(room.submit(member.id)).rejects.toMatchObject({ code: "ALREADY_SUBMITTED" });
  });

  it("counts connections through the room", async () => {
    const { room } = await roomIn("lobby");
    const { member } = await join(room, "Ann");
    room.connect(member.id);
    room.connect(member.id);
    room.disconnect(member.id);
    await room.setShowLiveSplits(false); // runs after the three above
    expect(room.view.members.get(member.id)!.connections).toBe(1);
    expect(room.takeChanges().roster.has(member.id)).toBe(true);
    expect(room.takeChanges().roster.size).toBe(0);
  });
});

describe("LiveRoom: across a reload from the store", () => {
  it("a room loaded afresh shows what the first one had acknowledged, and the reveal's scores", async () => {
    const store = new MemoryRoomStore();
    const { room } = await roomIn("lobby", store);
    const ann = (await join(room, "Ann")).member;
    const bob = (await join(room, "Bob")).member;
    await room.changePhase("startSorting", 60);
    await place(room, ann.id, "vision", "leader", 1);
    await place(room, bob.id, "vision", "manager", 1);
    await room.submit(ann.id);
    await room.remove(bob.id, true);
    await room.changePhase("reveal");
    const again = (await LiveRoom.load(ROOM, store, clock, silentLog))!;
    expect(consoleView(again.view, NOW)).toEqual(consoleView(room.view, NOW));
    expect(again.view.members.get(ann.id)).toMatchObject({ submitted: true, closedAtReveal: false, score: { correct: 1, total: 4 }, lastSeq: 1 });
    expect(consoleView(again.view, NOW).reveal?.queue).toHaveLength(4);
  });
});

import { describe, expect, it } from "vitest";
import type { RosterKicked, RosterPage } from "@/lib/protocol/views";
import { Broadcaster } from "@/server/rooms/broadcaster";
import { channels, type IoServer } from "@/server/rooms/channels";
import { PLACING_RECOUNT_MS } from "@/server/rooms/console-rosters";
import { LiveRoom } from "@/server/rooms/live-room";
import { MemoryRoomStore } from "../support/memory-room-store";
import { ROOM_ID, storedRoom } from "../unit/room/support";
import { silentLog } from "./support";

/** What the console is sent of the roster (issue 11): the page of its window, only when that
 *  page changed, at most once per flush. A real LiveRoom on an in-memory store; the broadcaster
 *  emits into a fake io that records every emit. No network, no database, no timer (each test
 *  flushes by hand and moves the clock itself). */

const T0 = 1_700_000_000_000;

interface Emit {
  to: string | string[];
  event: string;
  payload: unknown;
}

/** A room of `people` participants (P0, P1, …) while sorting, and a broadcaster on a fake io. */
async function sortingRoom(people: number) {
  let now = T0;
  const clock = { now: () => now };
  const store = new MemoryRoomStore();
  store.add(storedRoom("lobby"));
  const room = (await LiveRoom.load(ROOM_ID, store, clock, silentLog))!;
  const ids: string[] = [];
  for (let i = 0; i < people; i++) ids.push((await room.join({ code: "ABC234", nickname: `P${i}` })).member.id);
  await room.changePhase("startSorting", null);

  const emits: Emit[] = [];
  const io = { to: (to: string | string[]) => ({ emit: (event: string, payload: unknown) => emits.push({ to, event, payload }) }) } as unknown as IoServer;
  const broadcaster = new Broadcaster(io, async () => [room], 100, clock.now);
  // The joins' and the start's broadcast, before any console is there.
  broadcaster.flush(room);
  emits.length = 0;
  let seq = 0;
  return {
    room,
    ids,
    broadcaster,
    /** Roster emits since the last call. */
    roster: () => emits.splice(0).filter((e) => e.event.startsWith("roster:")),
    place: (i: number, statementId = "vision", column: string | null = "leader") => room.place(ids[i]!, { statementId, column, seq: ++seq }),
    advance: (ms: number) => void (now += ms),
    /** A console connects and syncs: its page for its window (the default one). */
    openConsole: (socketId: string) => {
      broadcaster.consoleOpened(ROOM_ID, socketId);
      return broadcaster.rosterPage(room, socketId);
    },
  };
}

const pageOf = (e: Emit) => e.payload as RosterPage;

describe("roster pages to the console", () => {
  it("300 participants, window 0–50: a placement by #200 sends no roster message; one by #10 sends one page in the next flush", async () => {
    const s = await sortingRoom(300);
    const synced = s.openConsole("console-1");
    expect(synced.rows.map((r) => r.nickname)).toEqual(Array.from({ length: 50 }, (_, i) => `P${i}`));
    expect(synced).toMatchObject({ offset: 0, limit: 50, search: "", total: 300, counts: { joined: 300, online: 0, submitted: 0, placing: 0 } });
    s.broadcaster.flush(s.room);
    expect(s.roster(), "no change, no page").toEqual([]);

    await s.place(200);
    s.broadcaster.flush(s.room);
    expect(s.roster()).toEqual([]);

    await s.place(10);
    await s.place(10, "budget", "manager");
    s.broadcaster.flush(s.room);
    const sent = s.roster();
    expect(sent.map((e) => [e.to, e.event])).toEqual([["console-1", "roster:page"]]);
    const page = pageOf(sent[0]!);
    expect(page.rows[10]).toMatchObject({ nickname: "P10", placed: 2 });
    expect(page.rows.filter((r) => r.placed > 0).map((r) => r.nickname)).toEqual(["P10"]);
    expect(page.total).toBe(300);

    s.broadcaster.flush(s.room);
    expect(s.roster(), "nothing new, nothing sent").toEqual([]);
  });

  it("placing, moved by placements alone, is recounted at most once per PLACING_RECOUNT_MS, then sent once", async () => {
    const s = await sortingRoom(60);
    s.openConsole("console-1");
    await s.place(55); // outside the window: only the count moves
    s.broadcaster.flush(s.room);
    expect(s.roster()).toEqual([]);

    s.advance(PLACING_RECOUNT_MS - 1);
    s.broadcaster.flush(s.room);
    expect(s.roster(), "not yet").toEqual([]);

    s.advance(1);
    s.broadcaster.flush(s.room);
    const sent = s.roster();
    expect(sent).toHaveLength(1);
    expect(pageOf(sent[0]!).counts).toEqual({ joined: 60, online: 0, submitted: 0, placing: 1 });

    s.advance(PLACING_RECOUNT_MS);
    s.broadcaster.flush(s.room);
    expect(s.roster(), "recounted only after a placement").toEqual([]);
  });

  it("a submit, a connect or a join recounts at once and sends every console its page", async () => {
    const s = await sortingRoom(60);
    s.openConsole("first-page");
    s.broadcaster.consoleOpened(ROOM_ID, "second-page");
    s.broadcaster.rosterPage(s.room, "second-page", { offset: 50, limit: 50 });

    await s.place(55);
    await s.room.submit(s.ids[55]!);
    s.broadcaster.flush(s.room);
    const sent = s.roster();
    expect(sent.map((e) => e.to).toSorted()).toEqual(["first-page", "second-page"]);
    for (const e of sent) expect(pageOf(e).counts).toEqual({ joined: 60, online: 0, submitted: 1, placing: 0 });
    expect(pageOf(sent.find((e) => e.to === "second-page")!).rows[5]).toMatchObject({ nickname: "P55", placed: 1, submitted: true });

    await s.room.join({ code: "ABC234", nickname: "Late" });
    s.broadcaster.flush(s.room);
    const afterJoin = s.roster();
    expect(afterJoin).toHaveLength(2);
    expect(afterJoin.map((e) => pageOf(e).total)).toEqual([61, 61]);
    expect(pageOf(afterJoin.find((e) => e.to === "second-page")!).rows.at(-1)?.nickname).toBe("Late");
  });

  it("sends each console only what its own window shows", async () => {
    const s = await sortingRoom(120);
    s.openConsole("first-page");
    s.broadcaster.consoleOpened(ROOM_ID, "searching");
    const found = s.broadcaster.rosterPage(s.room, "searching", { offset: 0, limit: 10, search: "p11" });
    expect(found.rows.map((r) => r.nickname)).toEqual(["P11", "P110", "P111", "P112", "P113", "P114", "P115", "P116", "P117", "P118"]);
    expect(found.total).toBe(11);

    await s.place(111);
    s.broadcaster.flush(s.room);
    expect(s.roster().map((e) => e.to)).toEqual(["searching"]);

    await s.place(3);
    s.broadcaster.flush(s.room);
    expect(s.roster().map((e) => e.to)).toEqual(["first-page"]);
  });

  it("a kick sends the whole removed list to the staff channel, and the pages without them", async () => {
    const s = await sortingRoom(3);
    s.openConsole("console-1");
    await s.room.remove(s.ids[1]!, false);
    s.broadcaster.flush(s.room);
    const sent = s.roster();
    expect(sent.map((e) => [e.to, e.event]).toSorted()).toEqual([
      ["console-1", "roster:page"],
      [channels.staff(ROOM_ID), "roster:kicked"],
    ]);
    expect((sent.find((e) => e.event === "roster:kicked")!.payload as RosterKicked).kicked).toEqual([{ id: s.ids[1], nickname: "P1", cohort: null, banned: false }]);
    expect(pageOf(sent.find((e) => e.event === "roster:page")!).rows.map((r) => r.nickname)).toEqual(["P0", "P2"]);

    await s.room.remove(s.ids[2]!, true);
    s.broadcaster.flush(s.room);
    const kicked = s.roster().find((e) => e.event === "roster:kicked")!.payload as RosterKicked;
    expect(kicked.kicked.map((k) => [k.nickname, k.banned])).toEqual([
      ["P1", false],
      ["P2", true],
    ]);
  });

  it("a console that left is sent nothing; one that never synced gets its page at the first change", async () => {
    const s = await sortingRoom(5);
    s.openConsole("gone");
    s.broadcaster.consoleClosed(ROOM_ID, "gone");
    s.broadcaster.consoleOpened(ROOM_ID, "fresh");
    await s.place(0);
    s.broadcaster.flush(s.room);
    const sent = s.roster();
    expect(sent.map((e) => e.to)).toEqual(["fresh"]);
    expect(pageOf(sent[0]!).rows[0]).toMatchObject({ nickname: "P0", placed: 1 });
  });
});

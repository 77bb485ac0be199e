import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nicknameKey } from "@/lib/domain/nickname";
import type { RosterWindow } from "@/lib/protocol/views";
import { refreshedRows, roomStateFrom, rosterCounts, rosterPage, samePage, type RoomState, type StoredMember, type StoredRound } from "@/lib/room";
import { emptyRound, member, storedRoom } from "./support";

/** The console's page of the roster (issue 11): the window's rows and the room's counts. */

/** A sorting room from compact rows: nickname, and what is true of them. */
function room(people: [nickname: string, over?: Partial<StoredMember> & { placed?: number; submitted?: boolean; online?: boolean }][]): RoomState {
  const cards = ["vision", "budget", "inspire", "schedule"];
  const round: StoredRound = { ...emptyRound(), members: [], placements: [], submissions: [] };
  for (const [i, [nickname, over = {}]] of people.entries()) {
    const { placed = 0, submitted = false, online: _online, ...stored } = over;
    const id = `p${i}`;
    round.members.push(member(id, { nickname, nicknameKey: nicknameKey(nickname), ...stored }));
    for (const card of cards.slice(0, placed)) round.placements.push({ participantId: id, statementKey: card, column: "leader", confidence: null, seq: 1 });
    if (submitted) round.submissions.push({ participantId: id, byParticipant: true, score: null, total: null });
  }
  const online = new Set(people.flatMap(([, over], i) => (over?.online ? [`p${i}`] : [])));
  return roomStateFrom(storedRoom("sorting"), round, (id) => (online.has(id) ? 1 : 0));
}

const seven = room([
  ["Ann"],
  ["Bob", { kicked: true }],
  ["Cid"],
  ["Dana", { kicked: true, banned: true }],
  ["Eve"],
  ["Anneke"],
  ["ＡＮＮＡ"], // full-width: its key is "anna"
]);

describe("rosterPage: the window's rows", () => {
  const cases: { name: string; window: RosterWindow; rows: string[]; total: number }[] = [
    { name: "the first page holds the active participants in joining order", window: { offset: 0, limit: 50 }, rows: ["Ann", "Cid", "Eve", "Anneke", "ＡＮＮＡ"], total: 5 },
    { name: "a limit cuts the page", window: { offset: 0, limit: 2 }, rows: ["Ann", "Cid"], total: 5 },
    { name: "an offset counts active participants only (the removed are skipped)", window: { offset: 2, limit: 2 }, rows: ["Eve", "Anneke"], total: 5 },
    { name: "the last page may be short", window: { offset: 4, limit: 2 }, rows: ["ＡＮＮＡ"], total: 5 },
    { name: "past the end: no rows, the total still counted", window: { offset: 10, limit: 5 }, rows: [], total: 5 },
    { name: "a search matches a part of the nickname, ignoring case", window: { offset: 0, limit: 50, search: "ann" }, rows: ["Ann", "Anneke", "ＡＮＮＡ"], total: 3 },
    { name: "a search ignores width and case as nicknames do", window: { offset: 0, limit: 50, search: "ＮＮ" }, rows: ["Ann", "Anneke", "ＡＮＮＡ"], total: 3 },
    { name: "a search is trimmed", window: { offset: 0, limit: 50, search: "  eve " }, rows: ["Eve"], total: 1 },
    { name: "a search pages like the whole roster", window: { offset: 1, limit: 1, search: "ANN" }, rows: ["Anneke"], total: 3 },
    { name: "a removed participant is never found", window: { offset: 0, limit: 50, search: "bob" }, rows: [], total: 0 },
    { name: "a search nobody matches", window: { offset: 0, limit: 50, search: "zed" }, rows: [], total: 0 },
    { name: "a blank search is no search", window: { offset: 0, limit: 3, search: "   " }, rows: ["Ann", "Cid", "Eve"], total: 5 },
  ];
  it.each(cases)("$name", ({ window, rows, total }) => {
    const page = rosterPage(seven, window);
    expect(page.rows.map((r) => r.nickname)).toEqual(rows);
    expect(page.total).toBe(total);
    expect({ offset: page.offset, limit: page.limit, search: page.search }).toEqual({ offset: window.offset, limit: window.limit, search: window.search ?? "" });
  });

  it("gives each row the participant's cards placed, ✓ and online dot", () => {
    const state = room([["Ann", { placed: 2, online: true }], ["Bo", { placed: 4, submitted: true }]]);
    expect(rosterPage(state, { offset: 0, limit: 50 }).rows).toEqual([
      { id: "p0", nickname: "Ann", cohort: null, placed: 2, submitted: false, connected: true },
      { id: "p1", nickname: "Bo", cohort: null, placed: 4, submitted: true, connected: false },
    ]);
  });
});

describe("rosterPage: the room's counts", () => {
  const cases: { name: string; people: Parameters<typeof room>[0]; counts: ReturnType<typeof rosterCounts> }[] = [
    { name: "nobody", people: [], counts: { joined: 0, online: 0, submitted: 0, placing: 0 } },
    {
      name: "joined, online, submitted and placing (a card placed, not submitted)",
      people: [["A", { online: true, placed: 1 }], ["B", { placed: 4, submitted: true, online: true }], ["C"], ["D", { placed: 3 }]],
      counts: { joined: 4, online: 2, submitted: 1, placing: 2 },
    },
    {
      name: "the removed count nowhere",
      people: [["A", { kicked: true, online: true, placed: 1 }], ["B", { kicked: true, banned: true, submitted: true }], ["C", { online: true }]],
      counts: { joined: 1, online: 1, submitted: 0, placing: 0 },
    },
  ];
  it.each(cases)("$name", ({ people, counts }) => {
    const state = room(people);
    expect(rosterCounts(state)).toEqual(counts);
    // The same whatever the window: they are the room's, not the page's.
    expect(rosterPage(state, { offset: 1, limit: 1, search: "zzz" }).counts).toEqual(counts);
  });

  it("does not count a card taken back as placed", () => {
    const state = room([["A", { placed: 1 }]]);
    state.members.get("p0")!.placements.set("vision", { column: null, confidence: null, seq: 2 });
    expect(rosterCounts(state).placing).toBe(0);
  });
});

describe("page comparison and refreshed rows", () => {
  it("tells pages apart by window, total, counts and any field of a row", () => {
    const state = room([["Ann", { placed: 1 }], ["Bo"]]);
    const page = rosterPage(state, { offset: 0, limit: 50 });
    expect(samePage(page, rosterPage(state, { offset: 0, limit: 50 }))).toBe(true);
    expect(samePage(page, rosterPage(state, { offset: 0, limit: 50, search: "a" }))).toBe(false);
    expect(samePage(page, { ...page, total: 3 })).toBe(false);
    expect(samePage(page, { ...page, counts: { ...page.counts, online: 1 } })).toBe(false);
    expect(samePage(page, { ...page, rows: [{ ...page.rows[0]!, placed: 2 }, page.rows[1]!] })).toBe(false);
    expect(samePage(page, { ...page, rows: [page.rows[0]!] })).toBe(false);
  });

  it("refreshes a page's rows from the state, or answers null when one of them was removed", () => {
    const state = room([["Ann"], ["Bo"]]);
    const { rows } = rosterPage(state, { offset: 0, limit: 50 });
    state.members.get("p1")!.placements.set("vision", { column: "leader", confidence: null, seq: 1 });
    expect(refreshedRows(state, rows)?.map((r) => r.placed)).toEqual([0, 1]);
    state.members.get("p0")!.kicked = true;
    expect(refreshedRows(state, rows)).toBeNull();
  });
});

describe("rosterPage: properties", () => {
  const person = fc.record({
    nickname: fc.constantFrom("Ann", "anna", "Bob", "BOBBY", "Cid", "Ｃｉｄ２", "Eve", "Zoë", "zoe"),
    kicked: fc.boolean(),
    placed: fc.integer({ min: 0, max: 4 }),
    submitted: fc.boolean(),
    online: fc.boolean(),
  });
  const people = fc.array(person, { maxLength: 40 }).map((list) => list.map(({ nickname, ...over }, i) => [`${nickname}${i}`, over] as Parameters<typeof room>[0][number]));
  const search = fc.option(fc.constantFrom("a", "AN", "bob", "ｃｉｄ", "zo", " e ", ""), { nil: undefined });

  it("pages partition the matching participants: every one on exactly one page, in joining order, and total counts them", () => {
    fc.assert(
      fc.property(people, search, fc.integer({ min: 1, max: 7 }), (list, s, limit) => {
        const state = room(list);
        const key = nicknameKey((s ?? "").trim());
        const matching = [...state.members.values()].filter((m) => !m.kicked && m.nicknameKey.includes(key)).map((m) => m.id);
        const first = rosterPage(state, { offset: 0, limit, search: s });
        expect(first.total).toBe(matching.length);
        const seen: string[] = [];
        for (let offset = 0; offset < first.total; offset += limit) {
          const page = rosterPage(state, { offset, limit, search: s });
          expect(page.rows.length).toBeLessThanOrEqual(limit);
          expect(page.total).toBe(first.total);
          seen.push(...page.rows.map((r) => r.id));
        }
        expect(seen).toEqual(matching);
      }),
      { numRuns: 200 },
    );
  });

  it("counts what the rows of one page over the whole room show", () => {
    fc.assert(
      fc.property(people, (list) => {
        const state = room(list);
        const all = rosterPage(state, { offset: 0, limit: 100 });
        expect(all.counts).toEqual({
          joined: all.rows.length,
          online: all.rows.filter((r) => r.connected).length,
          submitted: all.rows.filter((r) => r.submitted).length,
          placing: all.rows.filter((r) => r.placed > 0 && !r.submitted).length,
        });
      }),
      { numRuns: 200 },
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientSocket } from "./support/live";
import { closeRoom, openSortingRoom, type SortingRoom } from "./support/room";
import { startTestServer, type TestServer } from "./support/server";
import { singleTab, Sorting, type Tab } from "./support/sorting";
import { expectRoomMatchesDatabase } from "./support/verify";

// Guarantees under client-side faults, through the public protocol only (docs/protocol.md,
// "Placements"): seq makes a resend idempotent, and the newest move for a card wins whichever
// socket it came from. Each case: 24 phones (or 20 participants with two tabs each).

describe("fault: every phone resends every placement three times", () => {
  let server: TestServer;
  let room: SortingRoom;
  let sorting: Sorting | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    room = await openSortingRoom(server, 24, "resend@example.com");
  });
  afterAll(async () => {
    await closeRoom(room, sorting);
    await server?.close();
  });

  it("stores each move once, acks each copy ok or STALE_PLACEMENT as documented, and the newest move per card wins", async () => {
    // Six cards each, so a resent copy often meets a newer move for its card already stored.
    sorting = new Sorting(
      room.phones.map(({ participant, socket }) => ({ ...singleTab(participant, socket), cards: participant.cards.slice(0, 6) })),
      { columns: room.columns, copies: 3, stepMs: 200, seed: 4 },
    ).start();
    await sorting.acks(24 * 3 * 10);
    await sorting.stop();

    expect([...sorting.refused.keys()].filter((code) => code !== "STALE_PLACEMENT")).toEqual([]);
    expect(sorting.refused.get("STALE_PLACEMENT")).toBeGreaterThan(0); // copies did lose to newer moves
    expect(sorting.lostTabs.size).toBe(0);
    for (const { participant } of room.phones) {
      // Every move went out three times…
      const copies = new Map<number, number>();
      for (const m of participant.sent) copies.set(m.seq, (copies.get(m.seq) ?? 0) + 1);
      expect([...new Set(copies.values())]).toEqual([3]);
      // …and a copy was refused only where a newer move for its card had been sent before it.
      expect(participant.unexplainedStale()).toEqual([]);
    }
    await expectRoomMatchesDatabase({ server, databaseUrl: server.databaseUrl, workshopId: room.workshopId, participants: room.phones.map((p) => p.participant), staff: room.staff });
  }, 600_000);
});

describe("fault: two tabs of one participant race on the same cards", () => {
  let server: TestServer;
  let room: SortingRoom;
  let sorting: Sorting | undefined;
  const secondTabs: ClientSocket[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    room = await openSortingRoom(server, 20, "tabs@example.com");
  });
  afterAll(async () => {
    await closeRoom(room, sorting, secondTabs);
    await server?.close();
  });

  it("stores for each card the column of the highest acknowledged seq", async () => {
    const tabs: Tab[] = [];
    for (const { participant, socket } of room.phones) {
      const second = await participant.open(server);
      secondTabs.push(second);
      // Both tabs move the same four cards; one sends odd seqs, the other even ones and faster,
      // so their counters drift apart and each keeps sending moves the other has overtaken.
      const cards = participant.cards.slice(0, 4);
      let odd = -1;
      let even = 0;
      tabs.push({ participant, socket, cards, stepMs: 240, nextSeq: () => (odd += 2) });
      tabs.push({ participant, socket: second, cards, stepMs: 150, nextSeq: () => (even += 2) });
    }
    sorting = new Sorting(tabs, { columns: room.columns, seed: 5 }).start();
    await sorting.acks(20 * 40);
    await sorting.stop();

    expect([...sorting.refused.keys()].filter((code) => code !== "STALE_PLACEMENT")).toEqual([]);
    expect(sorting.refused.get("STALE_PLACEMENT")).toBeGreaterThan(0); // the tabs did race
    expect(sorting.lostTabs.size).toBe(0);
    for (const { participant } of room.phones) expect(participant.unexplainedStale(true)).toEqual([]);
    await expectRoomMatchesDatabase({ server, databaseUrl: server.databaseUrl, workshopId: room.workshopId, participants: room.phones.map((p) => p.participant), staff: room.staff });
  }, 600_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBuiltinDeck } from "@/lib/decks/builtin";
import type { ConsoleView, JoinResult, RosterPage } from "@/lib/protocol/views";
import { connect, connectError, createSession, emit, must, signedInFacilitator, withDb, type ClientSocket } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

/** The console's roster over real sockets (issue 11): each console socket has a window; its sync,
 *  the `roster:window` ack and the `roster:page` pushes carry that window's page and the room's
 *  counts, never every participant. Only the session's facilitator may move a window. */

const deck = getBuiltinDeck("leader-or-manager")!;
const [card] = deck.statements;
const PEOPLE = 60;

/** Every roster page a socket is sent, in order. */
function pagesOf(socket: ClientSocket): RosterPage[] {
  const pages: RosterPage[] = [];
  socket.on("roster:page", (page) => pages.push(page));
  return pages;
}

/** Resolves with the first page (already received or still to come) that `matches`. */
async function pageWhere(pages: RosterPage[], matches: (page: RosterPage) => boolean): Promise<RosterPage> {
  for (;;) {
    const found = pages.find(matches);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const placedOf = (page: RosterPage, nickname: string) => page.rows.find((r) => r.nickname === nickname)?.placed;

describe("the console's roster window", () => {
  let server: TestServer;
  let cookie: string;
  let session: { id: string; code: string };
  let firstPage: ClientSocket;
  let secondPage: ClientSocket;
  let screen: ClientSocket;
  const phones: { socket: ClientSocket; id: string }[] = [];
  const sockets: ClientSocket[] = [];
  const track = (socket: ClientSocket) => {
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    server = await startTestServer();
    ({ cookie } = await signedInFacilitator(server, "roster@example.com"));
    session = await createSession(server, cookie);
    firstPage = track(await connect(server, { role: "facilitator", workshopId: session.id }, cookie));
    secondPage = track(await connect(server, { role: "facilitator", workshopId: session.id }, cookie));
    const presenterKey = await withDb(server, async (c) => (await c.query(`SELECT presenter_key FROM workshops WHERE id = $1`, [session.id])).rows[0].presenter_key as string);
    screen = track(await connect(server, { role: "presenter", workshopId: session.id, presenterKey }));
    await must(firstPage, "session:openLobby");
    for (let i = 0; i < PEOPLE; i++) {
      const socket = track(await connect(server, { role: "participant" }));
      const joined = await must<JoinResult>(socket, "participant:join", { code: session.code, nickname: `P${i}` });
      phones.push({ socket, id: joined.view.me.id });
    }
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.close();
  });

  it("syncs the first 50 participants and the room's counts, not all of them", async () => {
    const view = await must<ConsoleView>(firstPage, "facilitator:sync");
    expect(view.roster).toMatchObject({ offset: 0, limit: 50, search: "", total: PEOPLE });
    expect(view.roster.rows.map((r) => r.nickname)).toEqual(Array.from({ length: 50 }, (_, i) => `P${i}`));
    expect(view.roster.counts).toEqual({ joined: PEOPLE, online: PEOPLE, submitted: 0, placing: 0 });
  });

  it("answers a window with its page, and remembers it for that socket only", async () => {
    const page = await must<RosterPage>(secondPage, "roster:window", { offset: 50, limit: 50 });
    expect(page.rows.map((r) => r.nickname)).toEqual(Array.from({ length: 10 }, (_, i) => `P${50 + i}`));
    expect(page.total).toBe(PEOPLE);
    expect((await must<ConsoleView>(secondPage, "facilitator:sync")).roster).toEqual(page);
    expect((await must<ConsoleView>(firstPage, "facilitator:sync")).roster.offset).toBe(0);

    const found = await must<RosterPage>(track(await connect(server, { role: "facilitator", workshopId: session.id }, cookie)), "roster:window", { offset: 0, limit: 5, search: " p1 " });
    expect(found.rows.map((r) => r.nickname)).toEqual(["P1", "P10", "P11", "P12", "P13"]);
    expect(found.total).toBe(11);
  });

  it("refuses a window out of bounds, and any window from a presenter, a participant or another facilitator", async () => {
    for (const payload of [{ offset: -1, limit: 10 }, { offset: 0, limit: 0 }, { offset: 0, limit: 101 }, { offset: 1.5, limit: 10 }, { offset: 0, limit: 10, search: "x".repeat(65) }, { offset: 0, limit: 10, extra: 1 }, {}]) {
      expect(await emit(firstPage, "roster:window", payload), JSON.stringify(payload)).toMatchObject({ ok: false, code: "VALIDATION" });
    }
    for (const socket of [screen, phones[0]!.socket]) {
      expect(await emit(socket, "roster:window", { offset: 0, limit: 10 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    const stranger = await signedInFacilitator(server, "stranger@example.com");
    expect(await connectError(server, { role: "facilitator", workshopId: session.id }, stranger.cookie)).toBe("FORBIDDEN");
  });

  it("pushes a console the page it shows when someone on it places a card, and never a page that shows nothing new", async () => {
    const first = pagesOf(firstPage);
    const second = pagesOf(secondPage);
    await must(firstPage, "session:start", {});
    await must(phones[55]!.socket, "placement:set", { statementId: card!.id, column: card!.canonical, seq: 1 });
    await pageWhere(second, (p) => placedOf(p, "P55") === 1);
    await must(phones[5]!.socket, "placement:set", { statementId: card!.id, column: card!.canonical, seq: 1 });
    await pageWhere(first, (p) => placedOf(p, "P5") === 1);

    expect(second.every((p) => p.offset === 50 && p.rows.length === 10)).toBe(true);
    expect(first.every((p) => p.offset === 0 && p.rows.length === 50)).toBe(true);
    // The first page never showed P55, so its placement alone sent it nothing: every page it got
    // differs from the one before in a row or a count.
    for (const pages of [first, second]) {
      for (const [i, page] of pages.entries()) if (i > 0) expect(page).not.toEqual(pages[i - 1]);
    }
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBuiltinDeck } from "@/lib/decks/builtin";
import { ERROR_CODES, KICKED_REJOIN_MESSAGE } from "@/lib/protocol/errors";
import type { ConsoleView, JoinResult, KickedEntry, KickedNotice, ParticipantView, PresenterView, RosterKicked } from "@/lib/protocol/views";
import { connect, connectError, connectRefusal, createSession, emit, must, signedInFacilitator, withDb, type ClientSocket } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

/** Kick and ban. Both take the participant out of the roster, the counts and the scores. A kicked
 *  participant's token is void (UNAUTHENTICATED, with the reason) and the person may join again as
 *  a new participant under another nickname; a banned participant's device is refused (KICKED) for
 *  as long as the session runs, across a restart, until the facilitator lifts the ban. Only the
 *  facilitator may do any of it. */

const deck = getBuiltinDeck("leader-or-manager")!;
const [s1, s2, s3, s4] = deck.statements;

interface Phone {
  socket: ClientSocket;
  join: JoinResult;
}

const placedIn = (view: ConsoleView): number => view.tally.counts.flat().reduce((a, b) => a + b, 0);

/** The console once Eve was kicked (and came back as "Eve again") and Mal banned: Eve's three cards
 *  and Mal's one no longer count, Bo's and Eve again's do. */
const afterBan = {
  roster: ["Bo", "Eve again"],
  removed: [
    ["Eve", false],
    ["Mal", true],
  ],
  placed: 2,
};

describe("kick, ban and unban", () => {
  let server: TestServer;
  let cookie: string;
  let staff: ClientSocket;
  let watcher: ClientSocket;
  let screen: ClientSocket;
  let session: { id: string; code: string };
  let eve: Phone;
  let bo: Phone;
  let mal: Phone;
  let eve2: Phone;
  let mal2: Phone;
  const open: ClientSocket[] = [];

  const track = <T extends ClientSocket>(socket: T): T => {
    open.push(socket);
    return socket;
  };
  const join = async (nickname: string): Promise<Phone> => {
    const socket = track(await connect(server, { role: "participant" }));
    return { socket, join: await must<JoinResult>(socket, "participant:join", { code: session.code, nickname }) };
  };
  const sync = () => must<ConsoleView>(staff, "facilitator:sync");
  /** The console's view in short: roster nicknames, the removed as [nickname, banned], cards counted. */
  const consoleNow = async () => {
    const view = await sync();
    return { roster: view.roster.rows.map((r) => r.nickname), removed: view.kicked.map((k) => [k.nickname, k.banned]), placed: placedIn(view) };
  };
  const connectStaff = async () => {
    staff = track(await connect(server, { role: "facilitator", workshopId: session.id }, cookie));
    // A second console tab, to see what the broadcasts tell every console.
    watcher = track(await connect(server, { role: "facilitator", workshopId: session.id }, cookie));
  };
  /** The next list of removed participants on the watching console that names `id`. */
  const removalSeen = (id: string) =>
    new Promise<RosterKicked>((resolve) => {
      const listener = (d: RosterKicked) => {
        if (d.kicked.some((k) => k.id === id)) {
          watcher.off("roster:kicked", listener);
          resolve(d);
        }
      };
      watcher.on("roster:kicked", listener);
    });
  const stored = () =>
    withDb(server, async (c) => (await c.query(`SELECT nickname, kicked, banned FROM participants WHERE workshop_id = $1 ORDER BY joined_at`, [session.id])).rows);

  beforeAll(async () => {
    server = await startTestServer();
    ({ cookie } = await signedInFacilitator(server, "strict@example.com"));
    session = await createSession(server, cookie);
    await connectStaff();
    const presenterKey = await withDb(server, async (c) => (await c.query(`SELECT presenter_key FROM workshops WHERE id = $1`, [session.id])).rows[0].presenter_key as string);
    screen = track(await connect(server, { role: "presenter", workshopId: session.id, presenterKey }));
    await must(staff, "session:openLobby");
    eve = await join("Eve");
    bo = await join("Bo");
    mal = await join("Mal");
    await must(staff, "session:start", {});
    for (const [i, s] of [s1!, s2!, s3!].entries()) await must(eve.socket, "placement:set", { statementId: s.id, column: s.canonical, seq: i + 1 });
    await must(bo.socket, "placement:set", { statementId: s1!.id, column: s1!.canonical, seq: 1 });
    await must(mal.socket, "placement:set", { statementId: s4!.id, column: s4!.canonical, seq: 1 });
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await server?.close();
  });

  it("refuses kick, ban and unban to a participant, a guest and the presenter (FORBIDDEN), changing nothing", async () => {
    const guest = track(await connect(server, { role: "participant" }));
    for (const socket of [bo.socket, guest, screen]) {
      for (const event of ["participant:kick", "participant:ban", "participant:unban"]) {
        expect(await emit(socket, event, { participantId: eve.join.view.me.id }), `${event}`).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
    }
    expect(await stored()).toEqual([
      { nickname: "Eve", kicked: false, banned: false },
      { nickname: "Bo", kicked: false, banned: false },
      { nickname: "Mal", kicked: false, banned: false },
    ]);
    expect((await sync()).roster.rows.map((r) => r.nickname)).toEqual(["Eve", "Bo", "Mal"]);
    expect(await emit(staff, "participant:ban", { participantId: randomUUID() })).toMatchObject({ ok: false, code: "UNKNOWN_PARTICIPANT" });
    expect(await emit(staff, "participant:ban", { participantId: "not-a-uuid" })).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("kick: tells the phone it may join again, disconnects it, and stops counting its cards", async () => {
    const before = await sync();
    expect(placedIn(before)).toBe(5);
    const notice = new Promise<KickedNotice>((resolve) => eve.socket.once("participant:kicked", resolve));
    const disconnected = new Promise<string>((resolve) => eve.socket.once("disconnect", resolve));
    const delta = removalSeen(eve.join.view.me.id);

    expect(await must(staff, "participant:kick", { participantId: eve.join.view.me.id })).toEqual({ participantId: eve.join.view.me.id });
    expect(await notice).toEqual({ message: KICKED_REJOIN_MESSAGE, banned: false });
    expect(await disconnected).toBe("io server disconnect");
    expect((await delta).kicked).toEqual([{ id: eve.join.view.me.id, nickname: "Eve", cohort: null, banned: false }]);

    const after = await sync();
    expect(after.roster.rows.map((r) => r.nickname)).toEqual(["Bo", "Mal"]);
    expect(after.kicked).toEqual([{ id: eve.join.view.me.id, nickname: "Eve", cohort: null, banned: false }]);
    expect(placedIn(after)).toBe(2);
    expect(after.progress).toMatchObject({ joined: 2, placed: 2 });
    expect((await must<PresenterView>(screen, "presenter:sync")).nicknames).toEqual(["Bo", "Mal"]);
  });

  it("kick: the old token is void (UNAUTHENTICATED, with the reason); the person joins again as someone new, from nothing", async () => {
    expect(await connectRefusal(server, { role: "participant", participantToken: eve.join.participantToken })).toEqual({ code: "UNAUTHENTICATED", message: KICKED_REJOIN_MESSAGE });
    // Nobody may take the removed participant's nickname, not even the same person.
    const guest = track(await connect(server, { role: "participant" }));
    expect(await emit(guest, "participant:join", { code: session.code, nickname: "eve" })).toMatchObject({ ok: false, code: "NICKNAME_TAKEN" });

    eve2 = await join("Eve again");
    expect(eve2.join.view.me.id).not.toBe(eve.join.view.me.id);
    expect(eve2.join.view.placements).toEqual([]);
    expect(eve2.join.view.lastSeq).toBe(0);
    await must(eve2.socket, "placement:set", { statementId: s2!.id, column: s2!.canonical, seq: 1 });
    const view = await sync();
    expect(view.roster.rows.map((r) => r.nickname)).toEqual(["Bo", "Mal", "Eve again"]);
    expect(placedIn(view)).toBe(3);
  });

  it("ban: tells the phone it is banned, disconnects it, refuses its token (KICKED) and lists it as banned", async () => {
    const notice = new Promise<KickedNotice>((resolve) => mal.socket.once("participant:kicked", resolve));
    const disconnected = new Promise<string>((resolve) => mal.socket.once("disconnect", resolve));
    const delta = removalSeen(mal.join.view.me.id);

    expect(await must(staff, "participant:ban", { participantId: mal.join.view.me.id })).toEqual({ participantId: mal.join.view.me.id });
    expect(await notice).toEqual({ message: ERROR_CODES.KICKED, banned: true });
    expect(await disconnected).toBe("io server disconnect");
    // The whole list of the removed, in joining order.
    expect((await delta).kicked).toEqual([
      { id: eve.join.view.me.id, nickname: "Eve", cohort: null, banned: false },
      { id: mal.join.view.me.id, nickname: "Mal", cohort: null, banned: true },
    ]);
    expect(await connectError(server, { role: "participant", participantToken: mal.join.participantToken })).toBe("KICKED");
    // Kicking someone banned keeps the ban.
    await must(staff, "participant:kick", { participantId: mal.join.view.me.id });
    expect(await connectError(server, { role: "participant", participantToken: mal.join.participantToken })).toBe("KICKED");

    expect(await consoleNow()).toEqual(afterBan);
  });

  it("remembers the ban and the kick across a server restart", async () => {
    for (const s of open.splice(0)) s.close();
    const databaseUrl = server.databaseUrl;
    await server.close();
    server = await startTestServer({ databaseUrl });
    await connectStaff();

    expect(await connectError(server, { role: "participant", participantToken: mal.join.participantToken })).toBe("KICKED");
    expect(await connectError(server, { role: "participant", participantToken: eve.join.participantToken })).toBe("UNAUTHENTICATED");
    expect(await stored()).toEqual([
      { nickname: "Eve", kicked: true, banned: false },
      { nickname: "Bo", kicked: false, banned: false },
      { nickname: "Mal", kicked: true, banned: true },
      { nickname: "Eve again", kicked: false, banned: false },
    ]);
    expect(await consoleNow()).toEqual(afterBan); // as before the restart
    // The others carry on.
    bo.socket = track(await connect(server, { role: "participant", participantToken: bo.join.participantToken }));
    expect((await must<ParticipantView>(bo.socket, "participant:sync")).me.nickname).toBe("Bo");
    eve2.socket = track(await connect(server, { role: "participant", participantToken: eve2.join.participantToken }));
  });

  it("unban: the participant stays removed, their device may join again as someone new; a no-op for anyone not banned", async () => {
    const delta = removalSeen(mal.join.view.me.id);
    expect(await must(staff, "participant:unban", { participantId: mal.join.view.me.id })).toEqual({ participantId: mal.join.view.me.id });
    expect((await delta).kicked).toEqual<KickedEntry[]>([
      { id: eve.join.view.me.id, nickname: "Eve", cohort: null, banned: false },
      { id: mal.join.view.me.id, nickname: "Mal", cohort: null, banned: false },
    ]);
    expect(await connectRefusal(server, { role: "participant", participantToken: mal.join.participantToken })).toEqual({ code: "UNAUTHENTICATED", message: KICKED_REJOIN_MESSAGE });
    mal2 = await join("Mal again");
    expect(mal2.join.view.me.id).not.toBe(mal.join.view.me.id);

    expect(await must(staff, "participant:unban", { participantId: bo.join.view.me.id })).toEqual({ participantId: bo.join.view.me.id });
    expect(await consoleNow()).toEqual({
      roster: ["Bo", "Eve again", "Mal again"],
      removed: [
        ["Eve", false],
        ["Mal", false],
      ],
      placed: 2,
    });
  });

  it("scores only those in the room at reveal: the removed participants' answers are not counted", async () => {
    await must(staff, "session:reveal");
    const view = await sync();
    const analysed = view.reveal!.analysis.reduce((sum, a) => sum + a.placed, 0);
    expect(analysed).toBe(2); // Bo's and Eve again's cards; not Eve's three nor Mal's one
    const scored = await withDb(server, async (c) =>
      (
        await c.query(`SELECT p.nickname, s.score FROM submissions s JOIN participants p ON p.id = s.participant_id WHERE s.workshop_id = $1 ORDER BY p.joined_at`, [session.id])
      ).rows,
    );
    expect(scored).toEqual([
      { nickname: "Bo", score: 1 },
      { nickname: "Eve again", score: 1 },
      { nickname: "Mal again", score: 0 },
    ]);
  });

  it("once the session has ended, treats a banned token as stale (the code may be reused) and still lists the removed", async () => {
    await must(staff, "participant:ban", { participantId: eve2.join.view.me.id });
    expect(await connectError(server, { role: "participant", participantToken: eve2.join.participantToken })).toBe("KICKED");
    await must(staff, "session:end");
    expect(await connectError(server, { role: "participant", participantToken: eve2.join.participantToken })).toBe("UNAUTHENTICATED");
    const back = track(await connect(server, { role: "participant", participantToken: bo.join.participantToken }));
    expect((await must<ParticipantView>(back, "participant:sync")).session.phase).toBe("closed");
    expect((await consoleNow()).removed).toEqual([
      ["Eve", false],
      ["Mal", false],
      ["Eve again", true],
    ]);
  });
});

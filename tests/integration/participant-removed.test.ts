import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleView, JoinResult, ParticipantView, PresenterView, RosterDelta } from "@/lib/protocol/views";
import { connect, connectError, createSession, emit, must, signedInFacilitator, withDb, type ClientSocket } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

/** A participant the facilitator removed stays removed: their device token is refused for as long
 *  as the session runs (a reload, a reconnect, a later phase), the console keeps listing them as
 *  removed (and out of the roster and counts), and only once the session ended is the token
 *  treated as merely stale. */

describe("a removed participant stays removed", () => {
  let server: TestServer;
  let staff: ClientSocket;
  let watcher: ClientSocket;
  let screen: ClientSocket;
  let session: { id: string; code: string };
  let eve: { socket: ClientSocket; join: JoinResult };
  let bo: { socket: ClientSocket; join: JoinResult };

  beforeAll(async () => {
    server = await startTestServer();
    const { cookie } = await signedInFacilitator(server, "strict@example.com");
    session = await createSession(server, cookie);
    staff = await connect(server, { role: "facilitator", workshopId: session.id }, cookie);
    // A second console tab, to see what the broadcasts tell every console.
    watcher = await connect(server, { role: "facilitator", workshopId: session.id }, cookie);
    const presenterKey = await withDb(server, async (c) => (await c.query(`SELECT presenter_key FROM workshops WHERE id = $1`, [session.id])).rows[0].presenter_key as string);
    screen = await connect(server, { role: "presenter", workshopId: session.id, presenterKey });
    await must(staff, "session:openLobby");
    const join = async (nickname: string) => {
      const socket = await connect(server, { role: "participant" });
      return { socket, join: await must<JoinResult>(socket, "participant:join", { code: session.code, nickname }) };
    };
    eve = await join("Eve");
    bo = await join("Bo");
  });
  afterAll(async () => {
    for (const s of [eve?.socket, bo?.socket, screen, watcher, staff]) s?.close();
    await server?.close();
  });

  it("tells the phone, disconnects it, and tells every console who was removed", async () => {
    const kickedMessage = new Promise<{ message: string }>((resolve) => eve.socket.once("participant:kicked", resolve));
    const disconnected = new Promise<string>((resolve) => eve.socket.once("disconnect", resolve));
    const delta = new Promise<RosterDelta>((resolve) => {
      const listener = (d: RosterDelta) => {
        if (d.removed.includes(eve.join.view.me.id)) {
          watcher.off("roster:delta", listener);
          resolve(d);
        }
      };
      watcher.on("roster:delta", listener);
    });

    expect(await must(staff, "participant:kick", { participantId: eve.join.view.me.id })).toEqual({ participantId: eve.join.view.me.id });
    expect((await kickedMessage).message).toBe("The facilitator removed you from this session.");
    expect(await disconnected).toBe("io server disconnect");
    const d = await delta;
    expect(d.kicked).toEqual([{ id: eve.join.view.me.id, nickname: "Eve", cohort: null }]);
    expect(d.upserts.map((u) => u.id)).not.toContain(eve.join.view.me.id);
  });

  it("refuses the device's token at the handshake, in the lobby and after sorting started", async () => {
    const token = eve.join.participantToken;
    expect(await connectError(server, { role: "participant", participantToken: token })).toBe("KICKED");
    await must(staff, "session:start", {});
    expect(await connectError(server, { role: "participant", participantToken: token })).toBe("KICKED");
    // The others carry on as before.
    const back = await connect(server, { role: "participant", participantToken: bo.join.participantToken });
    expect((await must<ParticipantView>(back, "participant:sync")).me.nickname).toBe("Bo");
    back.close();
  });

  it("keeps the removed participant in the console's view as removed, out of the roster and the counts", async () => {
    const view = await must<ConsoleView>(staff, "facilitator:sync");
    expect(view.kicked).toEqual([{ id: eve.join.view.me.id, nickname: "Eve", cohort: null }]);
    expect(view.roster.map((r) => r.nickname)).toEqual(["Bo"]);
    expect(view.progress.joined).toBe(1);
    const projector = await must<PresenterView>(screen, "presenter:sync");
    expect(projector.nicknames).toEqual(["Bo"]);
    expect(projector.joined).toBe(1);
    const stored = await withDb(server, async (c) => (await c.query(`SELECT nickname, kicked FROM participants WHERE workshop_id = $1 ORDER BY joined_at`, [session.id])).rows);
    expect(stored).toEqual([
      { nickname: "Eve", kicked: true },
      { nickname: "Bo", kicked: false },
    ]);
  });

  it("refuses the nickname to a newcomer, so nobody can pose as the removed participant", async () => {
    const guest = await connect(server, { role: "participant" });
    const reply = await emit(guest, "participant:join", { code: session.code, nickname: "eve" });
    guest.close();
    expect(reply).toMatchObject({ ok: false, code: "NICKNAME_TAKEN" });
  });

  it("once the session has ended, treats the token as stale (the code may be reused) and still lists the removed", async () => {
    await must(staff, "session:end");
    expect(await connectError(server, { role: "participant", participantToken: eve.join.participantToken })).toBe("UNAUTHENTICATED");
    const back = await connect(server, { role: "participant", participantToken: bo.join.participantToken });
    expect((await must<ParticipantView>(back, "participant:sync")).session.phase).toBe("closed");
    back.close();
    expect((await must<ConsoleView>(staff, "facilitator:sync")).kicked.map((k) => k.nickname)).toEqual(["Eve"]);
  });
});

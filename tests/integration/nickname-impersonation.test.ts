import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, createSession, emit, must, signedInFacilitator, withDb, type ClientSocket } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";
import { PAT_IMPOSTORS } from "../unit/domain/fixtures";

// Issue 9.9 through real joins: the database's unique indexes decide whether a nickname is taken.

describe("nickname impersonation is refused at the join", () => {
  let server: TestServer;
  let session: { id: string; code: string };
  const open: ClientSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const { cookie } = await signedInFacilitator(server, "names@example.com");
    session = await createSession(server, cookie);
    const staff = await connect(server, { role: "facilitator", workshopId: session.id }, cookie);
    open.push(staff);
    await must(staff, "session:openLobby");
    await join("Pat");
  });
  afterAll(async () => {
    for (const socket of open) socket.close();
    await server?.close();
  });

  async function join(nickname: string) {
    const phone = await connect(server, { role: "participant" });
    open.push(phone);
    return emit(phone, "participant:join", { code: session.code, nickname });
  }
  const nicknames = () =>
    withDb(server, async (c) => (await c.query<{ nickname: string }>(`SELECT nickname FROM participants WHERE workshop_id = $1 ORDER BY joined_at`, [session.id])).rows.map((r) => r.nickname));

  it.each(PAT_IMPOSTORS)("with Pat in the session, Pat %s is NICKNAME_TAKEN", async (_label, impostor) => {
    expect(await join(impostor)).toMatchObject({ ok: false, code: "NICKNAME_TAKEN" });
    expect(await nicknames()).toEqual(["Pat"]);
  });

  it.each([
    ["Hangul fillers", "\u3164\u3164"],
    ["a braille blank", "\u2800"],
  ])("a blank-looking nickname (%s) is NICKNAME_EMPTY", async (_label, blank) => {
    expect(await join(blank)).toMatchObject({ ok: false, code: "NICKNAME_EMPTY" });
    expect(await nicknames()).toEqual(["Pat"]);
  });

  it("emoji ZWJ sequences join, as typed", async () => {
    expect(await join("👩‍💻")).toMatchObject({ ok: true });
    expect(await join("👨‍👩‍👧 Bo")).toMatchObject({ ok: true });
    expect(await nicknames()).toEqual(["Pat", "👩‍💻", "👨‍👩‍👧 Bo"]);
  });
});

describe("participants from before the skeleton column get theirs at start", () => {
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.close();
  });

  it("a session live across the upgrade: after a restart, Pat's look-alike is NICKNAME_TAKEN", async () => {
    server = await startTestServer();
    const { cookie } = await signedInFacilitator(server, "upgrade@example.com");
    const session = await createSession(server, cookie);
    const staff = await connect(server, { role: "facilitator", workshopId: session.id }, cookie);
    await must(staff, "session:openLobby");
    const phone = await connect(server, { role: "participant" });
    await must(phone, "participant:join", { code: session.code, nickname: "Pat" });
    staff.close();
    phone.close();
    // As stored before migration 20261202174125.
    await withDb(server, (c) => c.query(`UPDATE participants SET nickname_skeleton = NULL WHERE workshop_id = $1`, [session.id]));
    const { databaseUrl } = server;
    await server.close();

    server = await startTestServer({ databaseUrl });
    const skeletons = await withDb(server, async (c) => (await c.query(`SELECT nickname_skeleton FROM participants WHERE workshop_id = $1`, [session.id])).rows);
    expect(skeletons).toEqual([{ nickname_skeleton: "Pat" }]);
    const impostor = await connect(server, { role: "participant" });
    try {
      expect(await emit(impostor, "participant:join", { code: session.code, nickname: "P\u0430t\u2063" })).toMatchObject({ ok: false, code: "NICKNAME_TAKEN" });
    } finally {
      impostor.close();
    }
  });
});

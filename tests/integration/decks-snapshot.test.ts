import { afterAll, describe, expect, it } from "vitest";
import type { Deck } from "@/lib/decks/types";
import type { JoinResult, ParticipantResult, ParticipantView } from "@/lib/protocol/views";
import { connect, must, signedInFacilitator, withDb, type ClientSocket } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

// A session freezes its deck when it is created: editing (or deleting) the deck afterwards must
// change neither the session's snapshot nor its scores, not even after a restart that rebuilds
// the session from the database.

const deck: Omit<Deck, "version"> = {
  title: "Leader, manager or both",
  description: "",
  language: "en",
  columns: [
    { id: "leader", label: "Leader" },
    { id: "manager", label: "Manager" },
    { id: "both", label: "Both" },
  ],
  statements: [
    { id: "direction", text: "Sets the direction", canonical: "leader", explanation: "Vision." },
    { id: "budget", text: "Keeps the budget", canonical: "manager", explanation: "Control." },
    { id: "outcome", text: "Owns the outcome", canonical: "both", explanation: "Everyone." },
    { id: "inspires", text: "Inspires the team", canonical: "leader", explanation: "" },
    { id: "schedules", text: "Schedules the work", canonical: "manager", explanation: "" },
  ],
};

/** The same deck after an edit that would change every score: answers moved, a column renamed,
 *  statements reworded, removed and added. */
const edited: Omit<Deck, "version"> = {
  ...deck,
  title: "Edited deck",
  columns: [
    { id: "leader", label: "Leader" },
    { id: "manager", label: "Manager" },
    { id: "both", label: "Either" },
  ],
  statements: [
    { id: "direction", text: "Sets a direction", canonical: "manager", explanation: "Changed." },
    { id: "budget", text: "Keeps the budget", canonical: "both", explanation: "Changed." },
    { id: "new-one", text: "A new statement", canonical: "leader", explanation: "" },
  ],
};

interface SubmissionRow {
  nickname: string;
  round: number;
  score: number;
  total: number;
  by_participant: boolean;
}

describe("editing a deck after a session", () => {
  const servers: TestServer[] = [];
  const sockets: ClientSocket[] = [];
  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const s of servers) await s.close();
  });

  it("leaves that session's snapshot, placements and scores unchanged, even after a restart", async () => {
    const server = await startTestServer();
    servers.push(server);
    const { cookie } = await signedInFacilitator(server, "snapshot@example.com");
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, { method, headers: { cookie, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

    const created = await api("POST", "/api/decks", { deck });
    expect(created.status).toBe(201);
    const { id: deckId } = (await created.json()) as { id: string };
    const sessionRes = await api("POST", "/api/sessions", { deckId });
    expect(sessionRes.status).toBe(201);
    const session = (await sessionRes.json()) as { id: string; code: string };

    // Run it: two phones, one all right, one with two right; reveal scores them.
    const staff = await connect(server, { role: "facilitator", workshopId: session.id }, cookie);
    sockets.push(staff);
    await must(staff, "session:openLobby");
    const phones: { socket: ClientSocket; join: JoinResult }[] = [];
    for (const nickname of ["Ada", "Bo"]) {
      const socket = await connect(server, { role: "participant" });
      sockets.push(socket);
      phones.push({ socket, join: await must<JoinResult>(socket, "participant:join", { code: session.code, nickname }) });
    }
    expect(phones[0]!.join.view.session.columns.map((c) => c.label)).toEqual(["Leader", "Manager", "Both"]);
    await must(staff, "session:start", {});
    const bo = { direction: "leader", budget: "leader", outcome: "both", inspires: "manager", schedules: "both" } as Record<string, string>;
    for (const [i, phone] of phones.entries()) {
      let seq = 0;
      for (const s of deck.statements) {
        await must(phone.socket, "placement:set", { statementId: s.id, column: i === 0 ? s.canonical : bo[s.id], seq: ++seq });
      }
    }
    await must(phones[0]!.socket, "participant:submit");
    const results = phones.map((p) => new Promise<ParticipantResult>((resolve) => p.socket.once("participant:result", resolve)));
    await must(staff, "session:reveal");
    const received = await Promise.all(results);
    expect(received.map((r) => [r.correct, r.total])).toEqual([
      [5, 5],
      [2, 5],
    ]);

    const read = () =>
      withDb(server, async (c) => ({
        snapshot: (await c.query<{ deck_snapshot: unknown }>(`SELECT deck_snapshot FROM workshops WHERE id = $1`, [session.id])).rows[0]!.deck_snapshot,
        submissions: (
          await c.query<SubmissionRow>(
            `SELECT p.nickname, s.round, s.score, s.total, s.by_participant FROM submissions s JOIN participants p ON p.id = s.participant_id
             WHERE s.workshop_id = $1 ORDER BY p.nickname, s.round`,
            [session.id],
          )
        ).rows,
        placements: (
          await c.query(`SELECT participant_id, round, statement_key, "column", seq FROM placements WHERE workshop_id = $1 ORDER BY participant_id, statement_key`, [session.id])
        ).rows,
      }));
    const before = await read();
    const reportResponse = await api("GET", `/api/sessions/${session.id}/report`);
    expect(reportResponse.status).toBe(200);
    const reportBefore = (await reportResponse.json()) as { session: { id: string } };
    expect(reportBefore.session.id).toBe(session.id);
    expect(before.snapshot).toMatchObject({ ...deck, version: 1 });
    expect(before.submissions.map((s) => [s.nickname, s.score, s.total])).toEqual([
      ["Ada", 5, 5],
      ["Bo", 2, 5],
    ]);

    // Edit the deck: every answer that scored moves, and the deck's version moves on.
    const put = await api("PUT", `/api/decks/${deckId}`, { deck: edited, expectedVersion: 1 });
    expect(put.status).toBe(200);
    expect(((await put.json()) as { version: number }).version).toBe(2);
    const now = (await (await api("GET", `/api/decks/${deckId}`)).json()) as { deck: Deck };
    expect(now.deck.title).toBe("Edited deck");
    expect(now.deck.statements).toHaveLength(3);

    const after = await read();
    expect(after).toStrictEqual(before);
    // The session's report, as the facilitator reviews it, is the same figure for figure.
    expect(await (await api("GET", `/api/sessions/${session.id}/report`)).json()).toStrictEqual(reportBefore);

    // A new session from the edited deck does get the new version.
    const second = (await (await api("POST", "/api/sessions", { deckId })).json()) as { id: string };
    const secondSnapshot = await withDb(server, async (c) => (await c.query(`SELECT deck_snapshot FROM workshops WHERE id = $1`, [second.id])).rows[0].deck_snapshot);
    expect(secondSnapshot).toMatchObject({ title: "Edited deck", version: 2 });

    // Deleting the deck keeps the session and its snapshot too.
    expect((await api("DELETE", `/api/decks/${deckId}`)).status).toBe(204);
    expect(await read()).toStrictEqual(before);
    const link = await withDb(server, async (c) => (await c.query(`SELECT deck_id FROM workshops WHERE id = $1`, [session.id])).rows[0].deck_id);
    expect(link).toBeNull();

    // Restart: the session is rebuilt from the database alone, and scores as it did.
    for (const s of sockets.splice(0)) s.close();
    await server.close();
    const restarted = await startTestServer({ databaseUrl: server.databaseUrl });
    servers.push(restarted);
    for (const [i, phone] of phones.entries()) {
      const back = await connect(restarted, { role: "participant", participantToken: phone.join.participantToken });
      sockets.push(back);
      const view = await must<ParticipantView>(back, "participant:sync");
      expect(view.session.columns.map((c) => c.label)).toEqual(["Leader", "Manager", "Both"]);
      expect(view.result?.correct).toBe(received[i]!.correct);
      expect(view.result?.total).toBe(5);
      expect(view.result?.cards.map((c) => [c.statementId, c.canonical, c.correct]).sort()).toEqual(
        received[i]!.cards.map((c) => [c.statementId, c.canonical, c.correct]).sort(),
      );
    }
    const afterRestart = await withDb(restarted, async (c) => (await c.query(`SELECT deck_snapshot FROM workshops WHERE id = $1`, [session.id])).rows[0].deck_snapshot);
    expect(afterRestart).toStrictEqual(before.snapshot);
  });
});

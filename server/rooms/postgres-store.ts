import { cardKey } from "@/lib/room";
import { parseDeck } from "@/lib/decks/schema";
import { insertParticipantIfOpen, markParticipantRemoved, setParticipantBanned } from "@/lib/db/participants/writes";
import { listParticipants } from "@/lib/db/participants/reads";
import { findPlacements, listPlacements, maxSeqByParticipant } from "@/lib/db/placements/reads";
import { writePlacements } from "@/lib/db/placements/writes";
import { listSubmissions } from "@/lib/db/submissions/reads";
import { finalizeRound, insertSubmission } from "@/lib/db/submissions/writes";
import { findWorkshopById } from "@/lib/db/workshops/reads";
import { updateWorkshopState } from "@/lib/db/workshops/writes";
import type { PlacementOutcome, PlacementRow, RoomStore, StoredRoom, StoredRound } from "@/lib/room";


/** The room store on Postgres (the `workshops` row and its participants, placements and
 *  submissions), through lib/db. Every state-dependent write is guarded in SQL. */
export const postgresRoomStore: RoomStore = {
  async loadRoom(roomId) {
    const row = await findWorkshopById(roomId);
    if (!row) return null;
    const parsed = parseDeck(row.deckSnapshot);
    if (!parsed.ok) throw new Error(`Session ${row.id} has an invalid deck snapshot: ${parsed.errors[0]?.message}`);
    const room: StoredRoom = {
      settings: {
        id: row.id,
        ownerId: row.ownerId,
        code: row.code,
        title: row.title,
        presenterKey: row.presenterKey,
        deck: parsed.deck,
        maxRounds: row.maxRounds,
        cohortOptions: row.cohortOptions,
      },
      phase: row.phase,
      round: row.round,
      locked: row.locked,
      timer: { endsAt: row.timerEndsAt?.getTime() ?? null, remainingMs: row.timerRemainingMs },
      discussionIndex: row.discussionIndex,
      showLiveSplits: row.showLiveSplits,
    };
    return room;
  },

  async loadRound(roomId, round): Promise<StoredRound> {
    const [participants, placements, submissions, lastSeq] = await Promise.all([
      listParticipants(roomId),
      listPlacements(roomId, round),
      listSubmissions(roomId),
      maxSeqByParticipant(roomId),
    ]);
    return {
      round,
      members: participants.map((p) => ({ id: p.id, nickname: p.nickname, nicknameKey: p.nicknameKey, cohort: p.cohort, kicked: p.kicked, banned: p.banned, joinedAt: p.joinedAt.getTime() })),
      placements,
      submissions: submissions.filter((s) => s.round === round),
      lastSeq,
    };
  },

  insertParticipant(roomId, member, tokenHash) {
    return insertParticipantIfOpen({ id: member.id, workshopId: roomId, nickname: member.nickname, nicknameKey: member.nicknameKey, tokenHash, cohort: member.cohort, joinedAt: new Date(member.joinedAt) });
  },

  async writePlacements(rows: readonly PlacementRow[]): Promise<PlacementOutcome[]> {
    const applied = await writePlacements(rows.map((r) => ({ ...r, workshopId: r.roomId, placedAt: new Date(r.placedAt) })));
    const appliedKeys = new Set(applied.map(cardKey));
    // Not written: tell a retried send (same move stored) from a stale one and from a refusal.
    const stored = new Map((await findPlacements(rows.filter((r) => !appliedKeys.has(cardKey(r))))).map((s) => [cardKey(s), s]));
    return rows.map((r) => {
      if (appliedKeys.has(cardKey(r))) return "applied";
      const s = stored.get(cardKey(r));
      if (s && s.seq === r.seq && s.column === r.column) return "duplicate";
      if (s && s.seq >= r.seq) return "stale";
      return "rejected";
    });
  },

  async insertSubmissions(roomId, rows) {
    // Concurrent submits share one INSERT (lib/db coalesces them).
    const stored = await Promise.all(rows.map((r) => insertSubmission({ workshopId: roomId, participantId: r.participantId, round: r.round, submittedAt: new Date(r.submittedAt), byParticipant: true })));
    return new Set(rows.filter((_, i) => stored[i]).map((r) => r.participantId));
  },

  updateRoom(roomId, patch, expected, at, closedAt) {
    return updateWorkshopState(roomId, { ...patch, closedAt: closedAt === undefined ? undefined : new Date(closedAt) }, new Date(at), expected);
  },

  removeParticipant: (participantId, banned) => markParticipantRemoved(participantId, banned),
  setBanned: (participantId, banned) => setParticipantBanned(participantId, banned),
  finalizeRound: (roomId, round, at, scores) => finalizeRound(roomId, round, new Date(at), scores.map((s) => ({ participantId: s.participantId, score: s.correct, total: s.total }))),
};

import type { Phase } from "@/lib/domain/phases";
import type { PlacementOutcome, PlacementRow, RoomPatch, RoomStore, RoundScore, StoredMember, StoredRoom, StoredRound } from "@/lib/room";

/**
 * A RoomStore in memory for tests, with the same guards as the Postgres one (placements only while
 * sorting in that round, before the timer ran out, before submit, for members not removed, newer
 * seq wins; joins only while the lobby or sorting is open and unlocked; phase changes
 * compare-and-set). A test can hold any method open (`hold`) to land other commands while that
 * write is in flight, as a slow database would. Guards are checked when a call starts, like a
 * statement's snapshot: a write held open commits what it saw then.
 */
export type StoreMethod = Exclude<keyof RoomStore, never>;

interface Gate {
  reached: Promise<void>;
  release(): void;
}

interface Row {
  room: StoredRoom;
  closedAt: number | null;
  members: Map<string, StoredMember & { tokenHash: string }>;
  placements: Map<string, { participantId: string; round: number; statementKey: string; column: string | null; confidence: "sure" | "unsure" | null; seq: number }>;
  submissions: Map<string, { participantId: string; round: number; byParticipant: boolean; score: number | null; total: number | null }>;
}

export class MemoryRoomStore implements RoomStore {
  readonly rooms = new Map<string, Row>();
  /** Calls per method, for tests of batching. */
  readonly calls: Record<string, number> = {};
  private readonly holds = new Map<string, { wait: Promise<void>; reached: () => void }[]>();

  add(room: StoredRoom): void {
    this.rooms.set(room.settings.id, { room: structuredClone(room), closedAt: null, members: new Map(), placements: new Map(), submissions: new Map() });
  }

  /** The next call of `method` waits (after checking its guards) until `release()`. */
  hold(method: StoreMethod): Gate {
    let release!: () => void;
    let reached!: () => void;
    const wait = new Promise<void>((r) => (release = r));
    const reachedP = new Promise<void>((r) => (reached = r));
    const list = this.holds.get(method) ?? [];
    list.push({ wait, reached });
    this.holds.set(method, list);
    return { reached: reachedP, release };
  }

  private async gate(method: StoreMethod): Promise<void> {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    const held = this.holds.get(method)?.shift();
    if (held) {
      held.reached();
      await held.wait;
    }
  }

  private row(roomId: string): Row {
    const row = this.rooms.get(roomId);
    if (!row) throw new Error(`no room ${roomId}`);
    return row;
  }

  async loadRoom(roomId: string): Promise<StoredRoom | null> {
    const row = this.rooms.get(roomId);
    const room = row ? structuredClone(row.room) : null;
    await this.gate("loadRoom");
    return room;
  }

  async loadRound(roomId: string, round: number): Promise<StoredRound> {
    const row = this.row(roomId);
    const lastSeq = new Map<string, number>();
    for (const p of row.placements.values()) lastSeq.set(p.participantId, Math.max(lastSeq.get(p.participantId) ?? 0, p.seq));
    const snapshot: StoredRound = {
      round,
      members: [...row.members.values()].map(({ tokenHash: _t, ...m }) => ({ ...m })),
      placements: [...row.placements.values()].filter((p) => p.round === round).map(({ round: _r, ...p }) => ({ ...p })),
      submissions: [...row.submissions.values()].filter((s) => s.round === round).map(({ round: _r, ...s }) => ({ ...s })),
      lastSeq,
    };
    await this.gate("loadRound");
    return snapshot;
  }

  async insertParticipant(roomId: string, member: StoredMember, tokenHash: string): Promise<"inserted" | "nicknameTaken" | "refused"> {
    const row = this.row(roomId);
    const open = (row.room.phase === "lobby" || row.room.phase === "sorting") && !row.room.locked;
    const taken = [...row.members.values()].some((m) => m.nicknameKey === member.nicknameKey);
    await this.gate("insertParticipant");
    if (!open) return "refused";
    if (taken || [...row.members.values()].some((m) => m.nicknameKey === member.nicknameKey)) return "nicknameTaken";
    row.members.set(member.id, { ...member, tokenHash });
    return "inserted";
  }

  async writePlacements(rows: readonly PlacementRow[]): Promise<PlacementOutcome[]> {
    const eligible = rows.map((r) => {
      const row = this.row(r.roomId);
      const w = row.room;
      const m = row.members.get(r.participantId);
      return (
        w.phase === "sorting" &&
        w.round === r.round &&
        (w.timer.endsAt === null || w.timer.endsAt > r.placedAt) &&
        m !== undefined &&
        !m.kicked &&
        !row.submissions.has(`${r.participantId}|${r.round}`)
      );
    });
    await this.gate("writePlacements");
    return rows.map((r, i) => {
      const row = this.row(r.roomId);
      const key = `${r.participantId}|${r.round}|${r.statementKey}`;
      const stored = row.placements.get(key);
      if (eligible[i] && (!stored || stored.seq < r.seq)) {
        row.placements.set(key, { participantId: r.participantId, round: r.round, statementKey: r.statementKey, column: r.column, confidence: r.confidence, seq: r.seq });
        return "applied";
      }
      if (stored && stored.seq === r.seq && stored.column === r.column) return "duplicate";
      if (stored && stored.seq >= r.seq) return "stale";
      return "rejected";
    });
  }

  async insertSubmissions(roomId: string, rows: readonly { participantId: string; round: number; submittedAt: number }[]): Promise<Set<string>> {
    await this.gate("insertSubmissions");
    const row = this.row(roomId);
    const stored = new Set<string>();
    for (const s of rows) {
      const key = `${s.participantId}|${s.round}`;
      if (row.submissions.has(key)) continue;
      row.submissions.set(key, { participantId: s.participantId, round: s.round, byParticipant: true, score: null, total: null });
      stored.add(s.participantId);
    }
    return stored;
  }

  async updateRoom(roomId: string, patch: RoomPatch, expected: { phase: Phase; round: number }, _at: number, closedAt?: number): Promise<boolean> {
    await this.gate("updateRoom");
    const row = this.row(roomId);
    if (row.room.phase !== expected.phase || row.room.round !== expected.round) return false;
    Object.assign(row.room, structuredClone(patch));
    if (closedAt !== undefined) row.closedAt = closedAt;
    return true;
  }

  async removeParticipant(participantId: string, banned: boolean): Promise<void> {
    await this.gate("removeParticipant");
    for (const row of this.rooms.values()) {
      const m = row.members.get(participantId);
      if (m) Object.assign(m, { kicked: true, banned });
    }
  }

  async setBanned(participantId: string, banned: boolean): Promise<void> {
    await this.gate("setBanned");
    for (const row of this.rooms.values()) {
      const m = row.members.get(participantId);
      if (m) m.banned = banned;
    }
  }

  async finalizeRound(roomId: string, round: number, _at: number, scores: readonly RoundScore[]): Promise<void> {
    await this.gate("finalizeRound");
    const row = this.row(roomId);
    for (const s of scores) {
      const key = `${s.participantId}|${round}`;
      const existing = row.submissions.get(key);
      row.submissions.set(key, { participantId: s.participantId, round, byParticipant: existing?.byParticipant ?? false, score: s.correct, total: s.total });
    }
  }
}

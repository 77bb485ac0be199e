import { parseDeck } from "@/lib/decks/schema";
import type { Deck } from "@/lib/decks/types";
import type { ExportPlacement } from "@/lib/domain/report-export";
import type { ReportFrame, ReportInput, ReportSessionInput } from "@/lib/domain/report";
import { db } from "../client";
import { Prisma } from "../generated/client";

/** Reads for results review (reports, exports, comparisons, session lists). No permission logic:
 *  callers pass explicit ids and check ownership at the edge (pages, route handlers). */

export class SnapshotError extends Error {}

function snapshotDeck(workshopId: string, snapshot: unknown): Deck {
  const parsed = parseDeck(snapshot);
  if (!parsed.ok) throw new SnapshotError(`Session ${workshopId} has an invalid deck snapshot: ${parsed.errors.map((e) => `${e.path} ${e.message}`).join("; ")}`);
  return parsed.deck;
}

const sessionSelect = {
  id: true,
  ownerId: true,
  title: true,
  code: true,
  phase: true,
  round: true,
  maxRounds: true,
  createdAt: true,
  closedAt: true,
  deckId: true,
  deckSnapshot: true,
} satisfies Prisma.WorkshopSelect;

export interface OwnedFrame extends ReportFrame {
  ownerId: string;
  deckId: string | null;
}

export interface OwnedReportInput extends ReportInput {
  ownerId: string;
  deckId: string | null;
}

/** Who owns a session (null when there is no such session). Cheap: check this before loading. */
export async function findSessionOwner(workshopId: string): Promise<string | null> {
  const row = await db().workshop.findUnique({ where: { id: workshopId }, select: { ownerId: true } });
  return row?.ownerId ?? null;
}

/** Reads of a whole report run in one repeatable-read transaction (one consistent snapshot). A
 *  5,000-participant session is read in well under a second, but a busy database may be slower
 *  than Prisma's default 5 s transaction timeout. */
const READ_TRANSACTION = { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, maxWait: 10_000, timeout: 60_000 };

interface PlacementGroupRow {
  participant_id: string;
  round: number;
  keys: string[];
  columns: (string | null)[];
  confidences: (string | null)[];
}

interface ExportGroupRow extends PlacementGroupRow {
  placed: string[];
}

const confidenceOf = (v: string | null): "sure" | "unsure" | null => (v === "sure" || v === "unsure" ? v : null);

/** Placements come back grouped per participant × round as parallel arrays: ~30× fewer rows for
 *  the driver to decode than one row per card, which dominates the time of large reports. */
function placementGroups(workshopId: string) {
  return db().$queryRaw<PlacementGroupRow[]>`
    SELECT participant_id, round, array_agg(statement_key) AS keys, array_agg("column") AS columns, array_agg(confidence::text) AS confidences
    FROM placements WHERE workshop_id = ${workshopId}::uuid
    GROUP BY participant_id, round`;
}

function ungroup(groups: readonly PlacementGroupRow[]): ReportInput["placements"] {
  const out: ReportInput["placements"][number][] = [];
  for (const g of groups) {
    for (let i = 0; i < g.keys.length; i++) {
      out.push({ participantId: g.participant_id, round: g.round, statementKey: g.keys[i]!, column: g.columns[i] ?? null, confidence: confidenceOf(g.confidences[i] ?? null) });
    }
  }
  return out;
}

/** Everything a report needs for one session (five queries in one transaction), or null when
 *  there is no such session. */
export async function loadReportInput(workshopId: string): Promise<OwnedReportInput | null> {
  const [workshop, participants, groups, submissions, phaseEvents] = await db().$transaction(
    [
      db().workshop.findUnique({ where: { id: workshopId }, select: sessionSelect }),
      participantsQuery(workshopId),
      placementGroups(workshopId),
      submissionsQuery(workshopId),
      phaseEventsQuery(workshopId),
    ],
    READ_TRANSACTION,
  );
  if (!workshop) return null;
  return { ...frameOf(workshop, participants, submissions, phaseEvents), placements: ungroup(groups) };
}

/** A report frame without placements (an export streams those page by page). */
export async function loadExportFrame(workshopId: string): Promise<OwnedFrame | null> {
  const [workshop, participants, submissions, phaseEvents] = await db().$transaction(
    [db().workshop.findUnique({ where: { id: workshopId }, select: sessionSelect }), participantsQuery(workshopId), submissionsQuery(workshopId), phaseEventsQuery(workshopId)],
    READ_TRANSACTION,
  );
  if (!workshop) return null;
  return frameOf(workshop, participants, submissions, phaseEvents);
}

/** Placements (every round) of some participants of a session: one page of an export. Times come
 *  back as ISO 8601 text in UTC with milliseconds (what Date.toISOString writes). */
export async function listPlacementsOf(workshopId: string, participantIds: readonly string[]): Promise<ExportPlacement[]> {
  if (participantIds.length === 0) return [];
  const groups = await db().$queryRaw<ExportGroupRow[]>`
    SELECT participant_id, round, array_agg(statement_key) AS keys, array_agg("column") AS columns, array_agg(confidence::text) AS confidences,
           array_agg(to_char(placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS placed
    FROM placements WHERE workshop_id = ${workshopId}::uuid AND participant_id = ANY(${[...participantIds]}::uuid[])
    GROUP BY participant_id, round`;
  const out: ExportPlacement[] = [];
  for (const g of groups) {
    for (let i = 0; i < g.keys.length; i++) {
      out.push({
        participantId: g.participant_id,
        round: g.round,
        statementKey: g.keys[i]!,
        column: g.columns[i] ?? null,
        confidence: confidenceOf(g.confidences[i] ?? null),
        placedAt: g.placed[i]!,
      });
    }
  }
  return out;
}

function participantsQuery(workshopId: string) {
  return db().participant.findMany({
    where: { workshopId },
    select: { id: true, nickname: true, cohort: true, kicked: true, joinedAt: true },
    orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
  });
}

function submissionsQuery(workshopId: string) {
  return db().submission.findMany({
    where: { workshopId },
    select: { participantId: true, round: true, submittedAt: true, byParticipant: true, score: true, total: true },
  });
}

function phaseEventsQuery(workshopId: string) {
  return db().phaseEvent.findMany({ where: { workshopId }, select: { phase: true, round: true, at: true }, orderBy: [{ at: "asc" }, { id: "asc" }] });
}

type SessionRow = Prisma.WorkshopGetPayload<{ select: typeof sessionSelect }>;

function frameOf(
  workshop: SessionRow,
  participants: ReportFrame["participants"],
  submissions: ReportFrame["submissions"],
  phaseEvents: ReportFrame["phaseEvents"],
): OwnedFrame {
  const session: ReportSessionInput = {
    id: workshop.id,
    title: workshop.title,
    code: workshop.code,
    phase: workshop.phase,
    round: workshop.round,
    maxRounds: workshop.maxRounds,
    createdAt: workshop.createdAt,
    closedAt: workshop.closedAt,
  };
  return {
    ownerId: workshop.ownerId,
    deckId: workshop.deckId,
    session,
    deck: snapshotDeck(workshop.id, workshop.deckSnapshot),
    participants,
    submissions,
    phaseEvents,
  };
}

// ── session lists ─────────────────────────────────────────────────────────────────────────────

export interface SessionFilter {
  deckId?: string;
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  before?: Date;
  /** 1-based. */
  page: number;
  perPage: number;
}

export interface SessionListItem {
  id: string;
  title: string;
  code: string;
  phase: SessionRow["phase"];
  round: number;
  maxRounds: number;
  createdAt: Date;
  closedAt: Date | null;
  deckId: string | null;
  deckTitle: string;
  /** Participants not removed. */
  participants: number;
  /** Mean of the stored scores of the latest revealed round; null before any reveal. */
  meanScore: number | null;
  scoredRound: number | null;
  /** Statements in the session's deck (what a score is out of). */
  total: number;
}

interface SessionListRow {
  id: string;
  title: string;
  code: string;
  phase: SessionRow["phase"];
  round: number;
  max_rounds: number;
  created_at: Date;
  closed_at: Date | null;
  deck_id: string | null;
  deck_title: string;
  participants: number;
  mean_score: number | null;
  scored_round: number | null;
  total: number;
}

function sessionWhere(ownerId: string, filter: Omit<SessionFilter, "page" | "perPage">): Prisma.Sql {
  const parts = [Prisma.sql`w.owner_id = ${ownerId}::uuid`];
  if (filter.deckId) parts.push(Prisma.sql`w.deck_id = ${filter.deckId}::uuid`);
  if (filter.from) parts.push(Prisma.sql`w.created_at >= ${filter.from}`);
  if (filter.before) parts.push(Prisma.sql`w.created_at < ${filter.before}`);
  return Prisma.join(parts, " AND ");
}

/** A facilitator's sessions, newest first, one page at a time, with the total count. */
export async function listSessions(ownerId: string, filter: SessionFilter): Promise<{ items: SessionListItem[]; total: number }> {
  const where = sessionWhere(ownerId, filter);
  const offset = (filter.page - 1) * filter.perPage;
  const [rows, count] = await Promise.all([
    db().$queryRaw<SessionListRow[]>`
      SELECT w.id, w.title, w.code, w.phase, w.round, w.max_rounds, w.created_at, w.closed_at, w.deck_id,
             COALESCE(w.deck_snapshot->>'title', '') AS deck_title,
             COALESCE(jsonb_array_length(w.deck_snapshot->'statements'), 0)::int AS total,
             (SELECT count(*)::int FROM participants p WHERE p.workshop_id = w.id AND NOT p.kicked) AS participants,
             sc.mean_score, sc.scored_round
      FROM workshops w
      LEFT JOIN LATERAL (
        SELECT s.round AS scored_round, avg(s.score)::float8 AS mean_score
        FROM submissions s JOIN participants p ON p.id = s.participant_id AND NOT p.kicked
        WHERE s.workshop_id = w.id AND s.score IS NOT NULL
        GROUP BY s.round ORDER BY s.round DESC LIMIT 1
      ) sc ON true
      WHERE ${where}
      ORDER BY w.created_at DESC, w.id DESC
      LIMIT ${filter.perPage} OFFSET ${offset}`,
    db().$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM workshops w WHERE ${where}`,
  ]);
  return {
    total: count[0]?.count ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      code: r.code,
      phase: r.phase,
      round: r.round,
      maxRounds: r.max_rounds,
      createdAt: r.created_at,
      closedAt: r.closed_at,
      deckId: r.deck_id,
      deckTitle: r.deck_title,
      participants: r.participants,
      meanScore: r.mean_score,
      scoredRound: r.scored_round,
      total: r.total,
    })),
  };
}

export interface DeckOption {
  id: string;
  slug: string | null;
  title: string;
  sessions: number;
}

/** The decks a facilitator has run sessions of (for the deck filter and comparisons). */
export async function listSessionDecks(ownerId: string): Promise<DeckOption[]> {
  const rows = await db().$queryRaw<DeckOption[]>`
    SELECT d.id, d.slug, d.title, count(w.id)::int AS sessions
    FROM workshops w JOIN decks d ON d.id = w.deck_id
    WHERE w.owner_id = ${ownerId}::uuid
    GROUP BY d.id, d.slug, d.title
    ORDER BY d.title, d.id`;
  return rows;
}

// ── comparisons ───────────────────────────────────────────────────────────────────────────────

export interface ComparedSessionRows {
  id: string;
  title: string;
  phase: SessionRow["phase"];
  round: number;
  createdAt: Date;
  deck: Deck;
  /** Participants not removed. */
  participants: number;
  /** round → participants not removed who have a submission, and whether any score was stored. */
  submissions: Map<number, { count: number; scored: boolean }>;
  sortingRounds: Set<number>;
  /** round → statement → column → placements by participants not removed. */
  counts: Map<number, Map<string, Map<string, number>>>;
}

/** A deck by id or slug. */
export async function findDeckRef(ref: string): Promise<{ id: string; slug: string | null; title: string } | null> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  return db().deck.findFirst({ where: isUuid ? { id: ref } : { slug: ref }, select: { id: true, slug: true, title: true } });
}

/** A facilitator's sessions of one deck, oldest first, with aggregated placements (four queries,
 *  whatever the number of sessions; no per-participant rows). */
export async function loadDeckComparisonRows(ownerId: string, deckId: string): Promise<ComparedSessionRows[]> {
  const workshops = await db().workshop.findMany({
    where: { ownerId, deckId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, phase: true, round: true, createdAt: true, deckSnapshot: true },
  });
  if (workshops.length === 0) return [];
  const ids = workshops.map((w) => w.id);
  const [counts, people, submitted, sorting] = await Promise.all([
    db().$queryRaw<{ workshop_id: string; round: number; statement_key: string; column: string; n: number }[]>`
      SELECT pl.workshop_id, pl.round, pl.statement_key, pl."column", count(*)::int AS n
      FROM placements pl JOIN participants p ON p.id = pl.participant_id AND NOT p.kicked
      WHERE pl.workshop_id = ANY(${ids}::uuid[]) AND pl."column" IS NOT NULL
      GROUP BY 1, 2, 3, 4`,
    db().$queryRaw<{ workshop_id: string; n: number }[]>`
      SELECT workshop_id, count(*)::int AS n FROM participants WHERE workshop_id = ANY(${ids}::uuid[]) AND NOT kicked GROUP BY 1`,
    db().$queryRaw<{ workshop_id: string; round: number; n: number; scored: boolean }[]>`
      SELECT s.workshop_id, s.round, count(*)::int AS n, bool_or(s.score IS NOT NULL) AS scored
      FROM submissions s JOIN participants p ON p.id = s.participant_id AND NOT p.kicked
      WHERE s.workshop_id = ANY(${ids}::uuid[]) GROUP BY 1, 2`,
    db().$queryRaw<{ workshop_id: string; round: number }[]>`
      SELECT DISTINCT workshop_id, round FROM phase_events WHERE workshop_id = ANY(${ids}::uuid[]) AND phase = 'sorting'`,
  ]);
  const byId = new Map<string, ComparedSessionRows>(
    workshops.map((w) => [
      w.id,
      {
        id: w.id,
        title: w.title,
        phase: w.phase,
        round: w.round,
        createdAt: w.createdAt,
        deck: snapshotDeck(w.id, w.deckSnapshot),
        participants: 0,
        submissions: new Map(),
        sortingRounds: new Set(),
        counts: new Map(),
      },
    ]),
  );
  for (const r of people) byId.get(r.workshop_id)!.participants = r.n;
  for (const r of submitted) byId.get(r.workshop_id)!.submissions.set(r.round, { count: r.n, scored: r.scored });
  for (const r of sorting) byId.get(r.workshop_id)!.sortingRounds.add(r.round);
  for (const r of counts) {
    const rounds = byId.get(r.workshop_id)!.counts;
    let statements = rounds.get(r.round);
    if (!statements) rounds.set(r.round, (statements = new Map()));
    let columns = statements.get(r.statement_key);
    if (!columns) statements.set(r.statement_key, (columns = new Map()));
    columns.set(r.column, r.n);
  }
  return [...byId.values()];
}

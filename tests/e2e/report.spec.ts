import { expect, test } from "@playwright/test";
import { query } from "./support/db";
import { SignUpPage } from "./pages/auth-pages";
import { ConsolePage, NewSessionForm } from "./pages/facilitator-pages";
import { PhonePage } from "./pages/phone-pages";
import { ReportPage, SessionsPage } from "./pages/report-page";
import { byText, createDeck, label, other, STATEMENTS } from "./support/two-column-deck";


/** Which column each phone taps, by the card's place in the deck: scores 4, 1 and 2. */
const plans: Record<string, (s: { canonical: string }, index: number) => string> = {
  Ana: (s) => s.canonical,
  Ben: (s, i) => (i === 0 ? s.canonical : other(s.canonical)),
  Cleo: () => "leader",
};

interface Snapshot {
  columns: { id: string; label: string }[];
  statements: { id: string; text: string; canonical: string }[];
}

/** Plain CSV with no quoted cells (this session's texts have no commas, quotes or line breaks). */
function parsePlainCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, "");
  expect(body.endsWith("\r\n"), "records end with CRLF").toBe(true);
  const lines = body.slice(0, -2).split("\r\n");
  for (const line of lines) expect(line, "no quoted cells expected").not.toContain('"');
  return lines.map((line) => line.split(","));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const shown = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
/** The same in Italian: a decimal comma. */
const mostrato = (x: number) => shown(x).replace(".", ",");
const CSV_HEADER = ["session_id", "session", "participant", "cohort", "round", "statement_id", "statement", "placed_column", "canonical_column", "correct", "confidence", "placed_at"];

test("the report's figures and the CSV export match the stored placements", async ({ browser }) => {
  test.setTimeout(90_000);
  const host = await SignUpPage.newFacilitator(browser, "report", "Erin");
  const deckTitle = `Report deck ${Date.now()}`;
  await createDeck(host, deckTitle);

  const workshopId = await new NewSessionForm(host).create(deckTitle, { title: "Report session" });
  const console_ = new ConsolePage(host);
  const code = await console_.joinCode();
  await console_.openLobby();

  const phones = await PhonePage.joinEach(browser, code, Object.keys(plans));
  await console_.startSorting();
  const total = STATEMENTS.length;
  await Promise.all(
    Object.entries(phones).map(([name, phone]) =>
      phone.sortByTapping(total, (text) => {
        const s = byText.get(text);
        expect(s, `"${text}" is a statement of the deck`).toBeDefined();
        return label(plans[name]!(s!, STATEMENTS.indexOf(s!)));
      }),
    ),
  );
  await expect(host.getByText(/3 of 3 submitted/)).toBeVisible();
  await console_.reveal();
  for (const phone of Object.values(phones)) await phone.shownScore();

  // ── the figures, computed here from the database rows ──
  const [workshop] = await query<{ deck_snapshot: Snapshot }>(`SELECT deck_snapshot FROM workshops WHERE id = $1`, [workshopId]);
  const deck = workshop!.deck_snapshot;
  const participants = await query<{ id: string; nickname: string }>(
    `SELECT id, nickname FROM participants WHERE workshop_id = $1 AND NOT kicked ORDER BY joined_at, id`,
    [workshopId],
  );
  const placements = await query<{ participant_id: string; round: number; statement_key: string; column: string | null; placed_at: Date }>(
    `SELECT participant_id, round, statement_key, "column", placed_at FROM placements WHERE workshop_id = $1`,
    [workshopId],
  );
  const placementOf = new Map(placements.map((p) => [`${p.participant_id}/${p.round}/${p.statement_key}`, p]));
  const columnOf = (participantId: string, statementId: string) => placementOf.get(`${participantId}/1/${statementId}`)?.column ?? null;
  expect(participants.map((p) => p.nickname)).toEqual(Object.keys(plans));
  expect(placements).toHaveLength(participants.length * total); // every card placed, nothing else

  const scores = participants.map((p) => deck.statements.filter((s) => columnOf(p.id, s.id) === s.canonical).length);
  expect(scores, "scores follow the plans (the phones did what the test meant)").toEqual(
    Object.values(plans).map((plan) => STATEMENTS.filter((s, i) => plan(s, i) === s.canonical).length),
  );
  const stored = await query<{ participant_id: string; score: number }>(`SELECT participant_id, score FROM submissions WHERE workshop_id = $1 AND round = 1`, [workshopId]);
  expect(Object.fromEntries(stored.map((r) => [r.participant_id, r.score]))).toEqual(Object.fromEntries(participants.map((p, i) => [p.id, scores[i]])));

  // ── the report page ──
  const report = new ReportPage(host);
  await report.goto(workshopId);
  await expect(report.figure("Participants")).toHaveText(String(participants.length));
  await expect(report.figure("Submitted")).toHaveText(`${participants.length} (100%)`);
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  await expect(report.figure("Mean score")).toHaveText(`${shown(mean)} / ${total}`);
  await expect(report.figure("Median score")).toHaveText(`${shown(median(scores))} / ${total}`);

  const rows = await report.rows(report.statementsTable());
  expect(rows).toHaveLength(deck.statements.length);
  deck.statements.forEach((s, i) => {
    const row = rows[i]!;
    expect(row.slice(0, 3), `statement ${i + 1}`).toEqual([String(i + 1), s.text, deck.columns.find((c) => c.id === s.canonical)!.label]);
    const placed = participants.map((p) => columnOf(p.id, s.id)).filter((c) => c !== null);
    deck.columns.forEach((c, j) => {
      const count = placed.filter((x) => x === c.id).length;
      expect(row[3 + j], `${s.text} / ${c.label}`).toMatch(new RegExp(`^${count} \\(${Math.round((count / participants.length) * 100)}%\\)`));
    });
    const correct = placed.filter((x) => x === s.canonical).length;
    expect(row[3 + deck.columns.length], `${s.text}: not placed`).toBe(String(participants.length - placed.length));
    expect(row[4 + deck.columns.length], `${s.text}: accuracy`).toBe(`${Math.round((correct / placed.length) * 100)}%`);
  });

  // ── the CSV export: one row per participant × statement × round, equal to the database rows ──
  const href = await report.exportCsvHref();
  expect(href).toBe(`/api/sessions/${workshopId}/export?format=csv`);
  const response = await host.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const [header, ...records] = parsePlainCsv(await response.text());
  expect(header).toEqual(CSV_HEADER);
  const csvRows = records.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]])));
  const expectedRows = participants.flatMap((p) =>
    deck.statements.map((s) => {
      const placement = placementOf.get(`${p.id}/1/${s.id}`);
      return {
        session_id: workshopId,
        session: "Report session",
        participant: p.nickname,
        cohort: "",
        round: "1",
        statement_id: s.id,
        statement: s.text,
        placed_column: placement?.column ?? "",
        canonical_column: s.canonical,
        correct: String(placement?.column === s.canonical),
        confidence: "",
        placed_at: placement ? placement.placed_at.toISOString() : "",
      };
    }),
  );
  expect(csvRows).toEqual(expectedRows);

  // ── the same report and the sessions list in an Italian browser (the export stays English) ──
  const italian = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: "it-IT",
    extraHTTPHeaders: { "Accept-Language": "it-IT,it;q=0.9,en;q=0.5" },
    storageState: await host.context().storageState(),
  });
  const itPage = await italian.newPage();
  const rapporto = new ReportPage(itPage, "it");
  await rapporto.goto(workshopId);
  await expect(itPage.locator("html")).toHaveAttribute("lang", "it");
  await expect(itPage.getByRole("heading", { level: 1 })).toHaveText("Report session");
  await expect(rapporto.summary().getByRole("heading", { level: 2 })).toHaveText("Turno 1 — punteggi alla rivelazione");
  await expect(rapporto.figure("Partecipanti")).toHaveText(String(participants.length));
  await expect(rapporto.figure("Risposte inviate")).toHaveText(`${participants.length} (100%)`);
  await expect(rapporto.figure("Punteggio medio")).toHaveText(`${mostrato(mean)} / ${total}`);
  await expect(rapporto.figure("Punteggio mediano")).toHaveText(`${mostrato(median(scores))} / ${total}`);
  await expect(itPage.getByText(`Distribuzione dei punteggi, turno 1 (partecipanti per punteggio su ${total})`)).toBeVisible();
  await expect(itPage.locator("svg text", { hasText: `Punteggio (su ${total})` })).toBeVisible();
  await expect(itPage.getByRole("list", { name: "Legenda" })).toContainText("Non posizionate");

  const table = rapporto.statementsTable();
  expect((await table.locator("thead th").allTextContents()).map((h) => h.trim())).toEqual([
    "#",
    "Affermazione",
    "Risposta",
    ...deck.columns.map((c) => c.label),
    "Non posizionate",
    "Accuratezza",
    "Divisione",
    "Perlopiù sbagliata",
    "Sicuri ma in errore",
  ]);
  const italianRows = await rapporto.rows(table);
  const figuresOf = (table: string[][]) => table.map((row) => row.slice(0, 3 + deck.columns.length + 2));
  expect(figuresOf(italianRows)).toEqual(figuresOf(rows).map((row) => row.map((cell) => cell.replace(" (correct column)", " (colonna corretta)"))));
  for (const row of italianRows) {
    expect(row[5 + deck.columns.length], "split index with a decimal comma").toMatch(/^[01],\d\d$/);
    expect(["⚠ Sì", "No"]).toContain(row[6 + deck.columns.length]);
  }

  await expect(rapporto.participantsTable().locator("caption")).toHaveText(`${participants.length} partecipanti`);
  await rapporto.anonymizeToggle().check();
  await expect(rapporto.participantsTable().locator("caption")).toHaveText(`${participants.length} partecipanti, resi anonimi (id in ordine di ingresso)`);
  const anonymous = (await rapporto.rows(rapporto.participantsTable())).map((row) => row[0]);
  for (const name of Object.keys(plans)) expect(anonymous).not.toContain(name);
  const italianHref = await rapporto.exportCsvHref();
  expect(italianHref).toBe(`/api/sessions/${workshopId}/export?format=csv&anonymize=1`);
  expect(parsePlainCsv(await (await itPage.request.get(italianHref!)).text())[0]).toEqual(CSV_HEADER);

  const list = new SessionsPage(itPage);
  await list.goto();
  await expect(itPage.getByRole("heading", { level: 1 })).toHaveText("Le tue sessioni");
  await expect(itPage.getByRole("heading", { level: 2, name: "1 sessione" })).toBeVisible();
  expect((await list.table().locator("thead th").allTextContents()).map((h) => h.trim())).toEqual(["Data (UTC)", "Sessione", "Mazzo", "Partecipanti", "Punteggio medio", "Stato", "Link"]);
  const [listed, ...others] = await list.rows();
  expect(others).toEqual([]);
  expect(listed![0], "an Italian date: day, lower-case month, year").toMatch(/^\d{1,2} [a-z]{3} \d{4}$/);
  expect(listed!.slice(1)).toEqual([
    "Report session",
    deckTitle,
    String(participants.length),
    `${mostrato(mean)} / ${total} (${Math.round((mean / total) * 100)}%)`,
    "Risposte rivelate",
    "Report · Console",
  ]);
  await expect(itPage.getByRole("link", { name: "Report di Report session" })).toHaveAttribute("href", `/reports/${workshopId}`);

  await list.goto("?from=2000-01-01&to=2000-01-02");
  await expect(itPage.getByRole("heading", { level: 2, name: "0 sessioni corrispondono" })).toBeVisible();
  await expect(itPage.getByText("Nessuna sessione corrisponde a questi filtri.")).toBeVisible();
  await list.goto("?from=ieri");
  await expect(itPage.getByText("“Dal” deve essere una data. Vengono mostrate tutte le sessioni.")).toBeVisible();
  await italian.close();
});

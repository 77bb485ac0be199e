import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DeckEditorPage } from "./pages/deck-editor-page";

const unique = () => `decks-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/** A fresh facilitator account, signed in (the sign-up form signs in and opens the dashboard). */
async function signUp(page: Page): Promise<void> {
  await page.goto("/signup");
  await page.getByRole("textbox", { name: "Email" }).fill(unique());
  await page.getByLabel("Password", { exact: true }).fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/dashboard");
}

test("a facilitator builds a 3-column deck (Leader / Manager / Both) in the editor and sees it listed", async ({ page }) => {
  await signUp(page);
  const editor = new DeckEditorPage(page);
  await editor.gotoNew();
  await expect(page.getByRole("heading", { name: "New deck", level: 1 })).toBeVisible();

  await editor.title.fill("Leader, manager or both?");
  await editor.column(1).fill("Leader");
  await editor.column(2).fill("Manager");
  await editor.button("Add column").click();
  await expect(editor.column(3)).toBeFocused();
  await editor.column(3).fill("Both");

  await editor.text(1).fill("Sets the direction");
  await editor.belongsIn(1).selectOption({ label: "Leader" });
  await editor.addStatement("Keeps the budget", "Manager");
  await editor.addStatement("Owns the outcome", "Both");
  await expect(page.getByText("3 of at most 100 statements")).toBeVisible();

  // Mistakes get clear messages next to their fields and in a summary.
  await editor.addStatement("  sets THE direction ", "");
  await editor.button("Create deck").click();
  await expect(editor.summary()).toContainText("The deck cannot be saved yet: 2 problems to fix.");
  await expect(editor.text(4)).toHaveAttribute("aria-invalid", "true");
  await expect(editor.text(4)).toHaveAccessibleDescription("Same text as statement 1: each statement must be different.");
  await expect(editor.belongsIn(4)).toHaveAttribute("aria-invalid", "true");
  await expect(editor.belongsIn(4)).toHaveAccessibleDescription("Choose the column this statement belongs in: Leader, Manager, Both.");
  await editor.button("Remove statement 4").click();
  await expect(editor.summary()).toHaveCount(0);

  // Reorder with the keyboard: focus stays with the moved statement.
  await page.getByRole("button", { name: "Move statement 3 up" }).click();
  await expect(editor.text(2)).toHaveValue("Owns the outcome");
  await expect(page.getByRole("button", { name: "Move statement 2 up" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(editor.text(1)).toHaveValue("Owns the outcome");
  await expect(page.getByRole("button", { name: "Move statement 1 down" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(editor.text(2)).toHaveValue("Owns the outcome");

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  await editor.button("Create deck").click();
  await page.waitForURL(/\/decks\/[0-9a-f-]{36}\?notice=created$/);
  await expect(page.getByText("Deck created.")).toBeVisible();
  await expect(editor.column(3)).toHaveValue("Both");
  await expect(editor.text(2)).toHaveValue("Owns the outcome");

  // An edit saves in place and bumps the version.
  await editor.text(3).fill("Keeps to the budget");
  await expect(page.getByText("Unsaved changes.")).toBeVisible();
  await editor.button("Save deck").click();
  await expect(page.getByText("Saved. This is version 2 of the deck.")).toBeVisible();

  await page.getByRole("link", { name: "Back to decks" }).click();
  await page.waitForURL(/\/decks$/);
  const own = page.getByRole("region", { name: "Your decks" });
  const item = own.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Leader, manager or both?" }) });
  await expect(item).toContainText("3 statements");
  await expect(item).toContainText("Columns: Leader / Manager / Both");
  await expect(item).toContainText("Version 2");

  const exportLink = item.getByRole("link", { name: /Export CSV/ });
  const csv = await page.request.get((await exportLink.getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  const body = await csv.text();
  expect(body).toContain("column,both,Both,,");
  expect(body).toContain("statement,keeps-the-budget,Keeps to the budget,manager,");

  const listAxe = await new AxeBuilder({ page }).analyze();
  expect(listAxe.violations.map((v) => v.id)).toEqual([]);
});

test("a bad deck file imports nothing and lists its problems by line", async ({ page }) => {
  await signUp(page);
  await page.goto("/decks");
  const bad = ["kind,id,text,canonical,explanation", "title,,Broken,,", "language,,en,,", "column,leader,Leader,,", "column,manager,Manager,,", "statement,,Sets the direction,both,"].join("\n");
  await page.getByLabel("Deck file (CSV or JSON)").setInputFiles({ name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: /broken\.csv/ });
  await expect(alert).toContainText("“broken.csv” was not imported (1 problem); nothing was saved.");
  await expect(alert).toContainText("line 6: canonical column 'both' is not one of leader, manager");
  await expect(page.getByRole("region", { name: "Your decks" })).toContainText("No decks of your own yet.");

  await page.getByLabel("Deck file (CSV or JSON)").setInputFiles({ name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(2 * 1024 * 1024, "x") });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /huge\.csv/ })).toContainText("The file is too large: a deck file can be at most 512 KB.");
  await expect(page.getByRole("region", { name: "Your decks" })).toContainText("No decks of your own yet.");
});

test("in Italian: the editor speaks Italian, its problems are in Italian, and moving columns keeps every answer", async ({ browser }) => {
  const context = await browser.newContext({ locale: "it-IT", extraHTTPHeaders: { "Accept-Language": "it-IT,it;q=0.9" } });
  const page = await context.newPage();

  // Sign-up field errors come from lib/auth as issue codes, shown in Italian.
  await page.goto("/signup");
  await page.getByRole("textbox", { name: "Email" }).fill("non-una-email");
  await page.getByLabel("Password", { exact: true }).fill("corta");
  await page.getByRole("button", { name: "Crea account" }).click();
  await expect(page.getByRole("textbox", { name: "Email" })).toHaveAccessibleDescription("Inserisci un indirizzo email valido");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/Usa almeno 8 caratteri/);
  await page.getByRole("textbox", { name: "Email" }).fill(unique());
  await page.getByLabel("Password", { exact: true }).fill("una password abbastanza lunga");
  await page.getByRole("button", { name: "Crea account" }).click();
  await page.waitForURL("**/dashboard");

  const editor = new DeckEditorPage(page, "it");
  await editor.gotoNew();
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page.getByRole("heading", { name: "Nuovo mazzo", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Colonne", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Affermazioni", level: 2 })).toBeVisible();
  await expect(editor.button("Aggiungi una colonna")).toBeVisible();

  await editor.column(1).fill("Leader");
  await editor.column(2).fill("Manager");
  await editor.button("Aggiungi una colonna").click();
  await expect(editor.column(3)).toBeFocused();
  await editor.column(3).fill("Entrambi");
  await editor.text(1).fill("Indica la direzione");
  await editor.belongsIn(1).selectOption({ label: "Leader" });
  await editor.addStatement("Tiene il budget", "Manager");
  await editor.addStatement("Risponde del risultato", "Entrambi");
  await editor.addStatement("  indica LA direzione ", "");
  await editor.button("Crea il mazzo").click();

  // Problems from parseDeck (the title) and from the editor model, in Italian, next to their fields.
  await expect(editor.summary()).toContainText("Il mazzo non si può ancora salvare: ci sono 3 problemi da correggere.");
  await expect(editor.title).toHaveAccessibleDescription("Il titolo non può essere vuoto.");
  await expect(editor.text(4)).toHaveAccessibleDescription("Stesso testo dell’affermazione 1: ogni affermazione deve essere diversa.");
  await expect(editor.belongsIn(4)).toHaveAccessibleDescription("Scegli la colonna in cui va questa affermazione: Leader, Manager, Entrambi.");
  await expect(editor.summary().getByRole("link", { name: "Affermazione 4, testo" })).toBeVisible();
  await editor.button("Rimuovi l’affermazione 4").click();
  await editor.title.fill("Leader, manager o entrambi?");
  await expect(editor.summary()).toHaveCount(0);

  // Move "Entrambi" from third to first with the keyboard: focus stays with the moved column.
  await editor.moveColumn(3, "left").focus();
  await page.keyboard.press("Enter");
  await expect(editor.column(2)).toHaveValue("Entrambi");
  await expect(editor.moveColumn(2, "left")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(editor.column(1)).toHaveValue("Entrambi");
  await expect(editor.moveColumn(1, "left")).toBeDisabled();
  await expect(editor.moveColumn(1, "right")).toBeFocused();
  await expect(page.getByText("Colonna spostata a sinistra, in posizione 1 di 3.", { exact: false })).toBeAttached();
  // Every statement still names the column it was given.
  await expect(editor.belongsIn(1).locator("option:checked")).toHaveText("Leader");
  await expect(editor.belongsIn(2).locator("option:checked")).toHaveText("Manager");
  await expect(editor.belongsIn(3).locator("option:checked")).toHaveText("Entrambi");

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  const id = await editor.create();
  await expect(page.getByText("Mazzo creato.")).toBeVisible();
  const expected = [
    ["Indica la direzione", "Leader"],
    ["Tiene il budget", "Manager"],
    ["Risponde del risultato", "Entrambi"],
  ];
  expect(await savedDeck(page, id)).toEqual({ version: 1, title: "Leader, manager o entrambi?", columns: ["Entrambi", "Leader", "Manager"], answers: expected });

  // A saved deck's columns (with their ids) move too: Manager to the middle, then save.
  await editor.moveColumn(3, "left").click();
  await expect(editor.column(2)).toHaveValue("Manager");
  await expect(page.getByText("Modifiche non salvate.")).toBeVisible();
  await editor.button("Salva il mazzo").click();
  await expect(page.getByText("Salvato. Questa è la versione 2 del mazzo.")).toBeVisible();
  expect(await savedDeck(page, id)).toEqual({ version: 2, title: "Leader, manager o entrambi?", columns: ["Entrambi", "Manager", "Leader"], answers: expected });

  // The import problems are in Italian too, line by line.
  await page.goto("/decks");
  await expect(page.getByRole("heading", { name: "Mazzi", level: 1 })).toBeVisible();
  const bad = ["kind,id,text,canonical,explanation", "title,,Rotto,,", "language,,it,,", "column,leader,Leader,,", "column,manager,Manager,,", "statement,,Indica la direzione,both,"].join("\n");
  await page.getByLabel("File del mazzo (CSV o JSON)").setInputFiles({ name: "rotto.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Importa", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: /rotto\.csv/ });
  await expect(alert).toContainText("“rotto.csv” non è stato importato (1 problema); non è stato salvato nulla.");
  await expect(alert).toContainText("riga 6: la colonna corretta 'both' non è tra queste: leader, manager");
  await context.close();
});

test("edits made while a save is in flight are kept, shown as unsaved, and saved next time", async ({ page }) => {
  await signUp(page);
  const editor = new DeckEditorPage(page);
  const id = await editor.createDeck("Leader or manager?", ["Leader", "Manager"], [
    ["Sets the direction", "Leader"],
    ["Keeps the budget", "Manager"],
  ]);
  await expect(editor.saveState).toHaveText("All changes saved.");

  await editor.text(1).fill("Chooses the direction");
  const save = await editor.holdNextSave();
  await editor.button("Save deck").click();
  await save.sent;
  await expect(editor.saveState).toHaveText("Saving…");
  // While the save is in flight: retype statement 2, move it up, add a third one.
  await editor.text(2).fill("Keeps to the budget");
  await page.getByRole("button", { name: "Move statement 2 up" }).click();
  await editor.addStatement("Owns the outcome", "Leader");
  await save.release();

  // The save went through with what was sent; everything typed since is still here, and unsaved.
  await expect(editor.saveState).toHaveText("Unsaved changes.");
  await expect(editor.text(1)).toHaveValue("Keeps to the budget");
  await expect(editor.text(2)).toHaveValue("Chooses the direction");
  await expect(editor.text(3)).toHaveValue("Owns the outcome");
  expect(await savedDeck(page, id)).toEqual({
    version: 2,
    title: "Leader or manager?",
    columns: ["Leader", "Manager"],
    answers: [
      ["Chooses the direction", "Leader"],
      ["Keeps the budget", "Manager"],
    ],
  });

  // Leaving by the page's own link asks first; staying keeps everything.
  const dialogs: string[] = [];
  page.once("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "Back to decks" }).click();
  expect(dialogs).toEqual(["confirm: Your changes to this deck are not saved. Leave the page and lose them?"]);
  await expect(page).toHaveURL(new RegExp(`/decks/${id}$`));
  await expect(editor.text(1)).toHaveValue("Keeps to the budget");

  // The next save starts from the version just saved (no conflict) and stores the rest.
  await editor.button("Save deck").click();
  await expect(editor.saveState).toHaveText("Saved. This is version 3 of the deck.");
  expect(await savedDeck(page, id)).toEqual({
    version: 3,
    title: "Leader or manager?",
    columns: ["Leader", "Manager"],
    answers: [
      ["Keeps to the budget", "Manager"],
      ["Chooses the direction", "Leader"],
      ["Owns the outcome", "Leader"],
    ],
  });
});

test("the server's errors land on their rows, though the rows moved while it checked them", async ({ page }) => {
  await signUp(page);
  const editor = new DeckEditorPage(page);
  const id = await editor.createDeck("Leader or manager?", ["Leader", "Manager"], [
    ["Sets the direction", "Leader"],
    ["Keeps the budget", "Manager"],
    ["Owns the outcome", "Leader"],
  ]);
  // The server finds problems in all three statements (as a server with stricter rules would).
  const save = await editor.holdNextSave((deck) => {
    deck.statements[0]!.text = "x".repeat(201);
    deck.statements[1]!.text = "y".repeat(201);
    deck.statements[2]!.explanation = "z".repeat(1001);
  });
  await editor.title.fill("Leader or manager");
  await editor.button("Save deck").click();
  await save.sent;
  // Meanwhile the first statement is removed and the last moved to the top.
  await editor.button("Remove statement 1").click();
  await page.getByRole("button", { name: "Move statement 2 up" }).click();
  await expect(editor.text(1)).toHaveValue("Owns the outcome");
  await expect(editor.text(2)).toHaveValue("Keeps the budget");
  await save.release();

  await expect(editor.summary()).toContainText("The deck was not saved: fix the problems listed.");
  await expect(editor.summary().getByRole("listitem")).toHaveText([
    "Statement 1, explanation: Statement explanation must be at most 1000 characters (it has 1001).",
    "Statement 2, text: Statement text must be at most 200 characters (it has 201).",
  ]);
  await expect(page.getByLabel("Explanation of statement 1")).toHaveAccessibleDescription("Statement explanation must be at most 1000 characters (it has 1001).");
  await expect(editor.text(1)).not.toHaveAttribute("aria-invalid", "true");
  await expect(editor.text(2)).toHaveAccessibleDescription("Statement text must be at most 200 characters (it has 201).");
  await expect(editor.saveState).toHaveText("Unsaved changes.");
  expect(await savedDeck(page, id)).toMatchObject({ version: 1, title: "Leader or manager?" });
});

test("edits made while a new deck is being created are kept on the deck's page", async ({ page }) => {
  await signUp(page);
  const editor = new DeckEditorPage(page);
  await editor.fillNew("Leader or manager?", ["Leader", "Manager"], [["Sets the direction", "Leader"]]);
  const save = await editor.holdNextSave();
  await editor.button("Create deck").click();
  await save.sent;
  await editor.text(1).fill("Chooses the direction");
  await save.release();

  await page.waitForURL(/\/decks\/[0-9a-f-]{36}(\?notice=created)?$/);
  await expect(page.getByText("Deck created.")).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").at(-1)!;
  await expect(editor.text(1)).toHaveValue("Chooses the direction");
  await expect(editor.saveState).toHaveText("Unsaved changes.");
  // The field being typed in keeps the focus across the page change: typing goes on.
  await expect(editor.text(1)).toBeFocused();
  await page.keyboard.type(" together");
  expect(await savedDeck(page, id)).toMatchObject({ version: 1, answers: [["Sets the direction", "Leader"]] });

  await editor.button("Save deck").click();
  await expect(editor.saveState).toHaveText("Saved. This is version 2 of the deck.");
  expect(await savedDeck(page, id)).toMatchObject({ version: 2, answers: [["Chooses the direction together", "Leader"]] });
});

test("a save from a stale tab does not overwrite the other one: it says so and keeps what was typed", async ({ page }) => {
  await signUp(page);
  const editor = new DeckEditorPage(page);
  const id = await editor.createDeck("Leader or manager?", ["Leader", "Manager"], [["Sets the direction", "Leader"]]);
  const otherPage = await page.context().newPage();
  const other = new DeckEditorPage(otherPage);
  await otherPage.goto(`/decks/${id}`);
  await expect(other.text(1)).toHaveValue("Sets the direction");

  await editor.title.fill("Saved in the first tab");
  await editor.button("Save deck").click();
  await expect(editor.saveState).toHaveText("Saved. This is version 2 of the deck.");

  await other.text(1).fill("Typed in the second tab");
  await other.button("Save deck").click();
  await expect(other.summary()).toContainText("This deck was saved elsewhere since you opened it (it is now at version 2).");
  await expect(other.text(1)).toHaveValue("Typed in the second tab");
  await expect(other.saveState).toHaveText("Unsaved changes.");
  expect(await savedDeck(page, id)).toMatchObject({ version: 2, title: "Saved in the first tab", answers: [["Sets the direction", "Leader"]] });

  // Closing the tab now would lose the edit: the browser asks first.
  const beforeUnload = otherPage.waitForEvent("dialog");
  await otherPage.close({ runBeforeUnload: true });
  const dialog = await beforeUnload;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  await expect(other.text(1)).toHaveValue("Typed in the second tab");

  // Replacing the newer version is the author's explicit choice.
  await other.button("Save mine anyway (replace version 2)").click();
  await expect(other.saveState).toHaveText("Saved. This is version 3 of the deck.");
  expect(await savedDeck(page, id)).toMatchObject({ version: 3, title: "Leader or manager?", answers: [["Typed in the second tab", "Leader"]] });
  await otherPage.close();
});

/** The deck as the server stored it: its version and title, column labels in order, and each
 *  statement's text with the label of its canonical column. */
async function savedDeck(page: Page, id: string): Promise<{ version: number; title: string; columns: string[]; answers: string[][] }> {
  const res = await page.request.get(`/api/decks/${id}`);
  expect(res.status()).toBe(200);
  const { deck } = (await res.json()) as {
    deck: { version: number; title: string; columns: { id: string; label: string }[]; statements: { text: string; canonical: string }[] };
  };
  const label = new Map(deck.columns.map((c) => [c.id, c.label]));
  return {
    version: deck.version,
    title: deck.title,
    columns: deck.columns.map((c) => c.label),
    answers: deck.statements.map((s) => [s.text, label.get(s.canonical) ?? `(no column ${s.canonical})`]),
  };
}

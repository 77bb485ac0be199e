import { expect, type Locator, type Page, type Request, type Route } from "@playwright/test";

/** The editor's words in each UI language, written out here (not read from the messages files)
 *  so that a wrong or missing translation fails the tests. */
const WORDS = {
  en: {
    title: "Title",
    column: (n: number) => `Column ${n}`,
    text: (n: number) => `Text of statement ${n}`,
    belongsIn: (n: number) => `Belongs in (statement ${n})`,
    statementHeading: /^Statement \d+$/,
    addStatement: "Add statement",
    addColumn: "Add column",
    create: "Create deck",
    save: "Save deck",
    moveColumn: (n: number, dir: "left" | "right") => `Move column ${n} ${dir}`,
  },
  it: {
    title: "Titolo",
    column: (n: number) => `Colonna ${n}`,
    text: (n: number) => `Testo dell’affermazione ${n}`,
    belongsIn: (n: number) => `Colonna corretta (affermazione ${n})`,
    statementHeading: /^Affermazione \d+$/,
    addStatement: "Aggiungi un’affermazione",
    addColumn: "Aggiungi una colonna",
    create: "Crea il mazzo",
    save: "Salva il mazzo",
    moveColumn: (n: number, dir: "left" | "right") => `Sposta a ${dir === "left" ? "sinistra" : "destra"} la colonna ${n}`,
  },
};

/** The deck editor (/decks/new, /decks/[id]): user-level actions, no assertions beyond waiting. */
export class DeckEditorPage {
  readonly words: (typeof WORDS)["en"];

  constructor(
    readonly page: Page,
    locale: keyof typeof WORDS = "en",
  ) {
    this.words = WORDS[locale];
  }

  async gotoNew(): Promise<void> {
    await this.page.goto("/decks/new");
  }

  get title(): Locator {
    return this.page.getByLabel(this.words.title, { exact: true });
  }

  column(n: number): Locator {
    return this.page.getByLabel(this.words.column(n), { exact: true });
  }

  text(n: number): Locator {
    return this.page.getByLabel(this.words.text(n));
  }

  belongsIn(n: number): Locator {
    return this.page.getByLabel(this.words.belongsIn(n));
  }

  /** The "move column n left/right" button. */
  moveColumn(n: number, dir: "left" | "right"): Locator {
    return this.page.getByRole("button", { name: this.words.moveColumn(n, dir), exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole("button", { name, exact: true });
  }

  async addStatement(text: string, column: string): Promise<void> {
    await this.button(this.words.addStatement).click();
    const n = await this.page.getByRole("listitem").filter({ has: this.page.getByRole("heading", { name: this.words.statementHeading }) }).count();
    await expect(this.text(n)).toBeFocused();
    await this.text(n).fill(text);
    if (column) await this.belongsIn(n).selectOption({ label: column });
  }

  /** What the save bar says: "Saving…", "Unsaved changes.", "Saved. This is version 2…". */
  get saveState(): Locator {
    return this.page.getByRole("status").last();
  }

  /** Holds the editor's next save (the server action's POST) in the network until `release`, so a
   *  test can keep editing while a save is in flight. `sent` resolves once the browser sent it;
   *  `release` lets it through and resolves with the server's response. `tamper` may change the
   *  deck on its way (the action's one argument, `{ id, expectedVersion, deck }`), to get errors
   *  only the server finds. */
  async holdNextSave(tamper?: (deck: { statements: { text: string; explanation: string }[] }) => void): Promise<{ sent: Promise<void>; release: () => Promise<void> }> {
    let onSent!: (request: Request) => void;
    const sent = new Promise<Request>((resolve) => (onSent = resolve));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const pattern = /\/decks\/(new|[0-9a-f-]{36})(\?.*)?$/;
    let held = false;
    const handler = async (route: Route) => {
      const request = route.request();
      if (held || request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
      held = true;
      onSent(request);
      await gate;
      if (!tamper) return route.continue();
      const args = JSON.parse(request.postData() ?? "") as [{ deck: Parameters<typeof tamper>[0] }];
      tamper(args[0].deck);
      await route.continue({ postData: JSON.stringify(args) });
    };
    await this.page.route(pattern, handler);
    return {
      sent: sent.then(() => undefined),
      release: async () => {
        const request = await sent;
        const response = this.page.waitForResponse((r) => r.request() === request);
        open();
        await response;
        await this.page.unroute(pattern, handler);
      },
    };
  }

  summary(): Locator {
    return this.page.getByRole("alert").filter({ hasText: /\S/ }).first();
  }

  /** Fills a fresh editor (2 columns and 1 statement to start with) with a whole deck, without
   *  saving it. `statements` are [text, column label] pairs. */
  async fillNew(title: string, columns: readonly string[], statements: readonly (readonly [string, string])[]): Promise<void> {
    await this.gotoNew();
    await this.title.fill(title);
    for (let i = 0; i < columns.length; i++) {
      if (i >= 2) {
        await this.button(this.words.addColumn).click();
        await expect(this.column(i + 1)).toBeFocused();
      }
      await this.column(i + 1).fill(columns[i]!);
    }
    const [first, ...rest] = statements;
    await this.text(1).fill(first![0]);
    await this.belongsIn(1).selectOption({ label: first![1] });
    for (const [text, column] of rest) await this.addStatement(text, column);
  }

  /** Creates the deck in the editor and returns its id, once its page has opened. */
  async create(): Promise<string> {
    await this.button(this.words.create).click();
    await this.page.waitForURL(/\/decks\/[0-9a-f-]{36}\?notice=created$/);
    return new URL(this.page.url()).pathname.split("/").at(-1)!;
  }

  /** Builds a whole deck in a fresh editor, saves it and returns its id. */
  async createDeck(title: string, columns: readonly string[], statements: readonly (readonly [string, string])[]): Promise<string> {
    await this.fillNew(title, columns, statements);
    return this.create();
  }
}

import { expect, type Locator, type Page } from "@playwright/test";

/** The deck editor (/decks/new, /decks/[id]): user-level actions, no assertions beyond waiting. */
export class DeckEditorPage {
  constructor(readonly page: Page) {}

  async gotoNew(): Promise<void> {
    await this.page.goto("/decks/new");
  }

  get title(): Locator {
    return this.page.getByLabel("Title", { exact: true });
  }

  column(n: number): Locator {
    return this.page.getByLabel(`Column ${n}`, { exact: true });
  }

  text(n: number): Locator {
    return this.page.getByLabel(`Text of statement ${n}`);
  }

  belongsIn(n: number): Locator {
    return this.page.getByLabel(`Belongs in (statement ${n})`);
  }

  button(name: string): Locator {
    return this.page.getByRole("button", { name, exact: true });
  }

  async addStatement(text: string, column: string): Promise<void> {
    await this.button("Add statement").click();
    const n = await this.page.getByRole("listitem").filter({ has: this.page.getByRole("heading", { name: /^Statement \d+$/ }) }).count();
    await expect(this.text(n)).toBeFocused();
    await this.text(n).fill(text);
    if (column) await this.belongsIn(n).selectOption({ label: column });
  }

  summary(): Locator {
    return this.page.getByRole("alert").filter({ hasText: /\S/ }).first();
  }

  /** Builds a whole deck in a fresh editor (2 columns and 1 statement to start with), saves it and
   *  returns its id. `statements` are [text, column label] pairs. */
  async createDeck(title: string, columns: readonly string[], statements: readonly (readonly [string, string])[]): Promise<string> {
    await this.gotoNew();
    await this.title.fill(title);
    for (let i = 0; i < columns.length; i++) {
      if (i >= 2) {
        await this.button("Add column").click();
        await expect(this.column(i + 1)).toBeFocused();
      }
      await this.column(i + 1).fill(columns[i]!);
    }
    const [first, ...rest] = statements;
    await this.text(1).fill(first![0]);
    await this.belongsIn(1).selectOption({ label: first![1] });
    for (const [text, column] of rest) await this.addStatement(text, column);
    await this.button("Create deck").click();
    await this.page.waitForURL(/\/decks\/[0-9a-f-]{36}\?notice=created$/);
    return new URL(this.page.url()).pathname.split("/").at(-1)!;
  }
}

import { expect, type Page } from "@playwright/test";

/** The dashboard's "New session" form and the facilitator console. */
export class NewSessionForm {
  constructor(readonly page: Page) {}

  async create(deckTitle: string, options: { title?: string; rounds?: 1 | 2; groups?: string[] } = {}): Promise<string> {
    await this.page.goto("/dashboard");
    const deck = this.page.getByLabel("Deck");
    const option = deck.locator("option", { hasText: deckTitle }).first();
    await deck.selectOption(await option.getAttribute("value"));
    if (options.title) await this.page.getByRole("textbox", { name: /Title/ }).fill(options.title);
    if (options.rounds === 2) await this.page.getByLabel("2 rounds").check();
    if (options.groups) await this.page.getByRole("textbox", { name: /Groups/ }).fill(options.groups.join("\n"));
    await this.page.getByRole("button", { name: "Create session" }).click();
    await this.page.waitForURL(/\/console\/[0-9a-f-]{36}$/);
    return this.page.url().split("/").at(-1)!;
  }
}

export class ConsolePage {
  constructor(readonly page: Page) {}

  async joinCode(): Promise<string> {
    const label = await this.page.getByLabel(/^Join code:/).getAttribute("aria-label");
    return label!.replace("Join code:", "").replace(/\s/g, "");
  }

  async presenterUrl(): Promise<string> {
    return (await this.page.getByRole("link", { name: /Open on the projector/ }).getAttribute("href"))!;
  }

  async openLobby(): Promise<void> {
    await this.page.getByRole("button", { name: "Open lobby" }).click();
    await expect(this.page.getByRole("button", { name: "Start sorting" })).toBeVisible();
  }

  async startSorting(): Promise<void> {
    await this.page.getByRole("button", { name: "Start sorting" }).click();
    await expect(this.page.getByRole("button", { name: "Reveal answers" })).toBeVisible();
  }

  async reveal(): Promise<void> {
    await this.page.getByRole("button", { name: "Reveal answers" }).click();
    const confirm = this.page.getByRole("button", { name: "Reveal now" });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
  }

  /** "Start round N" (the confirm-guarded button beside the discussion controls), confirmed. */
  async startNextRound(round: number): Promise<void> {
    await this.page.getByRole("button", { name: `Start round ${round}`, exact: true }).last().click();
    await this.page.getByRole("group", { name: `Start round ${round}? Everyone sorts again.` }).getByRole("button", { name: `Start round ${round}`, exact: true }).click();
    await expect(this.page.getByRole("button", { name: "Reveal answers" })).toBeVisible();
  }

  /** "Kick" on a participant's row, confirmed with "Remove". */
  async kick(nickname: string): Promise<void> {
    await this.page.getByRole("button", { name: `Kick ${nickname}` }).click();
    await this.page.getByRole("group", { name: `Remove ${nickname}? They can join again with another nickname.` }).getByRole("button", { name: "Remove" }).click();
  }

  /** "Ban" on a participant's row: the confirmation it asks for (role group, named by the question). */
  async askToBan(nickname: string) {
    await this.page.getByRole("button", { name: `Ban ${nickname}` }).click();
    return this.page.getByRole("group", { name: `Ban ${nickname}? Their device cannot rejoin this session unless you unban it.` });
  }

  /** "Ban" on a participant's row, confirmed. */
  async ban(nickname: string): Promise<void> {
    await (await this.askToBan(nickname)).getByRole("button", { name: "Ban", exact: true }).click();
  }

  async unban(nickname: string): Promise<void> {
    await this.page.getByRole("button", { name: `Unban ${nickname}` }).click();
  }

  /** The list of removed participants under the table. */
  removed() {
    return this.page.locator('[data-area="removed"]');
  }

  participantsHeading() {
    return this.page.getByRole("heading", { name: /^Participants/ });
  }
}

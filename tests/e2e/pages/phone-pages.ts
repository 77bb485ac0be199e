import { expect, type Browser, type Page } from "@playwright/test";

/** A participant's phone: join, sort card by card (tap, drag or keyboard), submit, read the result. */
export class PhonePage {
  constructor(readonly page: Page) {}

  /** A fresh phone: its own 360×640 touch context. */
  static async open(browser: Browser): Promise<PhonePage> {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    return new PhonePage(await context.newPage());
  }

  /** One fresh phone per nickname, each joined by link and in the lobby ("You're in"), in order. */
  static async joinEach(browser: Browser, code: string, nicknames: string[]): Promise<Record<string, PhonePage>> {
    const phones: Record<string, PhonePage> = {};
    for (const nickname of nicknames) {
      const phone = await PhonePage.open(browser);
      await phone.joinByLink(code, nickname);
      await expect(phone.page.getByText(new RegExp(`You.re in, ${nickname}`))).toBeVisible();
      phones[nickname] = phone;
    }
    return phones;
  }

  /** Sorts every card of the round by tapping the column `pick` chooses for the card's text, then submits. */
  async sortByTapping(total: number, pick: (cardText: string) => string): Promise<void> {
    for (let n = 1; n <= total; n++) {
      await this.waitForCardNumber(n, total);
      await this.tap(pick(await this.currentCardText()));
    }
    await this.submit();
  }

  async joinFromHome(code: string, nickname: string): Promise<void> {
    await this.page.goto("/");
    await this.page.getByLabel("Session code").fill(code);
    await this.page.getByRole("button", { name: "Join", exact: true }).click();
    await this.page.waitForURL(/\/join\/[A-Z0-9]+$/);
    await this.pickNickname(nickname);
  }

  async joinByLink(code: string, nickname: string): Promise<void> {
    await this.page.goto(`/join/${code}`);
    await this.pickNickname(nickname);
  }

  private async pickNickname(nickname: string): Promise<void> {
    await this.page.getByLabel("Your nickname").fill(nickname);
    await this.page.getByRole("button", { name: "Join", exact: true }).click();
  }

  card() {
    return this.page.locator('[aria-roledescription="card"]');
  }

  async currentCardText(): Promise<string> {
    return (await this.card().locator("p").innerText()).trim();
  }

  progress() {
    return this.page.getByLabel("Cards placed");
  }

  async waitForCardNumber(n: number, total: number): Promise<void> {
    await expect(this.card()).toHaveAttribute("aria-label", `Card ${n} of ${total}`);
  }

  async tap(columnLabel: string): Promise<void> {
    await this.page.getByRole("group", { name: "Place the card in" }).getByRole("button", { name: new RegExp(`^${columnLabel}`) }).click();
  }

  async drag(direction: "left" | "right"): Promise<void> {
    const box = (await this.card().boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const dx = direction === "left" ? -140 : 140;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    for (let i = 1; i <= 6; i++) await this.page.mouse.move(x + (dx * i) / 6, y + 4);
    await this.page.mouse.up();
  }

  async key(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async submit(): Promise<void> {
    await this.page.getByRole("button", { name: "Submit answers" }).click();
    await expect(this.page.getByText("Submitted — wait for the reveal")).toBeVisible();
  }

  async shownScore(): Promise<{ correct: number; total: number }> {
    const line = this.page.getByText("cards in the right column").locator("..");
    await expect(line).toBeVisible({ timeout: 15_000 });
    const text = (await line.innerText()).replace(/\s+/g, " ");
    const match = /(\d+) \/ (\d+)/.exec(text);
    return { correct: Number(match![1]), total: Number(match![2]) };
  }
}

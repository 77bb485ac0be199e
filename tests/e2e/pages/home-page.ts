import type { Page } from "@playwright/test";

/** Page objects live in tests/e2e/pages/, one per screen (`<screen>-page.ts`, class `<Screen>Page`),
 *  holding locators and user-level actions; specs hold the assertions. */
export class HomePage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/");
  }
}

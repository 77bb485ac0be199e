import type { Locator, Page } from "@playwright/test";

/** The session report (/reports/[id]): locators for its figures and tables. */
export class ReportPage {
  constructor(readonly page: Page) {}

  async goto(id: string): Promise<void> {
    await this.page.goto(`/reports/${id}`);
  }

  /** The value of a headline figure ("Participants", "Mean score", …) in the round summary. */
  figure(label: string): Locator {
    return this.page.getByRole("region", { name: /^Round \d+/ }).locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
  }

  statementsTable(): Locator {
    return this.page.getByRole("table", { name: /^Per statement, round/ });
  }

  changedMindRegion(): Locator {
    return this.page.getByRole("region", { name: /^Changed minds:/ });
  }

  changedMindTable(): Locator {
    return this.changedMindRegion().getByRole("table");
  }

  /** The body rows of a table, as cell texts (header cells included), whitespace collapsed. */
  async rows(table: Locator): Promise<string[][]> {
    await table.locator("tbody tr").first().waitFor();
    return table
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim())));
  }

  exportCsvHref(): Promise<string | null> {
    return this.page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  }
}

import type { Locator, Page } from "@playwright/test";

/** The words the results pages' locators go by, per UI language. */
const WORDS = {
  en: { round: /^Round \d+/, statements: /^Per statement, round/, changedMinds: /^Changed minds:/, exportCsv: "Export CSV", participants: "Participants", anonymize: "Anonymize participants" },
  it: { round: /^Turno \d+/, statements: /^Per affermazione, turno/, changedMinds: /^Cambi di idea:/, exportCsv: "Esporta CSV", participants: "Partecipanti", anonymize: "Rendi anonimi i partecipanti" },
} as const;

export type UiLanguage = keyof typeof WORDS;

/** The body rows of a table, as cell texts (header cells included), whitespace collapsed. */
async function tableRows(table: Locator): Promise<string[][]> {
  await table.locator("tbody tr").first().waitFor();
  return table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim())));
}

/** The session report (/reports/[id]): locators for its figures and tables. */
export class ReportPage {
  private readonly words: (typeof WORDS)[UiLanguage];

  constructor(
    readonly page: Page,
    language: UiLanguage = "en",
  ) {
    this.words = WORDS[language];
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/reports/${id}`);
  }

  /** The round summary (its heading starts "Round N" / "Turno N"). */
  summary(): Locator {
    return this.page.getByRole("region", { name: this.words.round });
  }

  /** The value of a headline figure ("Participants", "Mean score", …) in the round summary. */
  figure(label: string): Locator {
    return this.summary().locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
  }

  statementsTable(): Locator {
    return this.page.getByRole("table", { name: this.words.statements });
  }

  participantsTable(): Locator {
    return this.page.getByRole("region", { name: this.words.participants, exact: true }).getByRole("table");
  }

  anonymizeToggle(): Locator {
    return this.page.getByRole("checkbox", { name: this.words.anonymize });
  }

  changedMindRegion(): Locator {
    return this.page.getByRole("region", { name: this.words.changedMinds });
  }

  changedMindTable(): Locator {
    return this.changedMindRegion().getByRole("table");
  }

  rows(table: Locator): Promise<string[][]> {
    return tableRows(table);
  }

  exportCsvHref(): Promise<string | null> {
    return this.page.getByRole("link", { name: this.words.exportCsv }).getAttribute("href");
  }
}

/** The facilitator's sessions list (/sessions). */
export class SessionsPage {
  constructor(readonly page: Page) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/sessions${query}`);
  }

  /** The list's table (the first table on the page). */
  table(): Locator {
    return this.page.getByRole("table").first();
  }

  rows(): Promise<string[][]> {
    return tableRows(this.table());
  }
}

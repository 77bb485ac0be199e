import { expect, type Page } from "@playwright/test";

/** A small Leader/Manager deck the report and two-round specs play, created through the API. */
export const COLUMNS = [
  { id: "leader", label: "Leader" },
  { id: "manager", label: "Manager" },
] as const;
export const STATEMENTS = [
  { id: "sets-the-direction", text: "Sets the direction", canonical: "leader" },
  { id: "keeps-the-budget", text: "Keeps the budget", canonical: "manager" },
  { id: "inspires-people", text: "Inspires people", canonical: "leader" },
  { id: "plans-the-rota", text: "Plans the rota", canonical: "manager" },
] as const;
export type StatementId = (typeof STATEMENTS)[number]["id"];
export const byText = new Map(STATEMENTS.map((s) => [s.text as string, s]));
export const label = (columnId: string) => COLUMNS.find((c) => c.id === columnId)!.label;
export const other = (columnId: string) => COLUMNS.find((c) => c.id !== columnId)!.id;

/** Creates the deck as the signed-in facilitator of `page`, titled `title`. */
export async function createDeck(page: Page, title: string): Promise<void> {
  const deck = { title, description: "", language: "en", version: 1, columns: COLUMNS, statements: STATEMENTS.map((s) => ({ ...s, explanation: "" })) };
  const response = await page.request.post("/api/decks", { data: { deck } });
  expect(response.status(), await response.text()).toBe(201);
}

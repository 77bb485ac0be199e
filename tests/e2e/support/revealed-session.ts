import type { Browser, Page } from "@playwright/test";
import { PhonePage } from "../pages/phone-pages";
import { CARDS, labelOf, lobby } from "./three-column-session";

/** A 3-column session one phone sorted and the facilitator revealed, so its report, the
 *  sessions list and compare all have something to show. */
export async function revealedSession(browser: Browser, tag: string): Promise<{ host: Page; id: string }> {
  const { host, console_, code, id } = await lobby(browser, tag);
  const { Ana: ana } = await PhonePage.joinEach(browser, code, ["Ana"]);
  await console_.startSorting();
  await ana!.sortByTapping(CARDS.length, labelOf);
  await console_.reveal();
  await ana!.shownScore();
  await ana!.page.context().close();
  return { host, id };
}

/** The facilitator's sign-in in a new browser context with other options (a phone-sized
 *  viewport, a colour scheme). */
export async function asFacilitator(browser: Browser, host: Page, options: Parameters<Browser["newContext"]>[0]): Promise<Page> {
  const context = await browser.newContext({ ...options, storageState: await host.context().storageState() });
  return context.newPage();
}

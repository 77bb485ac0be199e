import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { joinBySocket, placeFirstCard } from "./support/socket-phones";
import { expectNoSidewaysScroll, lobby } from "./support/three-column-session";

/** Issue 11: the console is sent one page of the roster at a time. With more participants than a
 *  page holds, the table pages with Previous/Next and finds people by nickname, by keyboard,
 *  and the counts are the whole room's. The participants join over sockets (no browser each). */
test("console with 60 participants: pages of 50, Previous/Next, a nickname search, room-wide counts, kick from page 2", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const { host, console_, code } = await lobby(browser, "roster-pages");
  const nicknames = [...Array.from({ length: 59 }, (_, i) => `Guest ${i + 1}`), "Zelda"];
  const { phones, close } = await joinBySocket(baseURL!, code, nicknames);
  try {
    const heading = console_.participantsHeading();
    const range = host.locator('[data-area="roster-range"]');
    const next = host.getByRole("navigation", { name: "Participant pages" }).getByRole("button", { name: "Next" });
    const previous = host.getByRole("navigation", { name: "Participant pages" }).getByRole("button", { name: "Previous" });

    await expect(heading).toContainText("(60)");
    await expect(range).toHaveText("Showing 1–50 of 60");
    await expect(host.getByRole("button", { name: "Kick Guest 50" })).toBeVisible();
    await expect(host.getByRole("button", { name: "Kick Zelda" })).toHaveCount(0);
    await expect(host.getByText("online (60)")).toBeVisible();
    await expect(previous).toHaveAttribute("aria-disabled", "true");

    // By keyboard: Next keeps focus, also once it is at the end.
    await next.focus();
    await host.keyboard.press("Enter");
    await expect(range).toHaveText("Showing 51–60 of 60");
    await expect(host.getByRole("button", { name: "Kick Zelda" })).toBeVisible();
    await expect(host.getByRole("button", { name: "Kick Guest 1", exact: true })).toHaveCount(0);
    await expect(next).toHaveAttribute("aria-disabled", "true");
    await expect(next).toBeFocused();
    await host.keyboard.press("Enter");
    await expect(range).toHaveText("Showing 51–60 of 60");
    expect(await seriousViolations(host), "console: second page").toEqual([]);

    // Kick from page 2: the row goes, the counts follow, the removed list names them.
    await console_.kick("Zelda");
    await expect(host.getByRole("button", { name: "Kick Zelda" })).toHaveCount(0);
    await expect(range).toHaveText("Showing 51–59 of 59");
    await expect(heading).toContainText("(59)");
    await expect(console_.removed()).toContainText("Kicked (1): Zelda.");

    await previous.click();
    await expect(range).toHaveText("Showing 1–50 of 59");

    // Search: debounced, case-insensitive, from the first page; no match says so.
    const search = host.getByRole("searchbox", { name: "Find by nickname" });
    await search.fill("guest 1");
    await expect(range).toHaveText("Showing 1–11 of 11");
    await expect(host.getByRole("button", { name: "Kick Guest 19" })).toBeVisible();
    await expect(host.getByRole("button", { name: "Kick Guest 2", exact: true })).toHaveCount(0);
    await expect(host.getByRole("navigation", { name: "Participant pages" })).toHaveCount(0);
    // The counts stay the room's, whatever the table shows.
    await expect(heading).toContainText("(59)");
    await search.fill("nobody");
    await expect(host.getByText("No participant’s nickname contains “nobody”.")).toBeVisible();
    await search.fill("");
    await expect(range).toHaveText("Showing 1–50 of 59");

    // "Placing" and the row's cards come from the page the server sends.
    await console_.startSorting();
    await placeFirstCard(phones[0]!, "leader");
    await expect(host.getByRole("row", { name: /^Guest 1 ?, online/ }).getByText("1/3")).toBeVisible();
    await expect(host.locator('[data-area="stats"]').getByText("Placing").locator("xpath=..")).toContainText("1");

    // Reflows at 320 px: no sideways scroll, search and pager usable.
    await host.setViewportSize({ width: 320, height: 800 });
    await expectNoSidewaysScroll(host, "console at 320 px");
    await expect(search).toBeVisible();
    await expect(next).toBeVisible();
    expect(await seriousViolations(host), "console at 320 px").toEqual([]);
  } finally {
    close();
  }
});

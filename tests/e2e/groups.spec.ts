import { expect, test } from "@playwright/test";
import { query } from "./support/db";
import { SignUpPage } from "./pages/auth-pages";
import { ConsolePage, NewSessionForm } from "./pages/facilitator-pages";
import { PhonePage } from "./pages/phone-pages";

test("a session with groups: the phone must pick one from the list, and the pick is stored", async ({ browser }) => {
  const host = await SignUpPage.newFacilitator(browser, "groups", "Gil");
  const workshopId = await new NewSessionForm(host).create("Leader or Manager?", { title: "Groups session", groups: ["Team North", "Team South"] });
  const console_ = new ConsolePage(host);
  const code = await console_.joinCode();
  await console_.openLobby();

  const phone = await PhonePage.open(browser);
  const page = phone.page;
  await page.goto(`/join/${code}`);
  const group = page.getByRole("combobox", { name: "Your group" });
  await expect(group.locator("option")).toHaveText(["Choose…", "Team North", "Team South"]);
  await expect(group).toHaveAccessibleDescription("The facilitator splits results by group. Pick yours.");

  // No group picked: the error sits next to the list, which gets the focus; nothing is joined.
  await page.getByLabel("Your nickname").fill("Gina");
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(group).toBeFocused();
  await expect(group).toHaveAttribute("aria-invalid", "true");
  await expect(group).toHaveAccessibleDescription("Pick your group. The facilitator splits results by group. Pick yours.");
  expect(await query(`SELECT 1 FROM participants WHERE workshop_id = $1`, [workshopId])).toHaveLength(0);

  // Picking one clears the error; joining stores the group with the participant.
  await group.selectOption("Team South");
  await expect(group).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(page.getByText(/You.re in, Gina/)).toBeVisible();
  const rows = await query<{ nickname: string; cohort: string | null }>(`SELECT nickname, cohort FROM participants WHERE workshop_id = $1`, [workshopId]);
  expect(rows).toEqual([{ nickname: "Gina", cohort: "Team South" }]);
});

import { expect, test } from "@playwright/test";
import { PhonePage } from "./pages/phone-pages";
import { expectFullyInside, lobby } from "./support/three-column-session";

/** Issue 14 walkthrough: the participant table in the console's side column at 1440 px. */
test("console at 1440 px: Kick, Ban and the kick confirmation stay in view, and the header is not scrolled", async ({ browser }) => {
  test.setTimeout(300_000);
  const { host, console_, code } = await lobby(browser, "console-1440");
  await host.setViewportSize({ width: 1440, height: 900 });
  await PhonePage.joinEach(browser, code, ["Alexandrina-Bartholomew", "Bo"]);
  const table = host.getByRole("region", { name: "Participants table (scrolls)" });
  await expect(host.getByRole("button", { name: "Ban Bo" })).toBeVisible();
  for (const name of ["Kick Bo", "Ban Bo", "Kick Alexandrina-Bartholomew", "Ban Alexandrina-Bartholomew"]) {
    await expectFullyInside(host.getByRole("button", { name }), table, name);
  }
  await expect.poll(() => table.evaluate((el) => el.scrollWidth <= el.clientWidth), { message: "table fits its box" }).toBe(true);

  await host.getByRole("button", { name: "Kick Bo" }).click();
  const question = host.getByRole("group", { name: "Remove Bo? They can join again with another nickname." });
  await expect(question.getByRole("button", { name: "Remove" })).toBeFocused();
  await expect(question.getByText("Remove Bo? They can join again with another nickname.")).toBeVisible();
  for (const name of ["Remove", "Cancel"]) await expectFullyInside(question.getByRole("button", { name }), table, name);
  expect(await table.evaluate((el) => el.scrollLeft), "header not scrolled sideways").toBe(0);
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(host.getByRole("button", { name: "Kick Bo" })).toBeFocused();
  await console_.kick("Bo");
  await expect(host.getByRole("button", { name: "Kick Bo" })).toHaveCount(0);
});

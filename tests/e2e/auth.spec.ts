import { expect, test, type Page } from "@playwright/test";
import { DashboardPage, SignInNeededPage, SignInPage, SignUpPage } from "./pages/auth-pages";
import { NewSessionForm } from "./pages/facilitator-pages";

const unique = () => `host-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

test("a facilitator signs up, signs out and signs in again", async ({ page }) => {
  const email = unique();
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp(email, "a long enough password", "Robin");
  await page.waitForURL("**/dashboard");
  const dashboard = new DashboardPage(page);
  await dashboard.expectSignedInAs("Robin");
  await dashboard.signOut();
  await page.goto("/dashboard");
  await page.waitForURL(/\/signin/);
  const signIn = new SignInPage(page);
  await signIn.signIn(email, "a long enough password");
  await page.waitForURL("**/dashboard");
  await dashboard.expectSignedInAs("Robin");
});

test("a duplicate sign-up email gets a clear form error", async ({ page }) => {
  const email = unique();
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp(email, "a long enough password");
  await page.waitForURL("**/dashboard");
  await page.context().clearCookies();
  await signUp.goto();
  await signUp.signUp(email, "another long password");
  await expect(page.getByText(/already exists/i)).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});

test("malformed and over-long emails and short passwords get field errors", async ({ page }) => {
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp("not-an-email", "a long enough password");
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(signUp.field("Email")).toHaveAttribute("aria-invalid", "true");

  await signUp.signUp(`${"a".repeat(250)}@example.com`, "a long enough password");
  await expect(page.getByText(/too long/i)).toBeVisible();

  await signUp.signUp(unique(), "short");
  await expect(page.getByText(/at least 8 characters/i).first()).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});

/** Signs up `email`, forgets the session cookie and opens the sign-in page. */
async function accountThenSignInPage(page: Page, email: string, password: string): Promise<SignInPage> {
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp(email, password);
  await page.waitForURL("**/dashboard");
  await page.context().clearCookies();
  const signIn = new SignInPage(page);
  await signIn.goto();
  return signIn;
}

test("a wrong password gets a clear error and no session", async ({ page }) => {
  const email = unique();
  const signIn = await accountThenSignInPage(page, email, "the right password");
  await signIn.signIn(email, "the wrong password");
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await page.goto("/dashboard");
  await page.waitForURL(/\/signin/);
});

test("a signed-out visitor of a report gets the sign-in-needed page (401), and signing in leads back to it", async ({ page, browser }) => {
  const email = unique();
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp(email, "a long enough password", "Robin");
  await page.waitForURL("**/dashboard");
  const id = await new NewSessionForm(page).create("Leader or Manager?", { title: "Robin's private session" });

  const visitor = await (await browser.newContext()).newPage();
  const path = `/reports/${id}?anonymize=1`;
  const response = await visitor.goto(path);
  expect(response?.status()).toBe(401);
  const needed = new SignInNeededPage(visitor);
  await expect(needed.heading()).toHaveText("Sign in to see this page");
  await expect(visitor.getByText("Robin's private session")).toHaveCount(0);
  await expect(needed.signInLink()).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(path)}`);
  await needed.signInLink().click();
  await visitor.waitForURL(/\/signin\?callbackUrl=/);
  await new SignInPage(visitor).signIn(email, "a long enough password");
  await visitor.waitForURL((url) => `${url.pathname}${url.search}` === path);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Robin's private session");
  await expect(visitor.getByRole("checkbox", { name: "Anonymize participants" })).toBeChecked();
  await visitor.context().close();
});

test("after too many wrong passwords the sign-in form says how long to wait, and the right password waits too", async ({ page }) => {
  test.setTimeout(120_000); // eleven sign-ins, each an argon2 verification on a busy CI machine
  const email = unique();
  const signIn = await accountThenSignInPage(page, email, "the right password");
  for (let i = 0; i < 10; i++) await signIn.signInRefused(email, `wrong password ${i}`);
  await expect(signIn.formError()).toHaveText("Wrong email or password.");
  await signIn.signInRefused(email, "the right password");
  await expect(signIn.formError()).toHaveText(/^Too many sign-in attempts\. Try again in \d+ seconds?\.$/);
  await expect(page).toHaveURL(/\/signin/);
});

test("sign out everywhere ends the session in the facilitator's other browser", async ({ page, browser }) => {
  test.setTimeout(90_000); // two browsers, a sign-up and a sign-in
  const email = unique();
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp(email, "a long enough password", "Robin");
  await page.waitForURL("**/dashboard");

  const other = await (await browser.newContext()).newPage();
  await new SignInPage(other).goto();
  await new SignInPage(other).signIn(email, "a long enough password");
  await other.waitForURL("**/dashboard");

  await new DashboardPage(page).signOutEverywhere();
  await page.goto("/dashboard");
  await page.waitForURL(/\/signin/);
  await other.goto("/dashboard");
  await other.waitForURL(/\/signin/);
  await other.context().close();
});

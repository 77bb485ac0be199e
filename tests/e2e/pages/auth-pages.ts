import { expect, type Browser, type Page } from "@playwright/test";

/** Sign-up and sign-in screens: user-level actions, no assertions beyond waiting. */
export class SignUpPage {
  constructor(readonly page: Page) {}

  /** A new facilitator in their own laptop-sized browser context, signed up (email unique by
   *  `label` and time) and on the dashboard. */
  static async newFacilitator(browser: Browser, label: string, name?: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.signUp(`${label}-${Date.now()}@example.com`, "a long enough password", name);
    await page.waitForURL("**/dashboard");
    return page;
  }

  async goto(): Promise<void> {
    await this.page.goto("/signup");
  }

  async signUp(email: string, password: string, name?: string): Promise<void> {
    if (name) await this.page.getByRole("textbox", { name: /^Name/ }).fill(name);
    await this.page.getByRole("textbox", { name: "Email" }).fill(email);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  field(name: string) {
    return this.page.getByRole("textbox", { name, exact: true });
  }

  formError() {
    return this.page.getByRole("alert").filter({ hasText: /\S/ }).first();
  }
}

export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/signin");
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByRole("textbox", { name: "Email" }).fill(email);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  /** A sign-in that is refused: waits until the form has taken the answer in (it empties the
   *  password field after a refusal; the error text may be the same as the previous one). */
  async signInRefused(email: string, password: string): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await this.signIn(email, password);
    await answered;
    await expect(this.page.getByLabel("Password", { exact: true })).toHaveValue("");
    await expect(this.page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  }

  formError() {
    return this.page.getByRole("alert").filter({ hasText: /\S/ }).first();
  }
}

export class DashboardPage {
  constructor(readonly page: Page) {}

  async expectSignedInAs(who: string): Promise<void> {
    await expect(this.page.getByText(`Signed in as`)).toContainText(who);
  }

  /** "Sign out everywhere" on the settings page; waits for the sign-in page. */
  async signOutEverywhere(): Promise<void> {
    await this.page.goto("/settings/tokens");
    await this.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await this.page.waitForURL(/\/signin/);
  }

  /** Signs out and waits until the app has landed on the sign-in page (the cookie is gone). */
  async signOut(): Promise<void> {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await this.page.waitForURL(/\/signin/);
  }
}

/** The 401 page a signed-out visitor of a facilitator-only page gets (app/unauthorized.tsx). */
export class SignInNeededPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole("heading", { level: 1 });
  }

  signInLink(name = "Sign in") {
    return this.page.getByRole("main").getByRole("link", { name, exact: true });
  }
}

/**
 * Regenerates docs/screenshots/ from one real session on a real server: the phone (sorting, also
 * in Italian and in dark mode; result), the facilitator console (sorting, reveal), the projector
 * (lobby with QR, reveal, one statement under discussion) and, once the session has ended, the
 * facilitator's review screens (report on screen and in print, dashboard, sessions list) and the
 * deck editor showing a validation error.
 *
 *   npm run build && npm run screenshots
 *
 * Starts the production server in a child process on a free loopback port with a throwaway
 * embedded Postgres, drives one phone and the staff screens with Debian's Chromium (CHROMIUM_PATH
 * to override), and simulates the rest of the room over the socket protocol.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { getBuiltinDeck } from "../lib/decks/builtin";
import { PROTOCOL_VERSION, type Ack } from "../lib/protocol";
import type { JoinResult } from "../lib/protocol/views";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "docs", "screenshots");
const deck = getBuiltinDeck("leader-or-manager")!;
const NAMES = ["Ada", "Grace", "Linus", "Margaret", "Alan", "Barbara", "Ken", "Radia", "Edsger", "Frances", "Hedy", "Tim", "Dennis", "Katherine"];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A phone: its own 360×640 touch context (`options` for language or colour scheme). */
async function openPhone(browser: Browser, baseURL: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ...options });
  return context.newPage();
}

/** Joins the session from a phone's link and taps `taps` cards into a column. */
async function joinAndSort(phone: Page, code: string, nickname: string, taps: number, words = { nickname: "Your nickname", join: "Join", placeIn: "Place the card in" }): Promise<void> {
  await phone.goto(`/join/${code}`);
  await phone.getByLabel(words.nickname).fill(nickname);
  await phone.getByRole("button", { name: words.join, exact: true }).click();
  const columns = phone.getByRole("group", { name: words.placeIn }).getByRole("button");
  for (let n = 0; n < taps; n++) await columns.nth(n % 3 === 0 ? 1 : 0).click();
  await phone.waitForTimeout(400);
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sortroom-shots-"));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", SORTROOM_GENERATE_SECRET: "true", HOST: "127.0.0.1", PORT: String(port), PUBLIC_URL: url, NEXTAUTH_URL: url, DATABASE_URL: "", SORTROOM_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const bots: Socket[] = [];
  try {
    for (let i = 0; i < 120 && !(await fetch(`${url}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 500));
    fs.mkdirSync(OUT, { recursive: true });
    /** The viewport; with `maxHeight`, the page's top in a viewport as tall as the page, up to
     *  `maxHeight` (not fullPage: a sticky bar would show in the middle of the picture). */
    const shot = async (page: Page, name: string, { maxHeight }: { maxHeight?: number } = {}) => {
      const viewport = page.viewportSize()!;
      if (maxHeight) {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({ width: viewport.width, height: Math.min(height, maxHeight) });
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(300);
      }
      await page.screenshot({ path: path.join(OUT, `${name}.png`) });
      if (maxHeight) await page.setViewportSize(viewport);
      console.log(`docs/screenshots/${name}.png`);
    };

    const host = await (await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 800 } })).newPage();
    await host.goto("/signup");
    await host.getByRole("textbox", { name: /^Name/ }).fill("Fran");
    await host.getByRole("textbox", { name: "Email" }).fill("fran@example.com");
    await host.getByLabel("Password", { exact: true }).fill("screenshots only");
    await host.getByRole("button", { name: "Create account" }).click();
    await host.waitForURL("**/dashboard");
    const deckSelect = host.getByLabel("Deck");
    await deckSelect.selectOption(await deckSelect.locator("option", { hasText: "Leader or Manager?" }).first().getAttribute("value"));
    await host.getByRole("textbox", { name: /Title/ }).fill("Leadership workshop · Team North");
    await host.getByRole("button", { name: "Create session" }).click();
    await host.waitForURL(/\/console\//);
    const sessionId = new URL(host.url()).pathname.split("/").at(-1)!;
    const code = (await host.getByLabel(/^Join code:/).getAttribute("aria-label"))!.replace("Join code:", "").replace(/\s/g, "");
    const presenterUrl = (await host.getByRole("link", { name: /Open on the projector/ }).getAttribute("href"))!;
    await host.getByRole("button", { name: "Open lobby" }).click();

    const screen = await (await browser.newContext({ baseURL: url, viewport: { width: 1920, height: 1080 } })).newPage();
    await screen.goto(presenterUrl);

    // The rest of the room, over the protocol.
    const joined: { socket: Socket; seq: number }[] = [];
    for (const name of NAMES) {
      const socket = io(url, { transports: ["websocket"], auth: { protocol: PROTOCOL_VERSION, role: "participant" } });
      bots.push(socket);
      const ack = (await socket.emitWithAck("participant:join", { code, nickname: name })) as Ack<JoinResult>;
      if (ack.ok) joined.push({ socket, seq: 0 });
    }
    const phone = await openPhone(browser, url);
    await phone.goto(`/join/${code}`);
    await phone.getByLabel("Your nickname").fill("Sam");
    await phone.getByRole("button", { name: "Join", exact: true }).click();
    await screen.getByText("Sam", { exact: true }).waitFor();
    await screen.waitForTimeout(600); // the newest name's arrival animation (450 ms)
    await shot(screen, "presenter-lobby");

    await host.getByRole("button", { name: "Start sorting" }).click();
    // Once the console shows the sorting phase the server is in it (placements before are refused).
    await host.getByRole("button", { name: "Reveal answers" }).waitFor();
    // Bots sort with a plausible mix of right and wrong answers.
    await Promise.all(
      joined.map(async (bot, b) => {
        for (const [i, s] of deck.statements.entries()) {
          const right = (i * 7 + b * 3) % 10 < 7;
          const column = right ? s.canonical : deck.columns.find((c) => c.id !== s.canonical)!.id;
          await bot.socket.emitWithAck("placement:set", { statementId: s.id, column, seq: ++bot.seq });
        }
        if (b % 4 !== 0) await bot.socket.emitWithAck("participant:submit", {});
      }),
    );
    for (let n = 0; n < 11; n++) await phone.getByRole("group", { name: "Place the card in" }).getByRole("button").nth(n % 3 === 0 ? 1 : 0).click();
    await phone.waitForTimeout(400);
    await shot(phone, "phone-sorting");
    await host.waitForTimeout(400);
    await shot(host, "console-sorting");

    // Two latecomers: an Italian phone and one in dark mode.
    const italian = await openPhone(browser, url, { locale: "it-IT", extraHTTPHeaders: { "Accept-Language": "it-IT,it;q=0.9,en;q=0.5" } });
    await joinAndSort(italian, code, "Giulia", 7, { nickname: "Il tuo nickname", join: "Entra", placeIn: "Metti la carta in" });
    await shot(italian, "phone-sorting-it");
    const dark = await openPhone(browser, url, { colorScheme: "dark" });
    await joinAndSort(dark, code, "Noor", 5);
    await shot(dark, "phone-sorting-dark");

    await host.getByRole("button", { name: "Reveal answers" }).click();
    const confirm = host.getByRole("button", { name: "Reveal now" });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await phone.getByText("cards in the right column").waitFor();
    await shot(phone, "phone-result");
    await screen.getByRole("heading", { name: "How the room sorted it" }).waitFor();
    await screen.waitForTimeout(600);
    await shot(screen, "presenter-reveal");
    await host.waitForTimeout(400);
    await shot(host, "console-reveal");

    // The room discusses the first statement of the queue on the projector.
    await host.getByRole("button", { name: "Discuss first statement" }).click();
    await screen.getByText(/^Statement 1 of \d+$/).waitFor();
    await screen.waitForTimeout(600);
    await shot(screen, "presenter-discussion");

    await host.getByRole("button", { name: "End session", exact: true }).click();
    await host.getByRole("group", { name: "End the session for everyone?" }).getByRole("button", { name: "End session", exact: true }).click();
    await screen.getByText("Thanks!").waitFor();

    // The facilitator's review screens, after the session.
    await host.goto(`/reports/${sessionId}`);
    await host.getByRole("heading", { level: 1, name: "Leadership workshop · Team North" }).waitFor();
    await host.locator(".recharts-surface").first().waitFor();
    await host.waitForTimeout(800);
    await shot(host, "report", { maxHeight: 1600 });
    await host.emulateMedia({ media: "print" });
    await host.waitForTimeout(400);
    await shot(host, "report-print", { maxHeight: 1600 });
    await host.emulateMedia({ media: null });

    await host.goto("/dashboard");
    await host.getByRole("button", { name: "Create session" }).waitFor();
    await shot(host, "dashboard", { maxHeight: 1600 });
    await host.goto("/sessions");
    await host.getByRole("link", { name: /Leadership workshop · Team North/ }).first().waitFor();
    await shot(host, "sessions");

    // A deck of one's own in the editor, with one statement still missing its column.
    await host.goto("/decks/new");
    await host.getByLabel("Title", { exact: true }).fill("Delegation: leader or manager?");
    await host.getByLabel("Column 1", { exact: true }).fill("Leader");
    await host.getByLabel("Column 2", { exact: true }).fill("Manager");
    const statements: [string, string][] = [["Shares why the work matters", "Leader"], ["Assigns tasks with clear deadlines", "Manager"], ["Lets the team choose how to reach the goal", "Leader"], ["Checks progress every Friday", ""]];
    for (const [i, [text, column]] of statements.entries()) {
      if (i > 0) await host.getByRole("button", { name: "Add statement", exact: true }).click();
      await host.getByLabel(`Text of statement ${i + 1}`).fill(text);
      if (column) await host.getByLabel(`Belongs in (statement ${i + 1})`).selectOption({ label: column });
    }
    await host.getByRole("button", { name: "Create deck", exact: true }).click();
    await host.getByRole("alert").filter({ hasText: "cannot be saved yet" }).waitFor();
    await host.waitForTimeout(300);
    await shot(host, "deck-editor", { maxHeight: 2400 });
  } finally {
    for (const s of bots) s.close();
    await browser.close();
    await new Promise<void>((resolve) => {
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * Regenerates docs/screenshots/: the phone view (sorting, result), the facilitator console and the
 * projector (lobby with QR, reveal), from a real session on a real server.
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
import { chromium, type Page } from "@playwright/test";
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
    const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`) }).then(() => console.log(`docs/screenshots/${name}.png`));

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
    const phone = await (await browser.newContext({ baseURL: url, viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })).newPage();
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

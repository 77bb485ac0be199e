/**
 * SortRoom load generator: N phones join a session, sort every card on an open-loop schedule and
 * submit, while a simulated console receives the aggregate stream. See bench/README.md.
 *
 *   npm run load -- --local --phones 500                       # own server + database, then gone
 *   npm run load -- --url http://127.0.0.1:3000 --email me@example.com --password … --phones 200
 *   npm run load -- --url http://127.0.0.1:3000 --token sr_… --phones 200    # an API token instead
 *   npm run load -- --url http://127.0.0.1:3000 --code ABC234 --phones 100
 *   npm run load -- --local --phones 5000 --sessions 20                # 20 sessions × 250 phones at once
 */
import fs from "node:fs";
import { z } from "zod";
import { startLocalServer, type LocalServer } from "./local-server";
import { markdownReport } from "./report";
import { runLoad } from "./run";

const flags = z
  .object({
    url: z.url().optional(),
    local: z.boolean().default(false),
    code: z.string().optional(),
    email: z.string().optional(),
    password: z.string().optional(),
    token: z.string().optional(),
    deck: z.string().default("leader-or-manager"),
    phones: z.coerce.number().int().min(1).max(10_000).default(200),
    sessions: z.coerce.number().int().min(1).max(100).default(1),
    "join-rate": z.coerce.number().positive().max(10_000).default(200),
    "sort-seconds": z.coerce.number().positive().max(600).default(60),
    "move-again-every": z.coerce.number().int().min(0).default(5),
    workers: z.coerce.number().int().min(0).max(16).default(0),
    xff: z.boolean().optional(),
    "database-url": z.string().optional(),
    "metrics-token": z.string().optional(),
    "ack-timeout-ms": z.coerce.number().int().positive().default(30_000),
    "max-seconds": z.coerce.number().positive().max(3_600).default(900),
    "allow-remote": z.boolean().default(false),
    json: z.string().optional(),
  })
  .strict();

function parseArgs(argv: string[]): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new Error(`unexpected argument ${arg}`);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith("--")) out[arg.slice(2)] = true;
    else out[arg.slice(2)] = argv[++i]!;
  }
  return out;
}

async function main(): Promise<void> {
  const parsed = flags.safeParse(parseArgs(process.argv.slice(2)));
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  const f = parsed.data;
  let local: LocalServer | undefined;
  try {
    if (f.local) local = await startLocalServer(process.env.TEST_DATABASE_URL);
    const url = local?.url ?? f.url;
    if (!url) throw new Error("give --url (and --code, --token or --email/--password), or --local");
    const host = new URL(url).hostname;
    if (!["127.0.0.1", "localhost", "[::1]"].includes(host) && !f["allow-remote"]) throw new Error(`${host} is not loopback: pass --allow-remote to load another machine (yours, with its owner's consent)`);
    const email = local?.email ?? f.email;
    const password = local?.password ?? f.password ?? process.env.SORTROOM_LOAD_PASSWORD;
    const report = await runLoad({
      url,
      code: f.code,
      facilitator: email && password ? { email, password } : undefined,
      // --local signs in to the server it started; a token is for someone else's server.
      token: local ? undefined : (f.token ?? process.env.SORTROOM_LOAD_TOKEN),
      deck: f.deck,
      phones: f.phones,
      sessions: f.sessions,
      joinRate: f["join-rate"],
      sortSeconds: f["sort-seconds"],
      moveAgainEvery: f["move-again-every"],
      workers: f.workers,
      forwardedFor: f.xff ?? Boolean(local),
      databaseUrl: local?.databaseUrl ?? f["database-url"] ?? process.env.DATABASE_URL,
      metricsToken: local?.metricsToken ?? f["metrics-token"] ?? process.env.METRICS_TOKEN,
      ackTimeoutMs: f["ack-timeout-ms"],
      maxSeconds: f["max-seconds"],
    });
    const json = JSON.stringify(report, null, 2);
    if (f.json) fs.writeFileSync(f.json, json + "\n");
    else console.log(json);
    console.log(`\n${markdownReport(report)}`);
    const v = report.verification;
    if (v && (v.lost > 0 || v.doubled > 0)) process.exitCode = 1;
  } finally {
    await local?.close();
  }
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

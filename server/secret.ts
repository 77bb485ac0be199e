import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import { runtimeConfig } from "@/lib/config/runtime";

/** In development a missing NEXTAUTH_SECRET is generated once and kept in the data folder (never
 *  in the repo), so sign-ins survive restarts. Production requires it (checked in lib/config/env). */
export function ensureDevSecret(dataDir: string, log: Logger): void {
  if (runtimeConfig.nextAuthSecret()) return;
  const file = path.resolve(dataDir, "nextauth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { mode: 0o600 });
    log.info({ file }, "generated a development NEXTAUTH_SECRET");
  }
  runtimeConfig.setNextAuthSecret(fs.readFileSync(file, "utf8").trim());
}

import { hash, verify, type Options } from "@node-rs/argon2";
import { env } from "@/lib/config/env";
import { ConcurrencyGate, GATE_FULL_ERROR_NAME } from "./concurrency-gate";


/** argon2id with OWASP's minimum recommended parameters (19 MiB, 2 passes, 1 lane). The
 *  parameters are stored in the PHC string of every hash, so raising them later keeps old hashes
 *  verifiable. `algorithm: 2` is Argon2id (the package's `Algorithm` is a const enum, which
 *  isolatedModules cannot read). */
export const ARGON2_OPTIONS = {
  algorithm: 2 as Options["algorithm"],
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} satisfies Options;

/** Hashes waiting for a slot beyond ARGON2_CONCURRENCY running ones (lib/config/env.ts, default 2):
 *  a wave of 30 sign-ins at once is served in turn (about a second at 2 × ~60 ms), a larger one is
 *  refused (isPasswordWorkBusy), which the callers answer "busy, try again in a moment". */
export const ARGON2_MAX_WAITING = 30;

/** How long a refused caller is told to wait. */
export const ARGON2_BUSY_RETRY_SECONDS = 2;

// On globalThis: Next bundles the sign-in route and the sign-up action separately, and all of them
// (on this node) must share one gate.
const store = globalThis as unknown as { sortroomArgon2Gate?: ConcurrencyGate };

function gate(): ConcurrencyGate {
  return (store.sortroomArgon2Gate ??= new ConcurrencyGate(env().ARGON2_CONCURRENCY, ARGON2_MAX_WAITING));
}

/** True for the error hashPassword and verifyPassword throw when too many hashes are queued. By
 *  name, not instanceof: the gate is shared by separately bundled copies of this module. */
export function isPasswordWorkBusy(error: unknown): boolean {
  return error instanceof Error && error.name === GATE_FULL_ERROR_NAME;
}

/** Throws (isPasswordWorkBusy) when too many hashes are queued already. */
export function hashPassword(password: string): Promise<string> {
  return gate().run(() => hash(password, ARGON2_OPTIONS));
}

/** False for a wrong password or an unreadable hash; throws (only) when too many hashes are
 *  queued already (isPasswordWorkBusy). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return gate().run(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

let dummyHash: Promise<string> | undefined;

/** Spends about as long as a real verification, for sign-ins with an unknown email, so response
 *  time does not reveal which emails have accounts. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("sortroom-dummy-password-for-timing");
  dummyHash.catch(() => (dummyHash = undefined)); // a refused first hash is retried next time
  await verifyPassword(await dummyHash, password);
  return false;
}

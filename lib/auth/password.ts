import { hash, verify, type Options } from "@node-rs/argon2";

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

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** False (never a throw) for a wrong password or an unreadable hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends about as long as a real verification, for sign-ins with an unknown email, so response
 *  time does not reveal which emails have accounts. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("sortroom-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}

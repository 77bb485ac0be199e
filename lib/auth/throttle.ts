import { addressKey, KeyedLimiter, type Decision } from "@/lib/domain/rate-limit";

/** Rate limits on facilitator sign-in and sign-up. Pure (the caller passes the time in); one
 *  instance per process lives in ./throttle-store.
 *
 *  Sign-in, per account (the normalised email) and per client address: a token is taken from both
 *  BEFORE the password is verified, so a concurrent wave cannot slip past while argon2 runs; a
 *  successful sign-in then forgets the account's bucket and gives its token back to the address, so
 *  only failures count. Unknown emails count like wrong passwords (their answer is the same).
 *  Sign-up, per client address: every attempt that passes validation costs, taken before hashing.
 *
 *  Known trade-off of a per-account limit: someone who knows a facilitator's email can keep that
 *  account's bucket empty (10 failures, then one a minute), locking its owner out of password
 *  sign-in for as long as they keep at it. The per-address limit bounds how fast one address can do
 *  that; OAuth sign-in is not limited here. */

export interface BucketLimit {
  capacity: number;
  perSecond: number;
}

export interface AuthLimits {
  signInPerAccount: BucketLimit;
  signInPerAddress: BucketLimit;
  signUpPerAddress: BucketLimit;
}

/** The defaults (see also lib/config/env.ts for the sign-up knobs, and README "Configuration").
 *  - per account: 10 failed sign-ins at once, then 1 a minute (1,440 guesses a day at most);
 *  - per address: 30 failed sign-ins at once (a room of facilitators behind one NAT mistyping),
 *    then 1 every 10 s;
 *  - sign-ups per address: 10 at once, then 30 an hour. */
export const DEFAULT_AUTH_LIMITS: AuthLimits = {
  signInPerAccount: { capacity: 10, perSecond: 1 / 60 },
  signInPerAddress: { capacity: 30, perSecond: 1 / 10 },
  signUpPerAddress: { capacity: 10, perSecond: 30 / 3600 },
};

/** The defaults, with the sign-up limit from the environment (SIGNUP_BURST_PER_ADDRESS,
 *  SIGNUPS_PER_HOUR_PER_ADDRESS in lib/config/env.ts). */
export function authLimitsFromEnv(e: { SIGNUP_BURST_PER_ADDRESS: number; SIGNUPS_PER_HOUR_PER_ADDRESS: number }): AuthLimits {
  return { ...DEFAULT_AUTH_LIMITS, signUpPerAddress: { capacity: e.SIGNUP_BURST_PER_ADDRESS, perSecond: e.SIGNUPS_PER_HOUR_PER_ADDRESS / 3600 } };
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const refused = (decision: Decision): ThrottleVerdict => ({ allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) });

export class AuthThrottle {
  private readonly signInAccounts: KeyedLimiter;
  private readonly signInAddresses: KeyedLimiter;
  private readonly signUpAddresses: KeyedLimiter;

  constructor(readonly limits: AuthLimits = DEFAULT_AUTH_LIMITS) {
    this.signInAccounts = new KeyedLimiter(limits.signInPerAccount.capacity, limits.signInPerAccount.perSecond);
    this.signInAddresses = new KeyedLimiter(limits.signInPerAddress.capacity, limits.signInPerAddress.perSecond);
    this.signUpAddresses = new KeyedLimiter(limits.signUpPerAddress.capacity, limits.signUpPerAddress.perSecond);
  }

  /** Before verifying a password: takes one attempt from the address, then from the account. A
   *  refusal by the address takes nothing from the account, so one address cannot drain other
   *  people's accounts beyond its own allowance. `email` is already normalised (credentials-schema). */
  beginSignIn(address: string, email: string, now: number): ThrottleVerdict {
    const byAddress = this.signInAddresses.attempt(addressKey(address), now);
    if (!byAddress.allowed) return refused(byAddress);
    const byAccount = this.signInAccounts.attempt(email, now);
    if (!byAccount.allowed) return refused(byAccount);
    return { allowed: true };
  }

  /** After a correct password: the attempt was not a failure, so it costs nothing. */
  signInSucceeded(address: string, email: string, now: number): void {
    this.signInAccounts.reset(email);
    this.signInAddresses.refund(addressKey(address), now);
  }

  /** When the password could not be checked at all (argon2 busy): the attempt is given back. */
  signInNotTried(address: string, email: string, now: number): void {
    this.signInAccounts.refund(email, now);
    this.signInAddresses.refund(addressKey(address), now);
  }

  /** Before creating an account (after validation, before hashing). */
  beginSignUp(address: string, now: number): ThrottleVerdict {
    const decision = this.signUpAddresses.attempt(addressKey(address), now);
    return decision.allowed ? { allowed: true } : refused(decision);
  }
}

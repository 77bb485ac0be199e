import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { DEFAULT_AUTH_LIMITS } from "@/lib/auth/throttle";
import { csrfJar, signInAttempt, withDb } from "./support/live";
import { callServerAction } from "./support/server-action";
import { startTestServer, type TestServer } from "./support/server";

/** Sign-in and sign-up limits (lib/auth/throttle.ts) through the real endpoints: next-auth's
 *  credentials callback and the sign-up server action. The server trusts X-Forwarded-For here, so
 *  the test can speak for several client addresses. */

const from = (address: string) => ({ "x-forwarded-for": address });

/** Runs `count` tasks, `width` at a time. */
async function inWaves<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i += width) results.push(...(await Promise.all(Array.from({ length: Math.min(width, count - i) }, (_, j) => task(i + j)))));
  return results;
}

describe("sign-in and sign-up limits", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ trustProxy: true });
  });
  afterAll(() => server.close());

  async function createAccount(email: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    await withDb(server, (c) => c.query(`INSERT INTO users (id, email, password_hash) VALUES (gen_random_uuid(), $1, $2)`, [email, hash]));
  }

  it("400 wrong passwords in a row (from many addresses), then the right one: refused 429 with Retry-After and no session", async () => {
    await createAccount("target@example.com", "the right password");
    const csrf = await csrfJar(server);
    // Each guess from an address of its own: only the per-account limit can stop them.
    const guesses = await inWaves(400, 8, (i) =>
      signInAttempt(server, "Target@Example.com ", `wrong password ${i}`, { csrf, headers: from(`198.51.${100 + (i >> 8)}.${i & 255}`) }),
    );
    expect(guesses.filter((g) => g.status === 401 && g.error === "CredentialsSignin")).toHaveLength(DEFAULT_AUTH_LIMITS.signInPerAccount.capacity);
    expect(guesses.every((g) => g.cookie === null)).toBe(true);

    const right = await signInAttempt(server, "target@example.com", "the right password", { csrf, headers: from("192.0.2.50") });
    expect(right.status).toBe(429);
    expect(right.error).toMatch(/^TooManyAttempts:\d+$/);
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
    expect(right.error).toBe(`TooManyAttempts:${right.retryAfter}`);
    expect(right.cookie).toBeNull();

    // Another account is not affected.
    await createAccount("bystander@example.com", "the right password");
    expect((await signInAttempt(server, "bystander@example.com", "the right password", { csrf, headers: from("192.0.2.51") })).cookie).not.toBeNull();
  });

  it("one address trying many accounts is refused after its burst, before any password is checked", async () => {
    const csrf = await csrfJar(server);
    const address = from("203.0.113.9");
    const tries = await inWaves(DEFAULT_AUTH_LIMITS.signInPerAddress.capacity, 8, (i) => signInAttempt(server, `nobody${i}@example.com`, "some password", { csrf, headers: address }));
    expect(tries.every((t) => t.status === 401 && t.error === "CredentialsSignin")).toBe(true);

    await createAccount("real@example.com", "the right password");
    const refused = await signInAttempt(server, "real@example.com", "the right password", { csrf, headers: address });
    expect([refused.status, refused.error?.startsWith("TooManyAttempts:"), refused.cookie]).toEqual([429, true, null]);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // The same account from elsewhere signs in.
    expect((await signInAttempt(server, "real@example.com", "the right password", { csrf, headers: from("203.0.113.10") })).cookie).not.toBeNull();
  });

  it("sign-ups from one address are limited: the burst is created, the next one refused with its wait, nothing stored", async () => {
    const signUp = (email: string, address: string) => {
      const form = new FormData();
      form.set("email", email);
      form.set("password", "a long enough password");
      form.set("name", "");
      return callServerAction<{ ok: boolean; formError?: string; retryAfterSeconds?: number }>(
        server,
        "/signup",
        { filename: "app/(auth)/signup/actions.ts", exportedName: "signUp" },
        form,
        from(address),
      );
    };
    const burst = DEFAULT_AUTH_LIMITS.signUpPerAddress.capacity;
    const created = await inWaves(burst, 2, (i) => signUp(`new${i}@example.com`, "198.18.0.1"));
    expect(created.map((c) => c.result)).toEqual(Array(burst).fill({ ok: true, email: expect.any(String) }));

    const refused = await signUp("one-too-many@example.com", "198.18.0.1");
    expect(refused.result).toMatchObject({ ok: false, formError: "RATE_LIMITED" });
    expect(refused.result.retryAfterSeconds).toBeGreaterThan(0);
    const stored = await withDb(server, async (c) => (await c.query(`SELECT count(*)::int AS n FROM users WHERE email = 'one-too-many@example.com'`)).rows[0].n as number);
    expect(stored).toBe(0);

    // Another address still signs up.
    expect((await signUp("elsewhere@example.com", "198.18.0.2")).result).toMatchObject({ ok: true });
  });
});

import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/db/errors";

/** Errors as node-postgres and Prisma raise them (shapes, not instances of their classes). */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["connection refused", Object.assign(new AggregateError([], "connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["Postgres starting up after a crash (57P03)", pgError("57P03", "the database system is starting up")],
    ["Postgres in recovery, not accepting connections yet (57P03)", pgError("57P03", "the database system is not yet accepting connections")],
    ["postmaster died under a backend (57P01)", pgError("57P01", "terminating connection due to unexpected postmaster exit")],
    ["too many connections (53300)", pgError("53300", "sorry, too many clients already")],
    ["a connection exception (class 08)", pgError("08006", "connection failure")],
    ["the pool's own wording", new Error("Connection terminated unexpectedly")],
    ["Prisma: can't reach the server", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
    ["wrapped as a cause", new Error("query failed", { cause: pgError("57P03", "the database system is starting up") })],
    ["already classified", new DatabaseUnavailableError(new Error("x"))],
  ])("is true for %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", pgError("23505", "duplicate key value violates unique constraint")],
    ["a syntax error", pgError("42601", "syntax error at or near")],
    ["Prisma's unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["a saturated pool (load, not an outage)", new Error("timeout exceeded when trying to connect")],
    ["nothing", undefined],
    ["a string", "ECONNREFUSED"],
  ])("is false for %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("keeps the original error as the cause and says what happened", () => {
    const cause = pgError("57P03", "the database system is starting up");
    const error = new DatabaseUnavailableError(cause);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe("database connection unavailable: the database system is starting up");
  });
});

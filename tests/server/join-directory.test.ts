import { describe, expect, it } from "vitest";
import type { JoinTarget } from "@/lib/db/workshops/reads";
import { ProtocolError } from "@/lib/protocol/ack";
import { JoinDirectory } from "@/server/realtime/join-directory";
import { DEFAULT_REALTIME_LIMITS, type RealtimeLimits } from "@/server/realtime/limits";

/** Join codes to rooms: what reaches the database, and what a flood gets back. The database and
 *  the rooms are fakes; the clock is a number. */

interface FakeRoom {
  id: string;
  phase: string;
}

function setup(targets: Record<string, JoinTarget>, limits: Partial<RealtimeLimits> = {}) {
  let clock = 1_000_000;
  const queries: string[] = [];
  const rooms = new Map<string, FakeRoom>();
  let hold: Promise<void> | null = null;
  const directory = new JoinDirectory<FakeRoom>({
    rooms: {
      get: (id) => {
        const room = rooms.get(id);
        return room ? Promise.resolve(room) : Promise.reject(new ProtocolError("SESSION_NOT_FOUND"));
      },
    },
    limits: { ...DEFAULT_REALTIME_LIMITS, ...limits },
    now: () => clock,
    lookup: async (code) => {
      queries.push(code);
      if (hold) await hold;
      return targets[code] ?? { kind: "unknown" };
    },
  });
  return {
    directory,
    queries,
    rooms,
    advance: (ms: number) => (clock += ms),
    holdLookups: () => {
      let release!: () => void;
      hold = new Promise((r) => (release = r));
      return () => {
        hold = null;
        release();
      };
    },
  };
}

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (error) {
    return error instanceof ProtocolError ? error.code : String(error);
  }
}

describe("JoinDirectory", () => {
  it("1,200 concurrent joins with one unknown code cost one query, and all get SESSION_NOT_FOUND", async () => {
    const { directory, queries } = setup({});
    const results = await Promise.all(Array.from({ length: 1_200 }, () => outcome(directory.roomFor("ZZZZZZ", "203.0.113.9"))));
    expect(new Set(results)).toEqual(new Set(["SESSION_NOT_FOUND"]));
    expect(queries).toEqual(["ZZZZZZ"]);
  });

  it("an unknown code is asked again only after its few seconds; an open one is served from memory", async () => {
    const { directory, queries, rooms, advance } = setup({ OPEN22: { kind: "open", workshopId: "w1" } });
    rooms.set("w1", { id: "w1", phase: "lobby" });
    await outcome(directory.roomFor("ZZZZZZ", "a"));
    expect(await directory.roomFor("OPEN22", "a")).toBe(rooms.get("w1"));
    advance(DEFAULT_REALTIME_LIMITS.joinCodeTtlMs.unknown - 1);
    await outcome(directory.roomFor("ZZZZZZ", "a"));
    await directory.roomFor("OPEN22", "a");
    advance(1);
    await outcome(directory.roomFor("ZZZZZZ", "a"));
    await directory.roomFor("OPEN22", "a");
    expect(queries).toEqual(["ZZZZZZ", "OPEN22", "ZZZZZZ"]);
  });

  it("a closed session's code answers SESSION_CLOSED from the cache", async () => {
    const { directory, queries } = setup({ DONE22: { kind: "closed" } });
    expect(await outcome(directory.roomFor("DONE22", "a"))).toBe("SESSION_CLOSED");
    expect(await outcome(directory.roomFor("DONE22", "a"))).toBe("SESSION_CLOSED");
    expect(queries).toEqual(["DONE22"]);
  });

  it("a cached session that has ended since is noticed at once (its code is looked up again)", async () => {
    const targets: Record<string, JoinTarget> = { CODE22: { kind: "open", workshopId: "old" } };
    const { directory, queries, rooms } = setup(targets);
    rooms.set("old", { id: "old", phase: "sorting" });
    await directory.roomFor("CODE22", "a");
    rooms.get("old")!.phase = "closed";
    targets.CODE22 = { kind: "closed" };
    expect(await outcome(directory.roomFor("CODE22", "a"))).toBe("SESSION_CLOSED");
    expect(await outcome(directory.roomFor("CODE22", "a"))).toBe("SESSION_CLOSED");
    expect(queries).toEqual(["CODE22", "CODE22"]);
  });

  it("a purged session's cached code is looked up again, and found if a new session took it", async () => {
    const targets: Record<string, JoinTarget> = { CODE33: { kind: "open", workshopId: "gone" } };
    const { directory, queries, rooms } = setup(targets);
    rooms.set("gone", { id: "gone", phase: "lobby" });
    await directory.roomFor("CODE33", "a");
    rooms.delete("gone");
    targets.CODE33 = { kind: "open", workshopId: "next" };
    rooms.set("next", { id: "next", phase: "lobby" });
    expect((await directory.roomFor("CODE33", "a")).id).toBe("next");
    expect(queries).toEqual(["CODE33", "CODE33"]);
  });

  it("made-up codes from one address reach the database only up to its lookup burst; another address still gets through", async () => {
    const burst = 10;
    const { directory, queries } = setup({}, { joinLookupsPerAddress: { burst, perSecond: 1 } });
    const codes = Array.from({ length: 50 }, (_, i) => `RAND${String(i).padStart(2, "0")}`);
    const results = [];
    for (const code of codes) results.push(await outcome(directory.roomFor(code, "198.51.100.7")));
    expect(results.filter((r) => r === "SESSION_NOT_FOUND")).toHaveLength(burst);
    expect(results.filter((r) => r === "RATE_LIMITED")).toHaveLength(50 - burst);
    expect(queries).toHaveLength(burst);
    expect(await outcome(directory.roomFor("OTHER2", "198.51.100.8"))).toBe("SESSION_NOT_FOUND");
    // A code already answered costs no lookup, so a limited address still learns it.
    expect(await outcome(directory.roomFor(codes[0]!, "198.51.100.7"))).toBe("SESSION_NOT_FOUND");
  });

  it("at most `running` lookups at once, `queued` waiting, and the rest UNAVAILABLE (retryable)", async () => {
    const { directory, queries, holdLookups } = setup({}, { joinLookupConcurrency: { running: 2, queued: 3 } });
    const release = holdLookups();
    const pending = Array.from({ length: 8 }, (_, i) => outcome(directory.roomFor(`SLOW${String(i).padStart(2, "0")}`, `10.0.0.${i}`)));
    await new Promise((r) => setImmediate(r));
    expect(queries).toHaveLength(2);
    release();
    const results = await Promise.all(pending);
    expect(results.filter((r) => r === "UNAVAILABLE")).toHaveLength(3);
    expect(results.filter((r) => r === "SESSION_NOT_FOUND")).toHaveLength(5);
  });

  it("join writes run a few at a time; beyond the queue, UNAVAILABLE", async () => {
    const { directory } = setup({}, { joinWriteConcurrency: { running: 1, queued: 1 } });
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const writes = [directory.write(() => blocked), directory.write(() => Promise.resolve()), directory.write(() => Promise.resolve())];
    expect(await outcome(writes[2]!)).toBe("UNAVAILABLE");
    release();
    await Promise.all(writes.slice(0, 2));
  });
});

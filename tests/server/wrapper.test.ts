import { afterEach, describe, expect, it } from "vitest";
import { TokenBucket } from "@/lib/domain/rate-limit";
import { registerHandlers, type HandlerTable } from "@/server/realtime/wrapper";
import { loopbackIo, rawEmit, silentLog, type LoopbackIo } from "./support";

/** Handlers that record what reached them; every event answers `{ handled: name }`. */
function recordingHandlers(seen: Array<{ event: string; payload: unknown }>): HandlerTable {
  return new Proxy({} as HandlerTable, {
    get: (_t, event: string) => async (_socket: unknown, payload: unknown) => {
      seen.push({ event, payload });
      return { handled: event };
    },
  });
}

describe("the event wrapper against hostile frames", () => {
  let server: LoopbackIo | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(opts: { burst: number; strikes?: { capacity: number; perSecond: number } }, seen: Array<{ event: string; payload: unknown }> = []) {
    const clock = 1_000_000; // a frozen clock: buckets never refill during a test
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on("uncaughtException", onUncaught);
    server = await loopbackIo((socket) =>
      registerHandlers(socket, recordingHandlers(seen), {
        log: silentLog,
        bucket: new TokenBucket(opts.burst, 1, clock),
        now: () => clock,
        metrics: { event: () => undefined },
        strikes: opts.strikes,
      }),
    );
    const prevClose = server.close;
    server.close = async () => {
      process.off("uncaughtException", onUncaught);
      await prevClose();
    };
    return { uncaught, seen };
  }

  it("answers a numeric event name with UNKNOWN_EVENT instead of throwing", async () => {
    const { uncaught } = await start({ burst: 100 });
    const socket = await server!.connect();
    for (const name of [123, 0, -1, 1.5]) {
      expect(await rawEmit(socket, name, {})).toMatchObject({ ok: false, code: "UNKNOWN_EVENT" });
    }
    expect(uncaught).toEqual([]);
    expect(socket.connected).toBe(true);
  });

  it("counts unknown events, numeric names and events without an ack against the socket's limit", async () => {
    const { seen } = await start({ burst: 6, strikes: { capacity: 100, perSecond: 1 } });
    const socket = await server!.connect();
    socket.emit("no:ack", {}); // no ack: dropped, but costs a token
    (socket as unknown as { emit(...a: unknown[]): void }).emit(7, {});
    expect(await rawEmit(socket, "nope:nope", {})).toMatchObject({ code: "UNKNOWN_EVENT" });
    expect(await rawEmit(socket, 42, {})).toMatchObject({ code: "UNKNOWN_EVENT" });
    expect(await rawEmit(socket, "participant:join", { code: "ABC234", nickname: "Ana" })).toMatchObject({ ok: true });
    expect(await rawEmit(socket, "nope:again", {})).toMatchObject({ code: "UNKNOWN_EVENT" });
    // Six tokens spent: every further frame, known or not, is refused.
    expect(await rawEmit(socket, "participant:join", { code: "ABC234", nickname: "Bo" })).toMatchObject({ code: "RATE_LIMITED" });
    expect(await rawEmit(socket, 99, {})).toMatchObject({ code: "RATE_LIMITED" });
    expect(seen.map((s) => s.event)).toEqual(["participant:join"]);
  });

  it("disconnects a socket that keeps sending past its limit", async () => {
    const { uncaught } = await start({ burst: 5, strikes: { capacity: 10, perSecond: 1 } });
    const socket = await server!.connect();
    const closed = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    const frames = Array.from({ length: 2_000 }, (_, i) => (i % 2 ? i : `junk:${i}`));
    for (const name of frames) (socket as unknown as { emit(...a: unknown[]): void }).emit(name, {}, () => undefined);
    expect(await closed).toBe("io server disconnect");
    expect(uncaught).toEqual([]);
    expect(server!.io.engine.clientsCount).toBe(0);
  });

  it("refuses null (and NaN, sent as null) where an object is expected, but takes a missing payload for an event without data", async () => {
    const { seen } = await start({ burst: 100 });
    const phone = await server!.connect({ role: "participant", participantId: "p1", workshopId: "w1" });
    const socket = await server!.connect({ role: "facilitator", userId: "u1", workshopId: "w1" });
    expect(await rawEmit(phone, "participant:submit", null)).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await rawEmit(socket, "session:end", NaN)).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await rawEmit(socket, "session:start", null)).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await rawEmit(socket, "session:start")).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(seen).toEqual([]);
    expect(await rawEmit(phone, "participant:submit")).toMatchObject({ ok: true });
    expect(await rawEmit(socket, "session:end", {})).toMatchObject({ ok: true });
    expect(seen).toEqual([
      { event: "participant:submit", payload: {} },
      { event: "session:end", payload: {} },
    ]);
  });
});

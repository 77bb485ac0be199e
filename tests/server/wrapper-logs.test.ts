import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { TokenBucket } from "@/lib/domain/rate-limit";
import { registerHandlers, type HandlerTable } from "@/server/realtime/wrapper";
import type { IoSocket } from "@/server/realtime/types";
import { loopbackIo, rawEmit, type LoopbackIo } from "./support";

/** A pino logger whose lines are kept as parsed objects. */
function capturingLog() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: "info" }, sink), lines };
}

/** participant:join turns the guest socket into a participant's, as the real handler does (a
 *  join as "Fails" throws instead); every other event fails the way a database bug would. */
function handlers(): HandlerTable {
  return new Proxy({} as HandlerTable, {
    get: (_t, event: string) => async (socket: IoSocket, payload: { nickname?: string }) => {
      if (event === "participant:join" && payload.nickname !== "Fails") {
        socket.data.identity = { role: "participant", participantId: "p-42", workshopId: "w-7" };
        return {};
      }
      throw new Error(`boom in ${event}`);
    },
  });
}

describe("wrapper logs name who acted (issue 9, item 14)", () => {
  let server: LoopbackIo | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start() {
    const { log, lines } = capturingLog();
    const clock = 1_000_000;
    server = await loopbackIo((socket) =>
      registerHandlers(socket, handlers(), { log, bucket: new TokenBucket(100, 1, clock), now: () => clock, metrics: { event: () => undefined } }),
    );
    return lines;
  }

  it("logs a failure on a socket that joined as that participant, not as a guest", async () => {
    const lines = await start();
    const phone = await server!.connect();
    expect(await rawEmit(phone, "participant:join", { code: "ABC234", nickname: "Ana" })).toMatchObject({ ok: true });
    expect(await rawEmit(phone, "participant:sync")).toMatchObject({ ok: false, code: "INTERNAL" });

    const failure = lines.find((l) => l.msg === "event handler failed");
    expect(failure).toMatchObject({ event: "participant:sync", role: "participant", participantId: "p-42", workshopId: "w-7" });
  });

  it("logs a guest's failure as a guest, with its socket id", async () => {
    const lines = await start();
    const guest = await server!.connect();
    expect(await rawEmit(guest, "participant:join", { code: "ABC234", nickname: "Fails" })).toMatchObject({ ok: false, code: "INTERNAL" });
    const failure = lines.find((l) => l.msg === "event handler failed");
    expect(failure).toMatchObject({ role: "guest", socketId: expect.any(String) });
    expect(failure).not.toHaveProperty("participantId");
  });
});

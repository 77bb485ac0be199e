import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { TokenBucket } from "@/lib/domain/rate-limit";
import { registerHandlers, type HandlerTable } from "@/server/realtime/wrapper";
import { loopbackIo, rawEmit, silentLog, type LoopbackIo } from "./support";

/** A guest's valid join: reaches the handler. */
const JOIN = { code: "ABC234", nickname: "Ana" };

/** A database client that connects at once and never answers: a database that is up but busy. */
class StuckClient {
  connect(callback: (error?: Error) => void) {
    setImmediate(() => callback());
  }
  query() {
    return new Promise(() => undefined);
  }
  end(callback?: () => void) {
    callback?.();
    return Promise.resolve();
  }
  on() {
    return this;
  }
  once() {
    return this;
  }
  removeListener() {
    return this;
  }
}

/** How a handler's failure reaches the client: an overloaded pool is not a database outage. */
describe("the event wrapper's answer when a handler fails", () => {
  let server: LoopbackIo | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function phoneWith(handler: () => Promise<unknown>) {
    const handlers = new Proxy({} as HandlerTable, { get: () => handler });
    const clock = 1_000_000;
    server = await loopbackIo((socket) =>
      registerHandlers(socket, handlers, { log: silentLog, bucket: new TokenBucket(100, 1, clock), now: () => clock, metrics: { event: () => undefined } }),
    );
    return server.connect();
  }

  it("answers BUSY, not UNAVAILABLE, when no pooled connection came free in time", async () => {
    // The real pg pool, one connection, held by a statement that never ends: the next statement
    // gets pg-pool's own acquire-timeout error.
    const busy = new pg.Pool({ Client: StuckClient as unknown as typeof pg.Client, max: 1, connectionTimeoutMillis: 50 });
    void busy.query("SELECT 1");
    const phone = await phoneWith(() => busy.query("SELECT 2"));
    expect(await rawEmit(phone, "participant:join", JOIN)).toMatchObject({ ok: false, code: "BUSY" });
  });

  it("still answers UNAVAILABLE when the database cannot be reached", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const phone = await phoneWith(() => Promise.reject(refused));
    expect(await rawEmit(phone, "participant:join", JOIN)).toMatchObject({ ok: false, code: "UNAVAILABLE" });
  });

  it("answers INTERNAL for anything else", async () => {
    const phone = await phoneWith(() => Promise.reject(new TypeError("x is undefined")));
    expect(await rawEmit(phone, "participant:join", JOIN)).toMatchObject({ ok: false, code: "INTERNAL" });
  });
});

import pino from "pino";
import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { outageLogThrottle } from "@/lib/log/outage-throttle";

function capture(intervalMs: number) {
  let clock = 0;
  const lines: { level: number; msg: string; repeated?: number; err?: unknown }[] = [];
  const log = pino({ level: "info", hooks: { logMethod: outageLogThrottle(intervalMs, () => clock) } }, { write: (l: string) => void lines.push(JSON.parse(l)) });
  return { log, lines, advance: (ms: number) => (clock += ms) };
}

const outage = () => new DatabaseUnavailableError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));

describe("outageLogThrottle", () => {
  it("logs an outage error once per interval per message, then says how many it left out", () => {
    const { log, lines, advance } = capture(10_000);
    const socketLog = log.child({ socketId: "a" });
    for (let i = 0; i < 1_000; i++) {
      socketLog.error({ err: outage(), event: "placement:set" }, "event handler failed");
      log.error({ err: outage(), batch: 3 }, "placement batch failed");
      advance(10); // 1,000 failures of each kind over 10 s
    }
    expect(lines.map((l) => [l.msg, l.repeated])).toEqual([
      ["event handler failed", undefined],
      ["placement batch failed", undefined],
    ]);
    advance(1);
    socketLog.error({ err: outage() }, "event handler failed");
    expect(lines.at(-1)).toMatchObject({ msg: "event handler failed", repeated: 999, socketId: "a" });
    log.error(outage(), "placement batch failed"); // an Error as the first argument
    expect(lines.at(-1)).toMatchObject({ msg: "placement batch failed", repeated: 999, err: { message: expect.stringContaining("ECONNREFUSED") } });
  });

  it("never holds back other errors or other levels", () => {
    const { log, lines } = capture(10_000);
    for (let i = 0; i < 5; i++) {
      log.error({ err: new TypeError("a bug") }, "event handler failed");
      log.info({ n: i }, "request");
    }
    expect(lines).toHaveLength(10);
  });
});

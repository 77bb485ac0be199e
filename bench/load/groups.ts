import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { PhoneGroup, type GroupResult, type PhonePlan } from "./phones";

/** One group of phones, in this process or in a worker process (worker.ts). */
export interface GroupHandle {
  /** Resolves when the group can start joining on time (a worker process has loaded). */
  ready(): Promise<void>;
  join(joinStart: number): Promise<number>;
  /** Sorting starts at `sortStart` (epoch ms), or, when null, when the phones are told it started. */
  sort(sortStart: number | null): Promise<GroupResult>;
  close(): void;
}

export function inProcessGroup(plan: Omit<PhonePlan, "joinStart">): GroupHandle {
  let group: PhoneGroup | undefined;
  const started = () => {
    if (!group) throw new Error("join first");
    return group;
  };
  return {
    ready: () => Promise.resolve(),
    join: (joinStart) => (group = new PhoneGroup({ ...plan, joinStart })).join(),
    sort: async (sortStart) => {
      await started().sort(sortStart ?? (await started().sortingStarted()));
      return started().result();
    },
    close: () => group?.close(),
  };
}

export function workerGroup(plan: Omit<PhonePlan, "joinStart">): GroupHandle {
  const child: ChildProcess = fork(path.join(import.meta.dirname, "worker.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const next = <T>(type: string, pick: (m: Record<string, unknown>) => T) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        if (m.type !== type) return;
        child.off("message", onMessage);
        child.off("close", onExit);
        resolve(pick(m));
      };
      const onExit = (code: number | null) => reject(new Error(`load worker exited (${code}) before "${type}"`));
      child.on("message", onMessage);
      // "close", not "exit": a worker sends its result and exits at once, and under load "exit"
      // can arrive before the message still in the IPC pipe ("close" comes after the pipe is read).
      child.once("close", onExit);
    });
  const ready = next("ready", () => undefined);
  return {
    ready: () => ready,
    join: (joinStart) => {
      const joined = next("joined", (m) => m.joined as number);
      child.send({ type: "join", plan: { ...plan, joinStart } });
      return joined;
    },
    sort: (sortStart) => {
      const result = next("result", (m) => m.result as GroupResult);
      child.send({ type: "sort", sortStart });
      return result;
    },
    close: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}

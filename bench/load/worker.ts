import { PhoneGroup, type PhonePlan } from "./phones";

/** A worker process of the load generator (forked by groups.ts): runs one group of phones so the
 *  simulated phones can use more than one core. Talks to its parent over the IPC channel. */
type Command = { type: "join"; plan: PhonePlan } | { type: "sort"; sortStart: number | null };

let group: PhoneGroup | undefined;

process.on("message", (command: Command) => {
  void (async () => {
    if (command.type === "join") {
      group = new PhoneGroup(command.plan);
      process.send!({ type: "joined", joined: await group.join() });
    } else if (group) {
      const started: number = command.sortStart ?? (await group.sortingStarted());
      await group.sort(started);
      process.send!({ type: "result", result: group.result() }, () => {
        group?.close();
        process.exit(0);
      });
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});

process.send!({ type: "ready" });

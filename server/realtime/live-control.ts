import type { Logger } from "pino";
import { ok } from "@/lib/protocol/ack";
import { registerLiveControl } from "@/lib/sessions/live-control";
import { runPhaseCommand, type StaffDeps } from "./handlers/facilitator";
import { errorAck } from "./wrapper";

/** Serves the token API's phase commands (lib/sessions/live-control.ts) from this process's live
 *  rooms, through the console's own phase path. Returns the function that stops serving them. */
export function serveLiveControl(deps: Pick<StaffDeps, "rooms" | "broadcaster">, log: Logger): () => void {
  return registerLiveControl({
    phase: async (workshopId, command) => {
      try {
        return ok(await runPhaseCommand(deps, workshopId, command));
      } catch (error) {
        return errorAck(error, (err) => log.error({ err, event: command.event, workshopId, via: "token API" }, "phase command failed"));
      }
    },
  });
}

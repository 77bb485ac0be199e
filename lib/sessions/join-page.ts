import { findOpenWorkshopByCode } from "@/lib/db/workshops/reads";
import { joinStage, type JoinStage } from "@/lib/domain/phases";
import { JoinCodeGate, type GateAnswer } from "./join-code-gate";

/** What the join page needs of an open session: its groups and whether one can join now
 *  (nothing else leaves the server). */
export interface JoinPageSession {
  cohortOptions: string[];
  joinStage: JoinStage;
}

// On globalThis: one gate (one set of per-address limits) per server process, however Next
// bundles the page.
const store = globalThis as unknown as { sortroomJoinPageGate?: JoinCodeGate<JoinPageSession> };

/** The join page's look-up of `code` for a client at `clientAddress`, under the per-address limit
 *  (lib/sessions/join-code-gate.ts). A database error reads as "not found": the page then asks
 *  for nothing the session would need, and the socket join reports the outage. */
export function checkJoinPageCode(code: string, clientAddress: string, now = Date.now()): Promise<GateAnswer<JoinPageSession>> {
  const gate = (store.sortroomJoinPageGate ??= new JoinCodeGate(async (code) => {
    const workshop = await findOpenWorkshopByCode(code);
    return workshop ? { cohortOptions: workshop.cohortOptions, joinStage: joinStage(workshop) } : null;
  }));
  return gate.check(code, clientAddress, now).catch(() => ({ refused: false, found: null }));
}

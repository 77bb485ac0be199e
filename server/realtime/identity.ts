import { timingSafeEqual } from "node:crypto";
import { facilitatorFromCookieHeader } from "@/lib/auth/cookie-session";
import { findParticipantByTokenHash } from "@/lib/db/participants/reads";
import { findWorkshopAccess } from "@/lib/db/workshops/reads";
import { ProtocolError } from "@/lib/protocol/ack";
import { KICKED_REJOIN_MESSAGE } from "@/lib/protocol/errors";
import { handshakeAuth } from "@/lib/protocol/schemas";
import { PROTOCOL_VERSION } from "@/lib/protocol/version";
import { hashToken } from "../rooms/live-room";
import type { Identity } from "./types";

const STALE_TOKEN = "This device is not part of a session any more. Join again with the code.";

/** Turns a handshake into an identity, or refuses it with an error code. Facilitators are
 *  identified by their next-auth session cookie and must own the session they open; presenters
 *  by the session's presenter key; participants by their device token (or as guests who may only
 *  join). */
export async function identify(auth: unknown, cookieHeader: string | undefined): Promise<Identity> {
  const version = (auth as { protocol?: unknown } | null)?.protocol;
  if (version !== PROTOCOL_VERSION) {
    throw new ProtocolError("PROTOCOL_MISMATCH", `This server speaks protocol ${PROTOCOL_VERSION}; the page sent ${String(version)}. Reload the page.`);
  }
  const parsed = handshakeAuth.safeParse(auth);
  if (!parsed.success) throw new ProtocolError("VALIDATION", "The connection request was malformed.");
  const a = parsed.data;

  if (a.role === "participant") {
    if (!a.participantToken) return { role: "guest" };
    const participant = await findParticipantByTokenHash(hashToken(a.participantToken));
    if (!participant) throw new ProtocolError("UNAUTHENTICATED", STALE_TOKEN);
    // A banned participant's device stays refused for as long as the session runs: the phone
    // keeps its token, so it cannot slip back in as a new guest. A kicked one's token is void: the
    // phone drops it and may join again as someone new. Once the session has ended the token is
    // just stale (its join code may be given to a new session), like an unknown one.
    if (participant.kicked) {
      if (participant.workshop.phase === "closed") throw new ProtocolError("UNAUTHENTICATED", STALE_TOKEN);
      if (participant.banned) throw new ProtocolError("KICKED");
      throw new ProtocolError("UNAUTHENTICATED", KICKED_REJOIN_MESSAGE);
    }
    return { role: "participant", participantId: participant.id, workshopId: participant.workshopId };
  }

  if (a.role === "facilitator") {
    const user = await facilitatorFromCookieHeader(cookieHeader);
    if (!user) throw new ProtocolError("UNAUTHENTICATED");
    const access = await findWorkshopAccess(a.workshopId);
    // The same answer for "not yours" and "does not exist": ids are not to be probed.
    if (!access || access.ownerId !== user.id) throw new ProtocolError("FORBIDDEN", "This session belongs to another facilitator.");
    return { role: "facilitator", userId: user.id, workshopId: a.workshopId };
  }

  const access = await findWorkshopAccess(a.workshopId);
  if (!access || !sameSecret(access.presenterKey, a.presenterKey)) throw new ProtocolError("FORBIDDEN", "This presenter link is not valid.");
  return { role: "presenter", workshopId: a.workshopId };
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

import type { ProgressView } from "../../lib/protocol/views";
import type { PhaseCommandName } from "../../lib/sessions/live-control";
import { createSession, createSessionWithToken, must, openSocket, phaseWithToken, signIn, type LoadSocket } from "./protocol-client";

/** Who runs the session a load run creates: a facilitator signed in with a password (the console's
 *  socket sends the phase commands and hears the aggregate stream), or an API token (phase commands
 *  over HTTP; a presenter socket, opened with the key the API answered, hears the stream). */
export interface SessionDriver {
  id: string;
  code: string;
  /** Runs a phase command; throws when the server refuses it. */
  phase(command: Extract<PhaseCommandName, "openLobby" | "start" | "reveal">): Promise<void>;
  /** Counts of placed cards as the staff screens were sent them (`session:progress`), with when. */
  progress: { at: number; placed: number }[];
  /** What the console was sent of the roster (`roster:*` events, whatever the server's version
   *  calls them), so a run measures that stream; null when no console watches (API token). */
  roster: RosterStream | null;
  close(): void;
}

export interface RosterStream {
  messages: number;
  /** Their payloads as JSON, in bytes (what Socket.IO sends, less its framing). */
  bytes: number;
}

/** A facilitator's password, or the cookie of one already signed in (several sessions driven by
 *  one account sign in once), or an API token. */
export type DriverCredentials = { facilitator: { email: string; password: string } } | { cookie: string } | { token: string };

const TITLE = "Load test";

export async function startSessionDriver(url: string, deck: string, credentials: DriverCredentials): Promise<SessionDriver> {
  let watcher: LoadSocket;
  let session: { id: string; code: string };
  let phase: SessionDriver["phase"];
  let roster: RosterStream | null = null;
  if ("token" in credentials) {
    const created = await createSessionWithToken(url, credentials.token, deck, TITLE);
    session = created;
    watcher = await openSocket(url, { role: "presenter", workshopId: created.id, presenterKey: created.presenterKey });
    phase = async (command) => void (await phaseWithToken(url, credentials.token, created.id, command));
  } else {
    const cookie = "cookie" in credentials ? credentials.cookie : await signIn(url, credentials.facilitator.email, credentials.facilitator.password);
    session = await createSession(url, cookie, deck);
    const console_ = await openSocket(url, { role: "facilitator", workshopId: session.id }, { cookie });
    watcher = console_;
    phase = async (command) => void (await must(console_, `session:${command}`, {}));
    const stream: RosterStream = { messages: 0, bytes: 0 };
    console_.onAny((event: string, payload: unknown) => {
      if (!event.startsWith("roster:")) return;
      stream.messages += 1;
      stream.bytes += Buffer.byteLength(JSON.stringify(payload) ?? "");
    });
    roster = stream;
    // As the browser's console does on connecting: one full view (its first roster page).
    await must(console_, "facilitator:sync", {});
  }
  const progress: SessionDriver["progress"] = [];
  watcher.on("session:progress", (view: ProgressView) => progress.push({ at: Date.now(), placed: view.placed }));
  return { ...session, phase, progress, roster, close: () => watcher.close() };
}

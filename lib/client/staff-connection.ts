import type { Ack } from "@/lib/protocol/ack";
import type { AckData, ClientEventName, ClientInput } from "@/lib/protocol/registry";
import type { ConsoleView, PhaseView, PresenterView, RosterPage, RosterWindow, ServerToClientEvents } from "@/lib/protocol/views";
import { command, connectFailure, connectStaff, type ConnectFailure, type StaffAuth, type StaffSocket } from "./staff-socket";

/** One staff screen's connection (the facilitator console or the projector): opens the socket
 *  with the handshake auth and protocol version, takes a full view on every (re)connect, turns
 *  server pushes into updates, and sends commands with their acks. No React here: the screens'
 *  reducers consume the updates through `useStaffSocket`. */

export type StaffRole = StaffAuth["role"];

export type Connection = "connecting" | "live" | "reconnecting" | "failed";

/** What a role syncs with, and which pushes it listens to. */
interface RoleSpec {
  facilitator: {
    sync: "facilitator:sync";
    view: ConsoleView;
    pushes: "session:progress" | "session:tally" | "roster:page" | "roster:kicked" | "session:revealed";
  };
  presenter: {
    sync: "presenter:sync";
    view: PresenterView;
    pushes: "session:progress" | "lobby:delta" | "session:tally" | "session:revealed";
  };
}

export type StaffView<R extends StaffRole> = RoleSpec[R]["view"];
export type StaffPush<R extends StaffRole> = RoleSpec[R]["pushes"];

type PushUpdate<E extends keyof ServerToClientEvents> = { type: E; payload: Parameters<ServerToClientEvents[E]>[0] };

/** Everything a staff screen's state changes on. */
export type StaffUpdate<R extends StaffRole> =
  | { type: "connection"; connection: Connection; failure?: ConnectFailure | null }
  | { type: "synced"; view: StaffView<R> }
  | { type: "phase"; view: PhaseView }
  | { [E in StaffPush<R>]: PushUpdate<E> }[StaffPush<R>];

export type StaffAuthOf<R extends StaffRole> = Extract<StaffAuth, { role: R }>;

export type RunCommand = <E extends ClientEventName>(event: E, payload: ClientInput<E>) => Promise<Ack<AckData[E]>>;

interface RoleBehaviour {
  sync: "facilitator:sync" | "presenter:sync";
  pushes: readonly (keyof ServerToClientEvents)[];
  /** How a refused sync shows: the console cannot act without its view; the projector waits. */
  syncFailure: Connection;
}

export const STAFF_ROLES: { [R in StaffRole]: RoleBehaviour & { sync: RoleSpec[R]["sync"]; pushes: readonly StaffPush<R>[] } } = {
  facilitator: { sync: "facilitator:sync", pushes: ["session:progress", "session:tally", "roster:page", "roster:kicked", "session:revealed"], syncFailure: "failed" },
  presenter: { sync: "presenter:sync", pushes: ["session:progress", "lobby:delta", "session:tally", "session:revealed"], syncFailure: "reconnecting" },
};

export const NOT_CONNECTED_YET = "Not connected to the server yet.";

export class StaffConnection<R extends StaffRole> {
  private socket: StaffSocket | null = null;
  /** Phase and round of the newest view: a change means roster, tally and reveal change wholesale. */
  private last: { phase: string; round: number } | null = null;
  /** The console's roster window as the server last accepted it (`roster:window`): asked for
   *  again on every (re)connect, since the server remembers it per socket. */
  private rosterWindow: RosterWindow | null = null;
  /** A window asked for and not answered yet: pushes for any other window are stale by then. */
  private windowAsked: RosterWindow | null = null;
  /** Counts `roster:window` requests, so only the newest one's ack is shown. */
  private windowRequests = 0;

  constructor(
    private readonly auth: StaffAuthOf<R>,
    private readonly update: (update: StaffUpdate<R>) => void,
    private readonly connect: (auth: StaffAuth) => StaffSocket = connectStaff,
  ) {}

  start(): void {
    if (this.socket) return;
    const socket = this.connect(this.auth);
    this.socket = socket;
    const role = STAFF_ROLES[this.auth.role] as RoleBehaviour;
    const emit = (u: StaffUpdate<StaffRole>) => {
      if (this.socket === socket) this.update(u as StaffUpdate<R>);
    };

    const sync = async () => {
      // Before the sync, so its view's roster is this window's page (a refusal leaves the default).
      const asked = this.windowAsked ?? this.rosterWindow;
      if (asked && (await command(socket, "roster:window", asked)).ok) this.rosterWindow = asked;
      const reply = await command(socket, role.sync, {});
      if (reply.ok) {
        this.last = { phase: reply.data.session.phase, round: reply.data.session.round };
        emit({ type: "synced", view: reply.data });
      } else {
        emit({ type: "connection", connection: role.syncFailure, failure: { code: reply.code, message: reply.message, fatal: false } });
      }
    };

    // Fires on the first connection and after every reconnection: always start from a full view.
    socket.on("connect", () => void sync());
    socket.on("disconnect", (reason) => {
      if (reason === "io client disconnect") return;
      emit({ type: "connection", connection: "reconnecting" });
    });
    socket.on("connect_error", (error) => {
      const failure = connectFailure(error, socket.active);
      emit({ type: "connection", connection: failure.fatal ? "failed" : "reconnecting", failure });
    });
    socket.on("session:phase", (view) => {
      emit({ type: "phase", view });
      // A new phase or round changes what the screen shows wholesale: take a fresh view.
      const last = this.last;
      if (last && (last.phase !== view.phase || last.round !== view.round)) void sync();
      this.last = { phase: view.phase, round: view.round };
    });
    for (const event of role.pushes) {
      // One listener shape for every push: its payload becomes the update's payload.
      const on = socket.on.bind(socket) as (event: string, listener: (payload: unknown) => void) => void;
      on(event, (payload) => {
        // A page sent for the window before the one just asked for: its ack brings the right one.
        if (event === "roster:page" && this.windowAsked && !shows(payload as RosterPage, this.windowAsked)) return;
        emit({ type: event, payload } as StaffUpdate<StaffRole>);
      });
    }
  }

  stop(): void {
    const socket = this.socket;
    this.socket = null;
    this.last = null;
    if (!socket) return;
    socket.removeAllListeners();
    socket.disconnect();
  }

  /** Sends a command; a phase view in its ack is applied at once (the broadcast follows), and so
   *  is the page a new roster window answers (the newest request's only: typing a search sends
   *  several). */
  run: RunCommand = async (event, payload) => {
    const socket = this.socket;
    if (!socket) return { ok: false, code: "UNAVAILABLE", message: NOT_CONNECTED_YET };
    if (event === "roster:window") return (await this.askWindow(socket, payload as RosterWindow)) as Ack<AckData[typeof event]>;
    const reply = await command(socket, event, payload);
    if (reply.ok && isPhaseView(reply.data) && this.socket === socket) this.update({ type: "phase", view: reply.data });
    return reply;
  };

  private async askWindow(socket: StaffSocket, asked: RosterWindow): Promise<Ack<RosterPage>> {
    const request = ++this.windowRequests;
    this.windowAsked = asked;
    const reply = await command(socket, "roster:window", asked);
    if (request !== this.windowRequests || this.socket !== socket) return reply;
    this.windowAsked = null;
    if (reply.ok) {
      this.rosterWindow = asked;
      this.update({ type: "roster:page", payload: reply.data } as StaffUpdate<R>);
    }
    return reply;
  }
}

function shows(page: RosterPage, window: RosterWindow): boolean {
  return page.offset === window.offset && page.limit === window.limit && page.search === (window.search ?? "");
}

function isPhaseView(data: unknown): data is PhaseView {
  return typeof data === "object" && data !== null && "phase" in data && "serverNow" in data;
}

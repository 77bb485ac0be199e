/** Bumped on any breaking change to events, payloads or acks. Clients send theirs in the Socket.IO
 *  handshake (`auth.protocol`); the server refuses a mismatch at connect with PROTOCOL_MISMATCH,
 *  so an old tab gets a clear "please reload" instead of silently misbehaving. */
export const PROTOCOL_VERSION = 1;

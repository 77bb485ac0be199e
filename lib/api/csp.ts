/** The Content-Security-Policy of SortRoom's pages (set per request by proxy.ts). Pure.
 *
 * - Scripts: only those carrying this response's nonce, which Next puts on its own scripts
 *   (framework, page chunks, inline payloads); 'strict-dynamic' lets those load the chunks they
 *   need. No 'unsafe-inline': an injected <script> never runs. Development adds 'unsafe-eval',
 *   which React's dev build needs for its error overlays.
 * - Connections: the page's own origin, and WebSocket to the same host (Socket.IO), nowhere else.
 * - Styles keep 'unsafe-inline': React style attributes (charts, progress bars) are inline
 *   styles, which a nonce does not cover; styles cannot run code.
 */
export function pageCsp(options: { nonce: string; host: string | null; dev: boolean }): string {
  const sameHostSockets = options.host && HOST.test(options.host) ? ` ws://${options.host} wss://${options.host}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${sameHostSockets}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** A Host header that is a host name or address with an optional port, and nothing that could
 *  end the directive (a client chooses its Host; it must not write policy). */
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** Route handlers answer data, not documents: nothing may run or load in one. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

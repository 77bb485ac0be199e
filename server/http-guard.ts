import type http from "node:http";
import { isSameOrigin, mediaType, requestPolicy, tooLargeMessage } from "@/lib/api/http-policy";
import { requestHost } from "./client-address";

/** The checks every HTTP request passes before Next sees it (lib/api/http-policy.ts says what each
 *  route accepts): a declared body over the route's cap is refused without reading a byte of it
 *  (413), a changing /api request from another origin is refused (403), and a body of the wrong
 *  content type too (415). All answers are JSON `{ error }`. Bodies that declare no length
 *  (chunked) are counted while streaming by whoever reads them: route handlers through
 *  lib/api/body.ts, server actions through Next's serverActions.bodySizeLimit. */

export interface GuardOptions {
  /** The app's public URL and ALLOWED_ORIGINS: origins a changing request may come from. */
  allowedOrigins: readonly string[];
  trustProxy: boolean;
}

/** Answers the request itself and returns true when it is refused; false lets it through. */
export function refuseBadRequest(req: http.IncomingMessage, res: http.ServerResponse, opts: GuardOptions): boolean {
  const method = req.method ?? "GET";
  const pathname = pathOf(req.url);
  const policy = requestPolicy(method, pathname);
  const declared = declaredLength(req);

  if (declared !== undefined && declared > policy.maxBodyBytes) {
    refuse(res, 413, tooLargeMessage(policy.maxBodyBytes), true);
    return true;
  }
  if (policy.checkOrigin) {
    const host = requestHost(req, opts.trustProxy);
    if (!isSameOrigin(req.headers.origin, host, opts.allowedOrigins) || req.headers["sec-fetch-site"] === "cross-site") {
      refuse(res, 403, "Cross-origin request refused: send it from this app's own pages.", hasBody(req, declared));
      return true;
    }
  }
  if (policy.contentTypes && hasBody(req, declared) && !policy.contentTypes.includes(mediaType(req.headers["content-type"]))) {
    refuse(res, 415, `Unsupported content type: send the body as ${policy.contentTypes.join(" or ")}.`, true);
    return true;
  }
  return false;
}

function pathOf(url: string | undefined): string {
  const raw = (url ?? "/").split("?")[0]!;
  try {
    // Normalised as Next would route it ("/api/../api/sessions", "/api/%73essions").
    return new URL(raw, "http://x").pathname.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  } catch {
    return raw;
  }
}

function declaredLength(req: http.IncomingMessage): number | undefined {
  const header = req.headers["content-length"];
  if (header === undefined) return undefined;
  const value = Number(header);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** A body follows: a non-zero Content-Length, or a chunked one (Node has checked the framing). */
function hasBody(req: http.IncomingMessage, declared: number | undefined): boolean {
  return declared !== undefined ? declared > 0 : req.headers["transfer-encoding"] !== undefined;
}

/** A JSON refusal. With a body still coming, the connection is closed after the answer rather
 *  than kept alive: keeping it would mean reading (and discarding) the rest of the body. */
function refuse(res: http.ServerResponse, status: number, error: string, closeConnection: boolean): void {
  const headers: http.OutgoingHttpHeaders = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };
  if (closeConnection) headers.connection = "close";
  res.writeHead(status, headers).end(JSON.stringify({ error }));
}

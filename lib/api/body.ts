import { jsonError } from "@/lib/http/json";
import { tooLargeMessage } from "./http-policy";

/** Reading a request body in a route handler without trusting its size: the custom server already
 *  refused a declared length over the route's cap (server/http-guard.ts), but a chunked body
 *  declares none, so the bytes are counted here as they stream in and reading stops at the cap. */


/** The request body, reading no more than `maxBytes` (+1 chunk to know it was more). */
export async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | "too-large"> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return "too-large";
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The 413 a route answers when its body is over `maxBytes`. */
export const tooLargeResponse = (maxBytes: number): Response => jsonError(413, tooLargeMessage(maxBytes));

/** Reads a JSON request body of at most `maxBytes`, or returns the 413/400 response. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<{ value: unknown } | Response> {
  const bytes = await readCapped(request, maxBytes);
  if (bytes === "too-large") return tooLargeResponse(maxBytes);
  try {
    return { value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return jsonError(400, "The request body must be JSON.");
  }
}

import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./paths";
import type { TestServer } from "./server";

/** Calls a server action over HTTP the way a browser does (a POST to a page using it, with the
 *  `Next-Action` header and React's reply encoding), so integration tests reach actions as an
 *  outside caller would. The action's id comes from the production build's manifest. */

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
}

export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`no server action ${exportedName} in ${filename} in the build (rebuild with \`npm run build\`?)`);
  return id;
}

/** The action's arguments as React's encodeReply sends them: a FormData (alone, or among other
 *  arguments, like useActionState's (previous state, form)) becomes multipart fields prefixed
 *  "_1_", then the root "0" listing the arguments with "$K1" in its place (last: the server
 *  streams the parts and reads the FormData when the root arrives); plain JSON-able arguments
 *  alone are sent as JSON text. */
function encodeArgs(args: FormData | unknown[]): BodyInit {
  const list = args instanceof FormData ? [args] : args;
  const form = list.find((arg): arg is FormData => arg instanceof FormData);
  if (!form) return JSON.stringify(list);
  const body = new FormData();
  for (const [key, value] of form) body.append(`_1_${key}`, value);
  body.append("0", JSON.stringify(list.map((arg) => (arg === form ? "$K1" : arg))));
  return body;
}

/** The action's return value, from the RSC rows of the response ("0:{…"a":"$@1"…}", "1:<value>"). */
function decodeResult(text: string): unknown {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const root = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
  const ref = root?.a?.startsWith("$@") ? root.a.slice(2) : undefined;
  return ref === undefined ? undefined : JSON.parse(rows.get(ref) ?? "null");
}

export async function callServerAction<T>(
  server: TestServer,
  pagePath: string,
  action: { filename: string; exportedName: string },
  args: FormData | unknown[],
  headers: Record<string, string> = {},
): Promise<{ status: number; result: T }> {
  const response = await fetch(`${server.url}${pagePath}`, {
    method: "POST",
    headers: { accept: "text/x-component", "next-action": serverActionId(action.filename, action.exportedName), origin: server.url, ...headers },
    body: encodeArgs(args),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`server action ${action.exportedName}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return { status: response.status, result: decodeResult(text) as T };
}

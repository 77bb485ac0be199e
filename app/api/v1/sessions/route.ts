import { createSessionResponse } from "@/lib/api/session-control";
import { withApiToken } from "@/lib/api/token-api";
import { sessionsResponse } from "@/lib/reports/http";

export const dynamic = "force-dynamic";

/** GET /api/v1/sessions?deck=&from=&to=&page=&per_page= — the token owner's sessions (docs/api.md). */
export async function GET(request: Request): Promise<Response> {
  return withApiToken(request, "read", (caller) => sessionsResponse(request, caller.userId));
}

/** POST /api/v1/sessions {deck, title?, rounds?, cohorts?} → 201 {id, code, presenterKey}: a new
 *  session of the token owner's (docs/api.md); needs a `sessions` token. Body capped and JSON-only (server/http-guard.ts). */
export async function POST(request: Request): Promise<Response> {
  return withApiToken(request, "sessions", (caller) => createSessionResponse(request, caller.userId));
}

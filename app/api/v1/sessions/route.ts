import { withApiToken } from "@/lib/api/token-api";
import { sessionsResponse } from "@/lib/db/reports/handlers";

export const dynamic = "force-dynamic";

/** GET /api/v1/sessions?deck=&from=&to=&page=&per_page= — the token owner's sessions (docs/api.md). */
export async function GET(request: Request): Promise<Response> {
  return withApiToken(request, (caller) => sessionsResponse(request, caller.userId));
}

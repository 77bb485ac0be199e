import { sessionsResponse, tokenUnauthorizedResponse } from "@/lib/db/reports/handlers";
import { authenticateApiToken } from "@/lib/db/tokens/tokens";

export const dynamic = "force-dynamic";

/** GET /api/v1/sessions?deck=&from=&to=&page=&per_page= — the token owner's sessions (docs/api.md). */
export async function GET(request: Request): Promise<Response> {
  const caller = await authenticateApiToken(request.headers.get("authorization"));
  if (!caller) return tokenUnauthorizedResponse();
  return sessionsResponse(request, caller.userId);
}

import { reportResponse, tokenUnauthorizedResponse } from "@/lib/db/reports/handlers";
import { authenticateApiToken } from "@/lib/db/tokens/tokens";

export const dynamic = "force-dynamic";

/** GET /api/v1/sessions/:id/report?anonymize=1 — the session report (docs/api.md). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const caller = await authenticateApiToken(request.headers.get("authorization"));
  if (!caller) return tokenUnauthorizedResponse();
  const { id } = await params;
  return reportResponse(request, id, caller.userId);
}

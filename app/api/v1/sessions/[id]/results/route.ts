import { exportResponse, tokenUnauthorizedResponse } from "@/lib/db/reports/handlers";
import { authenticateApiToken } from "@/lib/db/tokens/tokens";

export const dynamic = "force-dynamic";

/** GET /api/v1/sessions/:id/results?anonymize=1&format=json|csv — one row per participant ×
 *  statement × round, the same rows as the CSV export, streamed (docs/api.md). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const caller = await authenticateApiToken(request.headers.get("authorization"));
  if (!caller) return tokenUnauthorizedResponse();
  const { id } = await params;
  return exportResponse(request, id, caller.userId, { format: "json" });
}

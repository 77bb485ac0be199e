import { withApiToken } from "@/lib/api/token-api";
import { exportResponse } from "@/lib/reports/http";

export const dynamic = "force-dynamic";

/** GET /api/v1/sessions/:id/results?anonymize=1&format=json|csv — one row per participant ×
 *  statement × round, the same rows as the CSV export, streamed (docs/api.md). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return withApiToken(request, "read", async (caller) => exportResponse(request, (await params).id, caller.userId, { format: "json" }));
}

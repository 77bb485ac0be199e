import { withApiToken } from "@/lib/api/token-api";
import { reportResponse } from "@/lib/reports/http";

export const dynamic = "force-dynamic";

/** GET /api/v1/sessions/:id/report?anonymize=1 — the session report (docs/api.md). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return withApiToken(request, "read", async (caller) => reportResponse(request, (await params).id, caller.userId));
}

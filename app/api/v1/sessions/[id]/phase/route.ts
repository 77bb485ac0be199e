import { phaseCommandResponse } from "@/lib/api/session-control";
import { withApiToken } from "@/lib/api/token-api";

export const dynamic = "force-dynamic";

/** POST /api/v1/sessions/:id/phase {command: openLobby|start|reveal|nextRound|end, timerSeconds?}
 *  → the new PhaseView, through the console's own live-room path (docs/api.md); needs a `sessions` token. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return withApiToken(request, "sessions", async (caller) => phaseCommandResponse(request, (await params).id, caller.userId));
}

"use server";

import { redirect } from "next/navigation";
import { getFacilitator } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { translateIssue } from "@/lib/i18n/translate";
import { logger } from "@/lib/log/logger";
import { createSession } from "@/lib/sessions/create-session";

export interface NewSessionState {
  error: string | null;
}

/** Parses the cohort box: one group per line (commas also separate), blanks dropped. */
function cohortList(raw: FormDataEntryValue | null): string[] {
  if (typeof raw !== "string") return [];
  return raw
    .split(/[\n,]/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** Creates a session from the dashboard form, then opens its console. Anyone can POST to a
 *  server action, so the facilitator is checked again here and createSession validates the rest. */
export async function createSessionAction(_previous: NewSessionState, formData: FormData): Promise<NewSessionState> {
  const facilitator = await getFacilitator();
  if (!facilitator) return { error: (await getTranslator()).t("dashboard.form.expired") };

  const title = formData.get("title");
  const rounds = formData.get("rounds");
  const input = {
    deckId: formData.get("deckId"),
    title: typeof title === "string" && title.trim() ? title.trim() : undefined,
    rounds: typeof rounds === "string" && rounds ? rounds : undefined,
    cohorts: cohortList(formData.get("cohorts")),
  };

  let id: string;
  try {
    const result = await createSession(facilitator.id, input);
    if (!result.ok) {
      // In the UI's language; a deck problem inside one (deck_invalid) is translated too.
      const translator = await getTranslator();
      const text = ({ deckIssue, ...issue }: (typeof result.issues)[number]) =>
        translateIssue(translator, "sessionIssues", deckIssue ? { ...issue, params: { ...issue.params, problem: translateIssue(translator, "deckIssues", deckIssue) } } : issue);
      return { error: result.issues.map(text).join(" ") };
    }
    id = result.id;
  } catch (error) {
    logger().error({ err: error }, "could not create a session");
    return { error: (await getTranslator()).t("dashboard.form.failed") };
  }
  redirect(`/console/${id}`);
}

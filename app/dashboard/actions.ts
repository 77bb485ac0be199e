"use server";

import { redirect } from "next/navigation";
import { getFacilitator } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { translateIssue } from "@/lib/i18n/translate";
import { logger } from "@/lib/log/logger";
import { parseCohortLines } from "@/lib/sessions/cohort-lines";
import { createSession } from "@/lib/sessions/create-session";
import type { SessionIssue } from "@/lib/sessions/issues";

/** What the form showed when it was sent: a refused form is shown again with all of it. */
export interface NewSessionValues {
  deckId: string;
  title: string;
  rounds: string;
  cohorts: string;
}

export interface NewSessionState {
  error: string | null;
  values?: NewSessionValues;
  /** Counts the refusals: the form is re-mounted with `values` after each one. */
  attempt?: number;
}

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

/** Creates a session from the dashboard form, then opens its console. Anyone can POST to a
 *  server action, so the facilitator is checked again here and createSession validates the rest. */
export async function createSessionAction(previous: NewSessionState, formData: FormData): Promise<NewSessionState> {
  const values: NewSessionValues = { deckId: text(formData.get("deckId")), title: text(formData.get("title")), rounds: text(formData.get("rounds")), cohorts: text(formData.get("cohorts")) };
  // Whatever goes wrong, the form comes back as it was sent: nothing typed is lost.
  const refuse = (error: string): NewSessionState => ({ error, values, attempt: (previous.attempt ?? 0) + 1 });
  const facilitator = await getFacilitator();
  if (!facilitator) return refuse((await getTranslator()).t("dashboard.form.expired"));

  const translator = await getTranslator();
  // In the UI's language; a deck problem inside one (deck_invalid) is translated too.
  const issueText = ({ deckIssue, ...issue }: SessionIssue) =>
    translateIssue(translator, "sessionIssues", deckIssue ? { ...issue, params: { ...issue.params, problem: translateIssue(translator, "deckIssues", deckIssue) } } : issue);
  const groups = parseCohortLines(values.cohorts);
  if (groups.issues.length > 0) return refuse(groups.issues.map(issueText).join(" "));
  const input = {
    deckId: formData.get("deckId"),
    title: values.title.trim() || undefined,
    rounds: values.rounds || undefined,
    cohorts: groups.cohorts,
  };

  let id: string;
  try {
    const result = await createSession(facilitator.id, input);
    if (!result.ok) return refuse(result.issues.map(issueText).join(" "));
    id = result.id;
  } catch (error) {
    logger().error({ err: error }, "could not create a session");
    return refuse(translator.t("dashboard.form.failed"));
  }
  redirect(`/console/${id}`);
}

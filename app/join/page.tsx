import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CodePage } from "../_ui/code-page";
import { normalizeJoinCode } from "@/lib/domain/joinCode";
import { getTranslator } from "@/lib/i18n/server";
import { localizedCodeProblem } from "../_ui/code-problem";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("common.joinASession") };
}

/** /join without a code, and /join?code=… (the code form's no-JavaScript submit): a good code
 *  goes straight to its session, anything else gets the form again with the reason. */
export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { t } = await getTranslator();
  const raw = (await searchParams).code;
  const typed = typeof raw === "string" ? raw : undefined;
  const code = normalizeJoinCode(typed);
  const problem = typed === undefined ? null : localizedCodeProblem(code, t);
  if (typed !== undefined && !problem) redirect(`/join/${code}`);

  return <CodePage lead={t("home.lead")} initialCode={typed ?? ""} error={problem} footerLink={{ href: "/", text: t("common.backToStart") }} />;
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CodePage } from "../../_ui/code-page";
import { codeProblem } from "@/lib/client/join-code";
import { getTranslator } from "@/lib/i18n/server";
import { localizedCodeProblem } from "../../_ui/code-problem";
import { findOpenWorkshopByCode } from "@/lib/db/workshops/reads";
import { formatJoinCode, normalizeJoinCode } from "@/lib/domain/joinCode";
import { joinStage } from "@/lib/domain/phases";
import { ParticipantApp } from "./ParticipantApp";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const code = normalizeJoinCode((await params).code);
  const { t } = await getTranslator();
  return { title: codeProblem(code) ? t("common.joinASession") : t("home.sessionTitle", { code: formatJoinCode(code) }) };
}

/** /join/CODE (the join link and QR code): the participant's whole session happens here. A code
 *  typed with dashes or in lower case is redirected to its canonical form first, so the device
 *  token is stored under one key per session. */
export default async function JoinCodePage({ params }: Props) {
  const raw = (await params).code;
  const code = normalizeJoinCode(raw);
  const { t } = await getTranslator();
  const problem = localizedCodeProblem(code, t);
  const back = { href: "/", text: t("common.backToStart") };
  if (problem) return <CodePage lead={t("home.badLinkLead")} initialCode={code} error={problem} footerLink={back} />;
  if (code !== raw) redirect(`/join/${code}`);
  // This page request is the one place a code is looked up before a nickname is asked (and the
  // one that is rate-limited per address): an unknown code is refused here, not after a nickname
  // was typed. A database hiccup (undefined) leaves the check to the join itself.
  const workshop = await findOpenWorkshopByCode(code).catch(() => undefined);
  if (workshop === null) {
    return <CodePage lead={t("home.lead")} initialCode={code} error={t("home.unknownCode", { code: formatJoinCode(code) })} footerLink={back} />;
  }
  // The groups a facilitator listed are asked at join; they are not secret, unlike the answers.
  return (
    <ParticipantApp key={code} code={code} cohortOptions={workshop?.cohortOptions ?? []} joinStage={workshop ? joinStage(workshop) : "open"} />
  );
}

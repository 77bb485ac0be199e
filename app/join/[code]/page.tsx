import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { localizedCodeProblem } from "../../_ui/code-problem";
import { CodeScreen } from "../../_ui/participant-code-screen";
import { CLIENT_ADDRESS_HEADER } from "@/lib/api/client-address";
import { codeProblem } from "@/lib/client/join-code";
import { formatJoinCode, normalizeJoinCode } from "@/lib/domain/joinCode";
import { getTranslator } from "@/lib/i18n/server";
import { checkJoinPageCode } from "@/lib/sessions/join-page";
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
  const codeScreen = (lead: string, error: string | null) => (
    <CodeScreen title={t("common.joinASession")} lead={lead} initialCode={code} initialError={error} footer={{ href: "/", text: t("common.backToStart") }} />
  );
  if (problem) return codeScreen(t("home.badLinkLead"), problem);
  if (code !== raw) redirect(`/join/${code}`);
  // This page request is the one place a code is looked up before a nickname is asked, limited
  // per address (join-code-gate.ts): an unknown code is refused here, not after a nickname was
  // typed. The groups a facilitator listed are asked at join; they are not secret, unlike the
  // answers. A database hiccup reads as "not found" there; the socket join then reports it.
  const address = (await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown";
  const answer = await checkJoinPageCode(code, address);
  if (answer.refused) return codeScreen(t("home.tooManyCodesLead", { seconds: answer.retryAfterSeconds }), null);
  if (!answer.found) return codeScreen(t("home.lead"), t("home.unknownCode", { code: formatJoinCode(code) }));
  return <ParticipantApp key={code} code={code} cohortOptions={answer.found.cohortOptions} joinStage={answer.found.joinStage} />;
}

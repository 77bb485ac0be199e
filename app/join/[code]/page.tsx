import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Brand } from "../../_ui/participant-brand";
import { CodeForm } from "../../_ui/participant-code-form";
import home from "../../_ui/participant-home.module.css";
import theme from "../../_ui/participant-theme.module.css";
import { codeProblem } from "@/lib/client/join-code";
import { LanguageSwitcher } from "@/lib/i18n/client";
import { getTranslator } from "@/lib/i18n/server";
import { localizedCodeProblem } from "../../_ui/code-problem";
import { findOpenWorkshopByCode } from "@/lib/db/workshops/reads";
import { formatJoinCode, normalizeJoinCode } from "@/lib/domain/joinCode";
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
  if (problem) {
    return (
      <div className={`${theme.theme} ${home.home}`}>
        <main className={theme.page}>
          <Brand />
          <div>
            <h1 className={theme.title}>{t("common.joinASession")}</h1>
            <p className={theme.lead}>{t("home.badLinkLead")}</p>
          </div>
          <CodeForm initialCode={code} initialError={problem} />
          <p className={home.footer}>
            <Link className={theme.link} href="/">
              {t("common.backToStart")}
            </Link>
          </p>
          <LanguageSwitcher />
        </main>
      </div>
    );
  }
  if (code !== raw) redirect(`/join/${code}`);
  // The groups a facilitator listed are asked at join; they are not secret, unlike the answers.
  const cohortOptions = (await findOpenWorkshopByCode(code).catch(() => null))?.cohortOptions ?? [];
  return <ParticipantApp key={code} code={code} cohortOptions={cohortOptions} />;
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Brand } from "../_ui/participant-brand";
import { CodeForm } from "../_ui/participant-code-form";
import home from "../_ui/participant-home.module.css";
import theme from "../_ui/participant-theme.module.css";
import { normalizeJoinCode } from "@/lib/domain/joinCode";
import { LanguageSwitcher } from "@/lib/i18n/client";
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

  return (
    <div className={`${theme.theme} ${home.home}`}>
      <main className={theme.page}>
        <Brand />
        <div>
          <h1 className={theme.title}>{t("common.joinASession")}</h1>
          <p className={theme.lead}>{t("home.lead")}</p>
        </div>
        <CodeForm initialCode={typed ?? ""} initialError={problem} />
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

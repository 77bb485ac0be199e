import type { Metadata } from "next";
import Link from "next/link";
import { requireFacilitator } from "@/lib/auth/session";
import { listDecksFor } from "@/lib/db/decks/reads";
import { listWorkshopsOfOwner, type WorkshopListItem } from "@/lib/db/workshops/reads";
import { formatJoinCode } from "@/lib/domain/joinCode";
import { rich } from "@/lib/i18n/rich";
import { getTranslator } from "@/lib/i18n/server";
import { FacilitatorNav } from "../_ui/nav/FacilitatorNav";
import styles from "./dashboard.module.css";
import { NewSessionForm } from "./new-session-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("dashboard.title") };
}

const PHASES: Record<WorkshopListItem["phase"], `dashboard.phase.${WorkshopListItem["phase"]}`> = {
  draft: "dashboard.phase.draft",
  lobby: "dashboard.phase.lobby",
  sorting: "dashboard.phase.sorting",
  revealed: "dashboard.phase.revealed",
  closed: "dashboard.phase.closed",
};

const DATE_LOCALES = { en: "en-GB", it: "it-IT" } as const;

export default async function DashboardPage() {
  const facilitator = await requireFacilitator("/dashboard");
  const [decks, sessions] = await Promise.all([listDecksFor(facilitator.id), listWorkshopsOfOwner(facilitator.id)]);
  const { t, tp, locale } = await getTranslator();
  const dateFormat = new Intl.DateTimeFormat(DATE_LOCALES[locale], { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return (
    <>
      <FacilitatorNav current="dashboard" />
      <main className={styles.page}>
        <div className={styles.stack}>
          <div className={styles.card}>
            <h1 className={styles.title}>{t("dashboard.title")}</h1>
            <p className={styles.who}>
              {rich(t("dashboard.signedInAs"), { who: <strong>{facilitator.name ?? facilitator.email}</strong> })}
              {facilitator.name ? ` (${facilitator.email})` : null}
            </p>
          </div>

          <section className={styles.card} aria-labelledby="new-session-heading">
            <h2 id="new-session-heading" className={styles.subtitle}>
              {t("dashboard.newSession")}
            </h2>
            <NewSessionForm decks={decks.map((d) => ({ id: d.id, title: d.title, language: d.language, statements: d.statements, builtIn: d.builtIn }))} />
          </section>

          <section className={styles.card} aria-labelledby="sessions-heading">
            <h2 id="sessions-heading" className={styles.subtitle}>
              {t("dashboard.yourSessions")}
            </h2>
            {sessions.length === 0 ? (
              <p className={styles.muted}>{t("dashboard.noSessions")}</p>
            ) : (
              <ul className={styles.sessions}>
                {sessions.map((s) => (
                  <li key={s.id} className={styles.session}>
                    <div className={styles.sessionMain}>
                      <span className={styles.sessionTitle}>{s.title}</span>
                      <span className={styles.sessionMeta}>
                        <span className={styles.code} aria-label={t("dashboard.joinCode", { code: s.code.split("").join(" ") })}>
                          {formatJoinCode(s.code)}
                        </span>
                        <span className={styles.phase} data-phase={s.phase}>
                          {t(PHASES[s.phase])}
                        </span>
                        <span>{tp("dashboard.participants", s.participants)}</span>
                        <time dateTime={s.createdAt.toISOString()}>{dateFormat.format(s.createdAt)}</time>
                      </span>
                    </div>
                    <Link href={`/console/${s.id}`} className={styles.secondaryButton} aria-label={t("dashboard.openConsoleFor", { title: s.title })}>
                      {t("dashboard.openConsole")}
                    </Link>
                    <Link href={`/reports/${s.id}`} className={styles.secondaryButton} aria-label={t("dashboard.reportFor", { title: s.title })}>
                      {t("dashboard.report")}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </main>
    </>
  );
}

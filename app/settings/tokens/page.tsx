import type { Metadata } from "next";
import Link from "next/link";
import { facilitatorOrUnauthorized } from "@/lib/auth/session";
import { listApiTokens, MAX_ACTIVE_TOKENS } from "@/lib/db/tokens/tokens";
import { rich } from "@/lib/i18n/rich";
import { getTranslator } from "@/lib/i18n/server";
import { reportFormat } from "../../reports/_shared/format";
import { FacilitatorNav } from "../../_ui/nav/FacilitatorNav";
import styles from "../../reports/_shared/reports.module.css";
import { ScrollBox } from "../../reports/_shared/scroll-box";
import { SignOutButton } from "../../(auth)/signout-button";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("settings.tokens.title") };
}
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const facilitator = await facilitatorOrUnauthorized();
  const { t, locale } = await getTranslator();
  const f = reportFormat(locale);
  const tokens = await listApiTokens(facilitator.id);
  return (
    <>
      <FacilitatorNav current="tokens" />
      <main className={styles.page}>
        <div className={styles.wrap}>
          <section className={styles.card}>
            <h1 className={styles.title}>{t("settings.tokens.title")}</h1>
            <p className={styles.meta}>
              {/* one flex item: the sentence flows around the code */}
              <span>{rich(t("settings.tokens.lead", { max: MAX_ACTIVE_TOKENS }), { header: <code>Authorization: Bearer &lt;token&gt;</code> })}</span>
            </p>
          </section>
          <section className={styles.card} aria-labelledby="create-heading">
            <h2 id="create-heading" className={styles.subtitle}>
              {t("settings.tokens.newToken")}
            </h2>
            <CreateTokenForm />
          </section>
          <section className={styles.card} aria-labelledby="tokens-heading">
            <h2 id="tokens-heading" className={styles.subtitle}>
              {t("settings.tokens.yourTokens")}
            </h2>
            {tokens.length === 0 ? (
              <p className={styles.muted}>{t("settings.tokens.none")}</p>
            ) : (
              <ScrollBox label={t("settings.tokens.caption")}>
                <table className={styles.table}>
                  <caption className={styles.srOnly}>{t("settings.tokens.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("settings.tokens.name")}</th>
                      <th scope="col">{t("settings.tokens.prefix")}</th>
                      <th scope="col">{t("settings.tokens.scope")}</th>
                      <th scope="col">{t("settings.tokens.created")}</th>
                      <th scope="col">{t("settings.tokens.lastUsed")}</th>
                      <th scope="col">{t("settings.tokens.status")}</th>
                      <th scope="col">
                        <span className={styles.srOnly}>{t("settings.tokens.actions")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {tokens.map((token) => (
                      <tr key={token.id}>
                        <th scope="row">{token.name}</th>
                        <td>
                          <code>{token.prefix}…</code>
                        </td>
                        <td>{t(`settings.tokens.scopes.${token.scope}.label`)}</td>
                        <td>{f.dateTime(token.createdAt)}</td>
                        <td>{token.lastUsedAt ? f.dateTime(token.lastUsedAt) : t("settings.tokens.never")}</td>
                        <td>{token.revokedAt ? t("settings.tokens.revokedAt", { date: f.dateTime(token.revokedAt) }) : t("settings.tokens.active")}</td>
                        <td>{token.revokedAt ? null : <RevokeTokenButton id={token.id} name={token.name} />}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            )}
            <p className={styles.muted} style={{ marginTop: "0.75rem" }}>
              {rich(t("settings.tokens.howTo"), { sessions: <Link href="/sessions">{t("settings.tokens.yourSessions")}</Link> })}
            </p>
          </section>
          <section className={styles.card} aria-labelledby="browsers-heading">
            <h2 id="browsers-heading" className={styles.subtitle}>
              {t("account.sessionsTitle")}
            </h2>
            <p className={styles.muted}>{t("account.signOutEverywhereHint")}</p>
            <SignOutButton everywhere className={styles.secondaryButton} />
          </section>
        </div>
      </main>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { facilitatorOrUnauthorized } from "@/lib/auth/session";
import { listApiTokens, MAX_ACTIVE_TOKENS } from "@/lib/db/tokens/tokens";
import { formatDateTime } from "../../reports/_shared/format";
import { ReportsNav } from "../../reports/_shared/nav";
import styles from "../../reports/_shared/reports.module.css";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const facilitator = await facilitatorOrUnauthorized();
  const tokens = await listApiTokens(facilitator.id);
  return (
    <main className={styles.page}>
      <ReportsNav current="tokens" />
      <div className={styles.wrap}>
        <section className={styles.card}>
          <h1 className={styles.title}>API tokens</h1>
          <p className={styles.meta}>
            Personal tokens let a spreadsheet, LMS or script read your sessions&apos; results through the JSON API (
            <code>Authorization: Bearer &lt;token&gt;</code>). A token sees exactly what you see, read-only. Up to {MAX_ACTIVE_TOKENS} active tokens.
          </p>
        </section>
        <section className={styles.card} aria-labelledby="create-heading">
          <h2 id="create-heading" className={styles.subtitle}>
            New token
          </h2>
          <CreateTokenForm />
        </section>
        <section className={styles.card} aria-labelledby="tokens-heading">
          <h2 id="tokens-heading" className={styles.subtitle}>
            Your tokens
          </h2>
          {tokens.length === 0 ? (
            <p className={styles.muted}>No tokens yet.</p>
          ) : (
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <caption className={styles.srOnly}>Your API tokens</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Token starts with</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className={styles.srOnly}>Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((t) => (
                    <tr key={t.id}>
                      <th scope="row">{t.name}</th>
                      <td>
                        <code>{t.prefix}…</code>
                      </td>
                      <td>{formatDateTime(t.createdAt)}</td>
                      <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}</td>
                      <td>{t.revokedAt ? `Revoked ${formatDateTime(t.revokedAt)}` : "Active"}</td>
                      <td>{t.revokedAt ? null : <RevokeTokenButton id={t.id} name={t.name} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className={styles.muted} style={{ marginTop: "0.75rem" }}>
            How to call the API: see <Link href="/sessions">your sessions</Link> for ids, and docs/api.md in the SortRoom repository.
          </p>
        </section>
      </div>
    </main>
  );
}

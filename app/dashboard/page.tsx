import type { Metadata } from "next";
import Link from "next/link";
import { requireFacilitator } from "@/lib/auth/session";
import { listDecksFor } from "@/lib/db/decks/reads";
import { listWorkshopsOfOwner, type WorkshopListItem } from "@/lib/db/workshops/reads";
import { formatJoinCode } from "@/lib/domain/joinCode";
import { SignOutButton } from "../(auth)/signout-button";
import styles from "./dashboard.module.css";
import { NewSessionForm } from "./new-session-form";

export const metadata: Metadata = { title: "Dashboard" };

const PHASE_LABELS: Record<WorkshopListItem["phase"], string> = {
  draft: "Not opened",
  lobby: "Lobby open",
  sorting: "Sorting",
  revealed: "Revealed",
  closed: "Ended",
};

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export default async function DashboardPage() {
  const facilitator = await requireFacilitator("/dashboard");
  const [decks, sessions] = await Promise.all([listDecksFor(facilitator.id), listWorkshopsOfOwner(facilitator.id)]);
  return (
    <main className={styles.page}>
      <div className={styles.stack}>
        <div className={styles.card}>
          <h1 className={styles.title}>Dashboard</h1>
          <p className={styles.who}>
            Signed in as <strong>{facilitator.name ?? facilitator.email}</strong>
            {facilitator.name ? ` (${facilitator.email})` : null}
          </p>
          <nav className={styles.actions} aria-label="Facilitator">
            <Link href="/sessions" className={styles.secondaryButton}>
              Sessions &amp; reports
            </Link>
            <Link href="/decks" className={styles.secondaryButton}>
              Decks
            </Link>
            <Link href="/settings/tokens" className={styles.secondaryButton}>
              API tokens
            </Link>
            <SignOutButton />
          </nav>
        </div>

        <section className={styles.card} aria-labelledby="new-session-heading">
          <h2 id="new-session-heading" className={styles.subtitle}>
            New session
          </h2>
          <NewSessionForm decks={decks.map((d) => ({ id: d.id, title: d.title, statements: d.statements, builtIn: d.builtIn }))} />
        </section>

        <section className={styles.card} aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" className={styles.subtitle}>
            Your sessions
          </h2>
          {sessions.length === 0 ? (
            <p className={styles.muted}>No sessions yet. Create one above; it opens in the facilitator console.</p>
          ) : (
            <ul className={styles.sessions}>
              {sessions.map((s) => (
                <li key={s.id} className={styles.session}>
                  <div className={styles.sessionMain}>
                    <span className={styles.sessionTitle}>{s.title}</span>
                    <span className={styles.sessionMeta}>
                      <span className={styles.code} aria-label={`Join code ${s.code.split("").join(" ")}`}>
                        {formatJoinCode(s.code)}
                      </span>
                      <span className={styles.phase} data-phase={s.phase}>
                        {PHASE_LABELS[s.phase]}
                      </span>
                      <span>
                        {s.participants} {s.participants === 1 ? "participant" : "participants"}
                      </span>
                      <time dateTime={s.createdAt.toISOString()}>{dateFormat.format(s.createdAt)}</time>
                    </span>
                  </div>
                  <Link href={`/console/${s.id}`} className={styles.secondaryButton} aria-label={`Open the console for ${s.title}`}>
                    Open console
                  </Link>
                  <Link href={`/reports/${s.id}`} className={styles.secondaryButton} aria-label={`Open the report for ${s.title}`}>
                    Report
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </main>
  );
}

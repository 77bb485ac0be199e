import type { RosterEntry } from "@/lib/protocol/views";
import styles from "./console.module.css";
import { ConfirmButton } from "./small-controls";

/** Everyone in the session, in joining order: online dot, group, progress, submitted, and a Kick. */
export function RosterTable({
  roster,
  total,
  showCohort,
  canKick,
  onKick,
}: {
  roster: RosterEntry[];
  total: number;
  showCohort: boolean;
  canKick: boolean;
  onKick: (entry: RosterEntry) => void;
}) {
  if (roster.length === 0) {
    return <p className={styles.muted}>Nobody has joined yet. Participants appear here as they join.</p>;
  }
  const online = roster.filter((r) => r.connected).length;
  return (
    <>
      <p className={styles.legendNote}>
        <span className={styles.online} data-online="true">
          <span className={styles.dot} aria-hidden="true" /> online ({online})
        </span>
        <span className={styles.online} data-online="false">
          <span className={styles.dot} aria-hidden="true" /> away ({roster.length - online})
        </span>
      </p>
      <div className={styles.tableWrap} tabIndex={0} role="region" aria-label="Participants table (scrolls)">
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Nickname</th>
              {showCohort ? <th scope="col">Group</th> : null}
              <th scope="col">Cards</th>
              <th scope="col">Done</th>
              {canKick ? (
                <th scope="col">
                  <span className={styles.visuallyHidden}>Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {roster.map((r) => (
              <tr key={r.id}>
                <th scope="row" className={styles.nickname}>
                  <span className={styles.online} data-online={r.connected ? "true" : "false"} title={r.connected ? "Online" : "Away (not connected)"}>
                    <span className={styles.dot} aria-hidden="true" />
                    <span>{r.nickname}</span>
                    <span className={styles.visuallyHidden}>{r.connected ? ", online" : ", away"}</span>
                  </span>
                </th>
                {showCohort ? <td>{r.cohort ?? "—"}</td> : null}
                <td>
                  <span className={styles.placed}>
                    <span className={styles.placedTrack} aria-hidden="true">
                      <span className={styles.placedFill} style={{ width: `${total > 0 ? Math.min(100, (r.placed / total) * 100) : 0}%` }} />
                    </span>
                    <span>
                      {r.placed}/{total}
                    </span>
                  </span>
                </td>
                <td>
                  {r.submitted ? (
                    <span className={styles.yes}>
                      ✓<span className={styles.visuallyHidden}> yes</span>
                    </span>
                  ) : (
                    <span className={styles.muted}>
                      –<span className={styles.visuallyHidden}> not yet</span>
                    </span>
                  )}
                </td>
                {canKick ? (
                  <td className={styles.actionCell}>
                    <ConfirmButton
                      label="Kick"
                      accessibleLabel={`Kick ${r.nickname}`}
                      question={`Remove ${r.nickname}?`}
                      confirmLabel="Remove"
                      compact
                      className={styles.smallButton}
                      onConfirm={() => onKick(r)}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

import { Fragment, useEffect, useRef, useState } from "react";
import type { KickedEntry, RosterEntry, RosterPage } from "@/lib/protocol/views";
import { useT } from "@/lib/i18n/client";
import styles from "./console.module.css";
import { ConfirmQuestion } from "./small-controls";

type Removal = "kick" | "ban";

/** One page of the session's participants, in joining order: online dot, group, progress,
 *  submitted, and Kick (they may join again as someone new) and Ban (their device may not), each
 *  confirmed. The online/away counts are the whole room's. The question opens in a full-width
 *  row under the participant, so it, "Remove" and "Cancel" fit the narrow side column instead of
 *  widening the table out of view. */
export function RosterTable({
  page,
  removedCount,
  total,
  showCohort,
  canKick,
  onKick,
  onBan,
}: {
  page: RosterPage;
  /** How many the facilitator removed: an empty table then does not mean nobody came. */
  removedCount: number;
  /** Cards in the deck. */
  total: number;
  showCohort: boolean;
  canKick: boolean;
  onKick: (entry: RosterEntry) => void;
  onBan: (entry: RosterEntry) => void;
}) {
  const { t } = useT();
  const [asking, setAsking] = useState<{ id: string; kind: Removal } | null>(null);
  const triggers = useRef(new Map<string, HTMLButtonElement | null>());
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    if (asking || !refocus.current) return;
    triggers.current.get(refocus.current)?.focus();
    refocus.current = null;
  }, [asking]);

  const { counts } = page;
  if (counts.joined === 0) {
    return <p className={styles.muted}>{removedCount > 0 ? t("console.everyoneRemoved") : t("console.nobodyJoined")}</p>;
  }
  const roster = page.rows;
  const columnCount = 3 + (showCohort ? 1 : 0) + (canKick ? 1 : 0);
  const legend = (
    <p className={styles.legendNote}>
      <span className={styles.online} data-online="true">
        <span className={styles.dot} aria-hidden="true" /> {t("console.onlineCount", { count: counts.online })}
      </span>
      <span className={styles.online} data-online="false">
        <span className={styles.dot} aria-hidden="true" /> {t("console.awayCount", { count: counts.joined - counts.online })}
      </span>
    </p>
  );
  if (roster.length === 0) {
    return (
      <>
        {legend}
        {/* A search nobody matches (or a page emptied by removals, which the console steps back from). */}
        {page.search.trim() !== "" ? (
          <p className={styles.muted} role="status">
            {t("console.noMatch", { search: page.search.trim() })}
          </p>
        ) : null}
      </>
    );
  }
  return (
    <>
      {legend}
      <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={t("console.tableLabel")}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t("console.nickname")}</th>
              {showCohort ? <th scope="col">{t("console.group")}</th> : null}
              <th scope="col">{t("console.cards")}</th>
              <th scope="col">{t("console.done")}</th>
              {canKick ? (
                <th scope="col">
                  <span className={styles.visuallyHidden}>{t("console.actions")}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {roster.map((r) => (
              <Fragment key={r.id}>
                <tr>
                  <th scope="row" className={styles.nickname}>
                    <span className={styles.online} data-online={r.connected ? "true" : "false"} title={r.connected ? t("console.onlineTitle") : t("console.awayTitle")}>
                      <span className={styles.dot} aria-hidden="true" />
                      <span>{r.nickname}</span>
                      <span className={styles.visuallyHidden}>{r.connected ? t("console.onlineSr") : t("console.awaySr")}</span>
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
                        ✓<span className={styles.visuallyHidden}>{t("console.yesSr")}</span>
                      </span>
                    ) : (
                      <span className={styles.muted}>
                        –<span className={styles.visuallyHidden}>{t("console.notYetSr")}</span>
                      </span>
                    )}
                  </td>
                  {canKick ? (
                    <td className={styles.actionCell}>
                      <span className={styles.rowActions}>
                        {(["kick", "ban"] as const).map((kind) => (
                          <button
                            key={kind}
                            ref={(el) => {
                              triggers.current.set(`${r.id}:${kind}`, el);
                            }}
                            type="button"
                            className={styles.smallButton}
                            aria-label={kind === "kick" ? t("console.kickWho", { name: r.nickname }) : t("console.banWho", { name: r.nickname })}
                            aria-expanded={asking?.id === r.id && asking.kind === kind}
                            onClick={() => setAsking({ id: r.id, kind })}
                          >
                            {kind === "kick" ? t("console.kick") : t("console.ban")}
                          </button>
                        ))}
                      </span>
                    </td>
                  ) : null}
                </tr>
                {canKick && asking?.id === r.id ? (
                  <tr className={styles.confirmRow}>
                    <td colSpan={columnCount}>
                      <ConfirmQuestion
                        key={asking.kind}
                        question={asking.kind === "kick" ? t("console.removeWho", { name: r.nickname }) : t("console.banQuestion", { name: r.nickname })}
                        confirmLabel={asking.kind === "kick" ? t("console.remove") : t("console.ban")}
                        onConfirm={() => {
                          setAsking(null);
                          (asking.kind === "kick" ? onKick : onBan)(r);
                        }}
                        onCancel={() => {
                          refocus.current = `${r.id}:${asking.kind}`;
                          setAsking(null);
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Who the facilitator removed: no longer in the table or the counts, but not forgotten. The
 *  kicked may have joined again under another nickname; the banned cannot, unless unbanned. */
export function RemovedList({ removed, canUnban, onUnban }: { removed: KickedEntry[]; canUnban: boolean; onUnban: (entry: KickedEntry) => void }) {
  const { t } = useT();
  if (removed.length === 0) return null;
  const kicked = removed.filter((r) => !r.banned);
  const banned = removed.filter((r) => r.banned);
  return (
    <div data-area="removed">
      {kicked.length > 0 ? (
        <p className={styles.muted} data-removed="kicked">
          <strong>{t("console.kickedCount", { count: kicked.length })}</strong>: {kicked.map((k) => k.nickname).join(", ")}. {t("console.kickedHint")}
        </p>
      ) : null}
      {banned.length > 0 ? (
        <div data-removed="banned">
          <p className={styles.muted}>
            <strong>{t("console.bannedCount", { count: banned.length })}</strong>. {t("console.bannedHint")}
          </p>
          <ul className={styles.bannedList}>
            {banned.map((b) => (
              <li key={b.id}>
                <span className={styles.nickname}>{b.nickname}</span>
                {canUnban ? (
                  <button type="button" className={styles.smallButton} aria-label={t("console.unbanWho", { name: b.nickname })} onClick={() => onUnban(b)}>
                    {t("console.unban")}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

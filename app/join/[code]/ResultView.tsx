import type { DeckColumn } from "@/lib/decks/types";
import type { ParticipantResult, ResultCard } from "@/lib/protocol/views";
import { useT } from "@/lib/i18n/client";
import styles from "./result.module.css";

/** After reveal: the score, then each missed card with the right column, the article's sentence
 *  and how the room sorted it. The cards that were right fold away below. */
export function ResultView({ result, columns }: { result: ParticipantResult; columns: DeckColumn[] }) {
  const { t } = useT();
  const missed = result.cards.filter((c) => !c.correct);
  const right = result.cards.filter((c) => c.correct);
  return (
    <div className={styles.result}>
      <div className={styles.score}>
        <p className={styles.scoreLine}>
          <span className={styles.scoreValue}>{result.correct}</span>
          <span className={styles.scoreOf}> / {result.total}</span>
        </p>
        <p className={styles.scoreText}>{t("result.inRightColumn")}</p>
      </div>

      {missed.length === 0 ? (
        <p className={styles.perfect}>{t("result.perfect")}</p>
      ) : (
        <section aria-labelledby="missed-heading">
          <h2 id="missed-heading" className={styles.heading}>
            {t("result.missed")} <span className={styles.count}>{missed.length}</span>
          </h2>
          <ol className={styles.cards}>
            {missed.map((card) => (
              <ResultItem key={card.statementId} card={card} columns={columns} />
            ))}
          </ol>
        </section>
      )}

      {right.length > 0 && (
        <details className={styles.right}>
          <summary>
            <DisclosureIcon />
            {t("result.right", { count: right.length })}
          </summary>
          <ol className={styles.cards}>
            {right.map((card) => (
              <ResultItem key={card.statementId} card={card} columns={columns} />
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

/** The ▸ of a disclosure (a flex summary loses the browser's own marker); turns when open. */
function DisclosureIcon() {
  return (
    <svg className={styles.disclosure} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M6 3.5L10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function ResultItem({ card, columns }: { card: ResultCard; columns: DeckColumn[] }) {
  const { t } = useT();
  return (
    <li className={styles.card}>
      <p className={styles.text}>{card.text}</p>
      <dl className={styles.answers}>
        {!card.correct && (
          <div>
            <dt>{t("result.you")}</dt>
            <dd>{card.placed === null ? <span className={styles.notPlaced}>{t("result.notPlaced")}</span> : <ColumnTag id={card.placed} columns={columns} />}</dd>
          </div>
        )}
        <div>
          <dt>{card.correct ? t("result.column") : t("result.answer")}</dt>
          <dd>
            <ColumnTag id={card.canonical} columns={columns} />
          </dd>
        </div>
      </dl>
      {card.explanation && <blockquote className={styles.quote}>{card.explanation}</blockquote>}
      <RoomSplit room={card.room} columns={columns} />
    </li>
  );
}

function ColumnTag({ id, columns }: { id: string; columns: DeckColumn[] }) {
  const index = columns.findIndex((c) => c.id === id);
  return (
    <span className={styles.tag} data-col={index >= 0 ? index + 1 : undefined}>
      {index >= 0 ? columns[index]!.label : id}
    </span>
  );
}

/** "How the room sorted it": a stacked bar (decorative) and the same numbers as text. */
function RoomSplit({ room, columns }: { room: Record<string, number>; columns: DeckColumn[] }) {
  const counts = columns.map((c) => room[c.id] ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  const { t } = useT();
  return (
    <div className={styles.split}>
      <p className={styles.splitTitle}>{t("result.roomSplit")}</p>
      {total === 0 ? (
        <p className={styles.splitEmpty}>{t("result.nobodyPlaced")}</p>
      ) : (
        <>
          <div className={styles.bar} aria-hidden="true">
            {counts.map((n, i) =>
              n > 0 ? <span key={columns[i]!.id} data-col={i + 1} style={{ flexGrow: n }} /> : null,
            )}
          </div>
          <ul className={styles.legend}>
            {columns.map((c, i) => (
              <li key={c.id} data-col={i + 1}>
                <span className={styles.swatch} aria-hidden="true" />
                {c.label} {counts[i]} <span className={styles.pct}>({Math.round((counts[i]! / total) * 100)}%)</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

"use client";

import Link from "next/link";
import type { DeckColumn } from "@/lib/decks/types";
import type { ParticipantResult } from "@/lib/protocol/views";
import { useT } from "@/lib/i18n/client";
import theme from "../../_ui/participant-theme.module.css";
import { Spinner } from "../../_ui/Spinner";
import styles from "./participant.module.css";
import { ResultView } from "./ResultView";
import { useFocusOnMount } from "./useFocusOnMount";

/** Revealed or closed: the heading says which, the result follows when there is one. */
export function ResultScreen({
  title,
  closed,
  result,
  columns,
  nextRound,
}: {
  title: string;
  closed: boolean;
  result: ParticipantResult | null;
  columns: DeckColumn[];
  nextRound: boolean;
}) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { t } = useT();
  return (
    <main className={`${theme.page} ${styles.wide}`}>
      <p className={styles.kicker}>{title}</p>
      <h1 ref={heading} tabIndex={-1} className={theme.title}>
        {closed ? t("result.ended") : t("result.yours")}
      </h1>
      {closed && <p className={theme.lead}>{result ? t("result.thanksWithResult") : t("result.thanks")}</p>}
      {!closed && nextRound && <p className={theme.note}>{t("result.anotherRound")}</p>}
      {result ? (
        <ResultView result={result} columns={columns} />
      ) : closed ? null : (
        <p className={styles.inline}>
          <Spinner /> {t("result.fetching")}
        </p>
      )}
      {closed && (
        <p className={styles.footer}>
          <Link className={theme.link} href="/">
            {t("common.backToStart")}
          </Link>
        </p>
      )}
    </main>
  );
}

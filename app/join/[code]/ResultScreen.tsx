"use client";

import Link from "next/link";
import type { DeckColumn } from "@/lib/decks/types";
import type { ParticipantResult } from "@/lib/protocol/views";
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
  return (
    <main className={`${theme.page} ${styles.wide}`}>
      <p className={styles.kicker}>{title}</p>
      <h1 ref={heading} tabIndex={-1} className={theme.title}>
        {closed ? "The session has ended" : "Your result"}
      </h1>
      {closed && <p className={theme.lead}>Thank you for taking part.{result ? " Here is how you sorted." : ""}</p>}
      {!closed && nextRound && <p className={theme.note}>Another round may follow: keep this page open.</p>}
      {result ? (
        <ResultView result={result} columns={columns} />
      ) : closed ? null : (
        <p className={styles.inline}>
          <Spinner /> Fetching your result…
        </p>
      )}
      {closed && (
        <p className={styles.footer}>
          <Link className={theme.link} href="/">
            Back to the start page
          </Link>
        </p>
      )}
    </main>
  );
}

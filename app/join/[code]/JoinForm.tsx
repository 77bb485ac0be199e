"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from "react";
import type { JoinOutcome } from "@/lib/client/participant-controller";
import type { JoinStage } from "@/lib/domain/phases";
import { formatJoinCode } from "@/lib/domain/joinCode";
import { LanguageSwitcher, useT } from "@/lib/i18n/client";
import { Brand } from "../../_ui/participant-brand";
import theme from "../../_ui/participant-theme.module.css";
import { Spinner } from "../../_ui/Spinner";
import styles from "./participant.module.css";

type Field = "nickname" | "cohort";
type Errors = Partial<Record<Field | "form", string>>;

/** Where each join error belongs: next to the field it is about, or above the button. */
const FIELD_OF: Partial<Record<string, Field>> = {
  NICKNAME_EMPTY: "nickname",
  NICKNAME_TOO_LONG: "nickname",
  NICKNAME_INVALID: "nickname",
  NICKNAME_TAKEN: "nickname",
  VALIDATION: "nickname",
  COHORT_INVALID: "cohort",
};

/** Why a join was refused as WRONG_PHASE, by where the session stood when the page was served:
 *  a session that was open then has moved on to its reveal since. */
const WRONG_PHASE_MESSAGE = {
  notYet: "join.notOpenYet",
  open: "join.justRevealed",
  betweenRounds: "join.betweenRounds",
} as const;

/** Codes after which typing another nickname will not help: offer another code instead. */
const WRONG_SESSION = new Set(["SESSION_NOT_FOUND", "SESSION_CLOSED"]);

/** The nickname form, with the session's groups as a list when the facilitator set some. If the
 *  list could not be read when the page was served, the server's COHORT_INVALID still brings up a
 *  free group field. */
export function JoinForm({
  code,
  notice,
  onJoin,
  cohortOptions,
  stage,
}: {
  code: string;
  notice: string | null;
  onJoin: (nickname: string, cohort: string | null) => Promise<JoinOutcome>;
  cohortOptions: string[];
  stage: Exclude<JoinStage, "over">;
}) {
  const { t, errorText } = useT();
  const router = useRouter();
  /** The server said "not now" (WRONG_PHASE) without saying why: the page is re-served to learn
   *  where the session stands, and the message follows `stage` (the whole form gives way to
   *  "too late" once the session is over). */
  const [wrongPhase, setWrongPhase] = useState(false);
  const [nickname, setNickname] = useState("");
  const [cohort, setCohort] = useState("");
  const [askCohort, setAskCohort] = useState(cohortOptions.length > 0);
  const [errors, setErrors] = useState<Errors>({});
  const [wrongSession, setWrongSession] = useState(false);
  const [busy, setBusy] = useState(false);
  const nicknameRef = useRef<HTMLInputElement>(null);
  const cohortRef = useRef<HTMLInputElement & HTMLSelectElement>(null);

  // The nickname is what this page asks for: the cursor starts there (after the code was typed
  // on the home page, or the link opened), not on the page body.
  useEffect(() => nicknameRef.current?.focus(), []);

  // Focus moves to the field in error after the render that shows the message (the group field
  // may only appear in that render).
  const focusNext = useRef<Field | null>(null);
  useEffect(() => {
    const field = focusNext.current;
    if (!field) return;
    focusNext.current = null;
    (field === "nickname" ? nicknameRef : cohortRef).current?.focus();
  });

  function fail(field: Field | "form", message: string) {
    if (field !== "form") focusNext.current = field;
    setErrors({ [field]: message });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (nickname.trim() === "") return fail("nickname", t("join.nicknameEmpty"));
    if (askCohort && cohort.trim() === "") return fail("cohort", cohortOptions.length > 0 ? t("join.pickGroup") : t("join.typeGroup"));
    setBusy(true);
    setErrors({});
    setWrongPhase(false);
    const outcome = await onJoin(nickname, askCohort ? cohort.trim() : null);
    setBusy(false);
    if (outcome.ok) return;
    if (outcome.code === "WRONG_PHASE") {
      setWrongPhase(true);
      router.refresh();
      return;
    }
    const field = FIELD_OF[outcome.code] ?? "form";
    setWrongSession(WRONG_SESSION.has(outcome.code));
    if (field === "cohort") {
      // The server's message speaks of "listed groups", which a phone never sees: say it plainly.
      setAskCohort(true);
      return fail("cohort", askCohort ? t("join.notAGroup") : t("join.asksGroup"));
    }
    fail(field, errorText(outcome.code, outcome.message));
  }

  /** What the nickname and group controls share: id and name, styling, clearing the error on
   *  input, and the error and hint wiring JoinField renders. */
  const controlProps = (field: Field, set: (value: string) => void) => ({
    id: field,
    name: field,
    className: theme.input,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      set(e.target.value);
      if (errors[field]) setErrors({});
    },
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": [errors[field] ? `${field}-error` : null, `${field}-hint`].filter(Boolean).join(" "),
  });

  return (
    <main className={theme.page}>
      <Brand />
      <div>
        <h1 className={theme.title}>{t("join.title")}</h1>
        <p className={styles.code}>{formatJoinCode(code)}</p>
      </div>
      {notice && (
        <p className={theme.alert} role="alert">
          {notice}
        </p>
      )}
      <form className={theme.form} onSubmit={onSubmit} noValidate>
        <JoinField field="nickname" label={t("join.nickname")} hint={t("join.nicknameHint")} error={errors.nickname}>
          <input
            ref={nicknameRef}
            {...controlProps("nickname", setNickname)}
            value={nickname}
            autoComplete="nickname"
            enterKeyHint="go"
          />
        </JoinField>
        {askCohort && (
          <JoinField
            field="cohort"
            label={t("join.group")}
            hint={cohortOptions.length > 0 ? t("join.groupHintList") : t("join.groupHintFree")}
            error={errors.cohort}
          >
            {cohortOptions.length > 0 ? (
              <select ref={cohortRef} {...controlProps("cohort", setCohort)} value={cohort}>
                <option value="">{t("join.choose")}</option>
                {cohortOptions.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            ) : (
              <input ref={cohortRef} {...controlProps("cohort", setCohort)} value={cohort} autoComplete="off" enterKeyHint="go" />
            )}
          </JoinField>
        )}
        {wrongPhase && (
          <p className={theme.alert} role="alert">
            {t(WRONG_PHASE_MESSAGE[stage])}
          </p>
        )}
        {errors.form && (
          <p className={theme.alert} role="alert">
            {errors.form}{" "}
            {wrongSession && (
              <Link className={theme.link} href="/">
                {t("join.anotherCode")}
              </Link>
            )}
          </p>
        )}
        <button className={theme.button} type="submit" disabled={busy}>
          {busy ? (
            <>
              <Spinner /> {t("common.joining")}
            </>
          ) : (
            t("common.join")
          )}
        </button>
      </form>
      <p className={styles.footer}>
        <Link className={theme.link} href="/">
          {t("join.notYourSession")}
        </Link>
      </p>
      <LanguageSwitcher />
    </main>
  );
}

/** A labelled join field: the control, its hint, and its error (ids `<field>-hint`, `<field>-error`,
 *  which the control's aria-describedby names). */
function JoinField({ field, label, hint, error, children }: { field: Field; label: string; hint: string; error: string | undefined; children: ReactNode }) {
  return (
    <div className={theme.field}>
      <label className={theme.label} htmlFor={field}>
        {label}
      </label>
      {children}
      <p className={theme.hint} id={`${field}-hint`}>
        {hint}
      </p>
      {error && (
        <p className={theme.error} id={`${field}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

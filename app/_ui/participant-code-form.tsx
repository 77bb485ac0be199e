"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { JOIN_CODE_MAX_LENGTH, normalizeJoinCode } from "@/lib/domain/joinCode";
import { useT } from "@/lib/i18n/client";
import { localizedCodeProblem } from "./code-problem";
import styles from "./participant-code-form.module.css";
import theme from "./participant-theme.module.css";

/** The big "session code" field. Works without JavaScript too (GET /join?code=…); with it, the
 *  code is cleaned as typed (upper case, no spaces or dashes) and checked before navigating. */
export function CodeForm({ initialCode = "", initialError = null }: { initialCode?: string; initialError?: string | null }) {
  const router = useRouter();
  const { t } = useT();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState(() => normalizeJoinCode(initialCode).slice(0, JOIN_CODE_MAX_LENGTH + 4));
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = localizedCodeProblem(code, t);
    if (problem) {
      setError(problem);
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    router.push(`/join/${code}`);
  }

  return (
    <form className={theme.form} action="/join" method="get" onSubmit={onSubmit} noValidate>
      <div className={theme.field}>
        <label className={theme.label} htmlFor={`${id}-code`}>
          {t("codeForm.label")}
        </label>
        <input
          ref={inputRef}
          id={`${id}-code`}
          name="code"
          className={`${theme.input} ${styles.code}`}
          value={code}
          onChange={(e) => {
            setCode(normalizeJoinCode(e.target.value).slice(0, JOIN_CODE_MAX_LENGTH + 4));
            setError(null);
          }}
          placeholder="ABC234"
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        />
        <p className={theme.hint} id={hintId}>
          {t("codeForm.hint")}
        </p>
        {error && (
          <p className={theme.error} id={errorId}>
            {error}
          </p>
        )}
      </div>
      <button className={theme.button} type="submit" disabled={busy}>
        {busy ? t("common.joining") : t("common.join")}
      </button>
    </form>
  );
}

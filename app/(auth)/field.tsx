import type { HTMLInputTypeAttribute, Ref } from "react";
import type { AuthIssue } from "@/lib/auth/credentials-schema";
import { useT } from "@/lib/i18n/client";
import { translateIssue } from "@/lib/i18n/translate";
import styles from "./auth.module.css";

/** A labelled input with an optional hint and an inline error (an issue of lib/auth, shown in
 *  the UI's language). The error is tied to the input with aria-invalid + aria-describedby so
 *  screen readers read it when the field is focused. */
export function Field({
  ref,
  ...props
}: {
  name: string;
  label: string;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  inputMode?: "email" | "text";
  hint?: string;
  error?: AuthIssue;
  optional?: boolean;
  defaultValue?: string;
  ref?: Ref<HTMLInputElement>;
}) {
  const translator = useT();
  const { t } = translator;
  const id = `field-${props.name}`;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {props.label}
        {props.optional ? <span className={styles.optional}>{t("auth.optional")}</span> : null}
      </label>
      {props.hint ? (
        <p id={hintId} className={styles.hint}>
          {props.hint}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        defaultValue={props.defaultValue}
        required={!props.optional}
        spellCheck={false}
        autoCapitalize={props.type === "email" || props.type === "password" ? "none" : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        className={styles.input}
      />
      {props.error ? (
        <p id={errorId} className={styles.fieldError}>
          {translateIssue(translator, "authIssues", props.error)}
        </p>
      ) : null}
    </div>
  );
}

/** Focuses the first field (in form order) that has an error. */
export function focusFirstInvalid(form: HTMLFormElement | null, order: readonly string[], errors: Partial<Record<string, unknown>>): boolean {
  if (!form) return false;
  for (const name of order) {
    if (!errors[name]) continue;
    const el = form.elements.namedItem(name);
    if (el instanceof HTMLInputElement) {
      el.focus();
      return true;
    }
  }
  return false;
}

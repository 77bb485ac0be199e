"use client";

import { useActionState, useState } from "react";
import { useT } from "@/lib/i18n/client";
import styles from "../../reports/_shared/reports.module.css";
import { createTokenAction, revokeTokenAction, type CreateTokenState, type RevokeTokenState } from "./actions";
import { ScopeField } from "./scope-field";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, {});
  const [copied, setCopied] = useState(false);
  const { t } = useT();
  return (
    <>
      <form action={action} className={styles.filters}>
        <label className={styles.field}>
          {t("settings.tokens.tokenName")}
          <input className={styles.input} name="name" required maxLength={60} placeholder={t("settings.tokens.namePlaceholder")} autoComplete="off" />
        </label>
        <ScopeField />
        <button type="submit" className={styles.button} disabled={pending} aria-busy={pending}>
          {pending ? t("settings.tokens.creating") : t("settings.tokens.create")}
        </button>
      </form>
      {state.error ? (
        <p className={styles.error} role="alert" style={{ marginTop: "0.75rem" }}>
          {state.error}
        </p>
      ) : null}
      {state.token ? (
        <div className={styles.notice} role="status" style={{ marginTop: "1rem" }}>
          <p style={{ margin: "0 0 0.5rem" }}>
            <strong>{t("settings.tokens.createdTitle", { name: state.name ?? "" })}</strong> {t("settings.tokens.copyNow")}
          </p>
          <code className={styles.secret} data-testid="new-token">
            {state.token}
          </code>
          <p className={styles.actions} style={{ marginTop: "0.5rem" }}>
            <button
              type="button"
              className={styles.secondaryButton}
              onClick={() => {
                void navigator.clipboard?.writeText(state.token ?? "").then(() => setCopied(true));
              }}
            >
              {copied ? t("settings.tokens.copied") : t("settings.tokens.copy")}
            </button>
          </p>
        </div>
      ) : null}
    </>
  );
}

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState<RevokeTokenState, FormData>(revokeTokenAction, {});
  const { t } = useT();
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("settings.tokens.revokeConfirm", { name }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={styles.secondaryButton} disabled={pending} aria-label={t("settings.tokens.revokeLabel", { name })}>
        {pending ? t("settings.tokens.revoking") : t("settings.tokens.revoke")}
      </button>
      {state.error ? (
        <span role="alert" className={styles.flag}>
          {" "}
          {state.error}
        </span>
      ) : null}
    </form>
  );
}

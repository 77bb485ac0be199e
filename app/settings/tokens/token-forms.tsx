"use client";

import { useActionState, useState } from "react";
import styles from "../../reports/_shared/reports.module.css";
import { createTokenAction, revokeTokenAction, type CreateTokenState, type RevokeTokenState } from "./actions";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, {});
  const [copied, setCopied] = useState(false);
  return (
    <>
      <form action={action} className={styles.filters}>
        <label className={styles.field}>
          Token name
          <input className={styles.input} name="name" required maxLength={60} placeholder="e.g. Moodle gradebook" autoComplete="off" />
        </label>
        <button type="submit" className={styles.button} disabled={pending} aria-busy={pending}>
          {pending ? "Creating…" : "Create token"}
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
            <strong>Token “{state.name}” created.</strong> Copy it now: it is shown only once and cannot be recovered.
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
              {copied ? "Copied" : "Copy token"}
            </button>
          </p>
        </div>
      ) : null}
    </>
  );
}

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState<RevokeTokenState, FormData>(revokeTokenAction, {});
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Revoke the token “${name}”? Integrations using it stop working at once.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={styles.secondaryButton} disabled={pending} aria-label={`Revoke token ${name}`}>
        {pending ? "Revoking…" : "Revoke"}
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

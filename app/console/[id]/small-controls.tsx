"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import styles from "./console.module.css";

/** A button that asks once more before doing something that cannot be undone. The question
 *  appears in place; focus moves to the confirming button, Escape or "Cancel" backs out. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  className,
  skipConfirm = false,
  accessibleLabel,
  compact = false,
}: {
  label: ReactNode;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
  skipConfirm?: boolean;
  accessibleLabel?: string;
  /** Keep the question for screen readers only (in a table row the row says what it is about). */
  compact?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!asking && returnFocus.current) {
      returnFocus.current = false;
      triggerRef.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={triggerRef}
        type="button"
        className={className}
        disabled={disabled}
        aria-label={accessibleLabel}
        onClick={() => (skipConfirm ? onConfirm() : setAsking(true))}
      >
        {label}
      </button>
    );
  }
  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  return (
    <ConfirmQuestion
      question={question}
      confirmLabel={confirmLabel}
      disabled={disabled}
      showQuestion={!compact}
      onCancel={cancel}
      onConfirm={() => {
        setAsking(false);
        onConfirm();
      }}
    />
  );
}

/** The question a confirmation asks, with its confirming and "Cancel" buttons. Focus lands on
 *  the confirming button when it appears; Escape or "Cancel" backs out (the caller returns focus). */
export function ConfirmQuestion({
  question,
  confirmLabel,
  onConfirm,
  onCancel,
  disabled,
  showQuestion = true,
}: {
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  disabled?: boolean;
  /** False keeps the question for screen readers only. */
  showQuestion?: boolean;
}) {
  const { t } = useT();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <span
      className={styles.confirm}
      role="group"
      aria-label={question}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <span className={showQuestion ? styles.confirmQuestion : styles.visuallyHidden}>{question}</span>
      <button ref={confirmRef} type="button" className={styles.dangerButton} disabled={disabled} onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" className={styles.ghostButton} onClick={onCancel}>
        {t("console.cancel")}
      </button>
    </span>
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the legacy way (plain-http LAN addresses have no clipboard API)
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand("copy");
  } catch {
    done = false;
  }
  area.remove();
  return done;
}

/** Copies `text`; says so for a moment, also to screen readers. */
export function CopyButton({ text, label, what }: { text: string; label: string; what: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const { t: tr } = useT();
  useEffect(() => {
    if (state === "idle") return;
    const t = window.setTimeout(() => setState("idle"), 2_000);
    return () => window.clearTimeout(t);
  }, [state]);
  return (
    <>
      <button type="button" className={styles.smallButton} onClick={() => void copyText(text).then((ok) => setState(ok ? "copied" : "failed"))}>
        {state === "copied" ? tr("console.copied") : label}
      </button>
      <span className={styles.visuallyHidden} role="status">
        {state === "copied" ? tr("console.whatCopied", { what }) : state === "failed" ? tr("console.copyFailed", { what }) : ""}
      </span>
    </>
  );
}

/** An on/off switch as a real button (role="switch"), with its state spelled out in text. */
export function Switch({
  checked,
  onChange,
  label,
  hint,
  disabled,
}: {
  checked: boolean;
  onChange: (next: boolean) => void;
  label: string;
  hint?: string;
  disabled?: boolean;
}) {
  const { t } = useT();
  return (
    <button type="button" role="switch" aria-checked={checked} className={styles.switch} onClick={() => onChange(!checked)} disabled={disabled}>
      <span className={styles.switchTrack} aria-hidden="true">
        <span className={styles.switchThumb} />
      </span>
      <span className={styles.switchText}>
        <span className={styles.switchLabel}>{label}</span>
        {hint ? <span className={styles.switchHint}>{hint}</span> : null}
      </span>
      <span className={styles.switchState} aria-hidden="true">
        {checked ? t("console.on") : t("console.off")}
      </span>
    </button>
  );
}

"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { firstFieldErrors, signInSchema, type FieldErrors } from "@/lib/auth/credentials-schema";
import { Field, focusFirstInvalid } from "../field";
import { NETWORK_ERROR, WRONG_CREDENTIALS, signInErrorMessage } from "../messages";
import styles from "../auth.module.css";

type Name = "email" | "password";
const ORDER: readonly Name[] = ["email", "password"];

export function SignInForm(props: {
  callbackUrl: string;
  providers: { id: string; name: string }[];
  initialError: string | null;
  signUpHref: string;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<FieldErrors<Name>>({});
  const [formError, setFormError] = useState<string | null>(props.initialError);
  const [pending, setPending] = useState<string | null>(null); // which button is busy
  const [showPassword, setShowPassword] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: data.get("email"), password: data.get("password") });
    if (!parsed.success) {
      const fieldErrors = firstFieldErrors<Name>(parsed.error);
      setErrors(fieldErrors);
      setFormError(null);
      focusFirstInvalid(formRef.current, ORDER, fieldErrors);
      return;
    }
    setErrors({});
    setFormError(null);
    setPending("credentials");
    try {
      // redirect:false so a wrong password is answered inline, without a page load.
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (result?.ok && !result.error) {
        // The destination is rendered on the server, which now receives the session cookie.
        router.replace(props.callbackUrl);
        router.refresh();
        return;
      }
      setFormError(result?.error === "CredentialsSignin" ? WRONG_CREDENTIALS : signInErrorMessage(result?.error ?? "unknown"));
      if (passwordRef.current) {
        passwordRef.current.value = "";
        passwordRef.current.focus();
      }
    } catch {
      setFormError(NETWORK_ERROR);
    }
    setPending(null);
  }

  async function onOAuth(id: string) {
    setPending(id);
    try {
      await signIn(id, { callbackUrl: props.callbackUrl }); // leaves the page for the provider
    } catch {
      setFormError(NETWORK_ERROR);
      setPending(null);
    }
  }

  return (
    <>
      <div role="alert" className={styles.formError}>
        {formError}
      </div>
      <form ref={formRef} className={styles.form} onSubmit={onSubmit} noValidate aria-label="Sign in with email">
        <Field name="email" label="Email" type="email" inputMode="email" autoComplete="email" error={errors.email} />
        <Field
          ref={passwordRef}
          name="password"
          label="Password"
          type={showPassword ? "text" : "password"}
          autoComplete="current-password"
          error={errors.password}
        />
        <label className={styles.checkbox}>
          <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
          Show password
        </label>
        <button type="submit" className={styles.button} disabled={pending !== null} aria-busy={pending === "credentials"}>
          {pending === "credentials" ? "Signing in…" : "Sign in"}
        </button>
      </form>

      {props.providers.length > 0 ? (
        <>
          <p className={styles.divider}>or</p>
          <ul className={styles.oauthList}>
            {props.providers.map((p) => (
              <li key={p.id}>
                <button type="button" className={styles.oauthButton} disabled={pending !== null} aria-busy={pending === p.id} onClick={() => void onOAuth(p.id)}>
                  {pending === p.id ? `Opening ${p.name}…` : `Continue with ${p.name}`}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <p className={styles.switch}>
        New to SortRoom?{" "}
        <Link href={props.signUpHref} className={styles.link}>
          Create a facilitator account
        </Link>
      </p>
    </>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { isErrorCode } from "@/lib/protocol/errors";
import { CODE_BY_TEXT, NOTICE_BY_TEXT } from "./known-messages";
import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES, type Locale } from "./locales";
import type { Messages } from "./messages/en";
import type { PublicMessages } from "./namespaces";
import { createTranslator, type Translator } from "./translate";

const I18nContext = createContext<Translator | null>(null);

/** Makes one locale's messages available to client components. The root layout passes only the
 *  request's locale, so the other languages never reach the browser, and only the public
 *  namespaces; staff layouts nest a second provider with the whole catalogue. A key missing from
 *  the provided messages renders as the key itself (t() never throws). */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages | PublicMessages; children: ReactNode }) {
  // Staff namespaces are absent on public pages by design; their keys are not used there.
  const value = useMemo(() => createTranslator(locale, messages as Messages), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** t(), tp(), the locale and the raw messages. Throws outside I18nProvider. */
export function useT(): Translator & { errorText: (code: string | undefined, serverMessage: string | null | undefined) => string; serverText: (message: string) => string } {
  const translator = useContext(I18nContext);
  if (!translator) throw new Error("useT() needs an I18nProvider above it");
  return useMemo(() => {
    const { locale, messages } = translator;
    const english = locale === DEFAULT_LOCALE;
    /** A protocol error for the user: the server's own (English) words in English, the
     *  translation of its code otherwise; an unknown code keeps the server's message. */
    const errorText = (code: string | undefined, serverMessage: string | null | undefined): string => {
      if (english && serverMessage) return serverMessage;
      if (code === "TIMEOUT") return messages.errors.TIMEOUT;
      if (isErrorCode(code)) return messages.errors[code];
      return serverMessage ?? "";
    };
    /** A message that arrived without its code (notices, flashes): translated when it is one
     *  of the known English defaults, as is otherwise. */
    const serverText = (message: string): string => {
      if (english) return message;
      const code = CODE_BY_TEXT.get(message);
      if (code) return errorText(code, message);
      const notice = NOTICE_BY_TEXT.get(message);
      return notice ? messages.notices[notice] : message;
    };
    return { ...translator, errorText, serverText };
  }, [translator]);
}

const ONE_YEAR = 60 * 60 * 24 * 365;

/** "English · Italiano": sets the sortroom-locale cookie and re-renders the page on the server.
 *  Each button names its language in that language, and has a ≥ 44px target. */
export function LanguageSwitcher({ className }: { className?: string }) {
  const { locale, t } = useT();
  const router = useRouter();
  function choose(next: Locale) {
    if (next === locale) return;
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${ONE_YEAR}; SameSite=Lax`;
    router.refresh();
  }
  return (
    <nav className={className} aria-label={t("switcher.label")} style={SWITCHER_STYLE}>
      {LOCALES.map((l, i) => (
        <span key={l} style={ITEM_STYLE}>
          {i > 0 && <span aria-hidden="true">·</span>}
          <button
            type="button"
            lang={l}
            aria-pressed={l === locale}
            onClick={() => choose(l)}
            style={{ ...BUTTON_STYLE, fontWeight: l === locale ? 700 : 400, textDecoration: l === locale ? "none" : "underline" }}
          >
            {t(`switcher.${l}`)}
          </button>
        </span>
      ))}
    </nav>
  );
}

const SWITCHER_STYLE = { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "center", gap: "0.25rem", fontSize: "0.9375rem" } as const;
const ITEM_STYLE = { display: "inline-flex", alignItems: "center", gap: "0.25rem" } as const;
const BUTTON_STYLE = {
  minHeight: "44px",
  minWidth: "44px",
  padding: "0 0.5rem",
  border: 0,
  background: "transparent",
  color: "inherit",
  font: "inherit",
  cursor: "pointer",
} as const;


/** The UI languages. Decks carry their own language (Deck.language); this is only the chrome. */
export const LOCALES = ["en", "it"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** Set by the language switcher; wins over the browser's Accept-Language. */
export const LOCALE_COOKIE = "sortroom-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The primary subtag of a language tag, lower case ("it-IT" → "it"). */
function primary(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
}

/** The UI locale for a request: a valid cookie first, then the Accept-Language entry with the
 *  highest q-value we support (ties keep the header's order), then DEFAULT_LOCALE. Pure. */
export function negotiateLocale(acceptLanguage: string | null, cookie: string | undefined): Locale {
  if (cookie !== undefined) {
    const fromCookie = cookie.trim().toLowerCase();
    if (isLocale(fromCookie)) return fromCookie;
  }
  if (!acceptLanguage) return DEFAULT_LOCALE;
  let best: { locale: Locale; q: number } | null = null;
  for (const part of acceptLanguage.split(",")) {
    const [tag = "", ...params] = part.split(";");
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split("=");
      if (name?.trim().toLowerCase() !== "q") continue;
      const parsed = Number(value?.trim());
      q = value !== undefined && value.trim() !== "" && Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
    }
    if (q <= 0) continue;
    const lang = primary(tag);
    if (!isLocale(lang)) continue;
    if (!best || q > best.q) best = { locale: lang, q };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}

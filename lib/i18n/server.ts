// Only route handlers and server components may load this (it reads the request, or the database): a
// client component importing it fails the build.
import "server-only";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";
import en, { type Messages } from "./messages/en";
import it from "./messages/it";
import { publicMessages, type PublicMessages } from "./namespaces";
import { createTranslator, type Translator } from "./translate";

const MESSAGES: Record<Locale, Messages> = { en, it };

/** The UI locale of the current request: the switcher's cookie, else Accept-Language. */
export async function getLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return negotiateLocale(headerList.get("accept-language"), cookieStore.get(LOCALE_COOKIE)?.value);
}

/** The messages of one locale (the current request's by default). */
export async function getMessages(locale?: Locale): Promise<Messages> {
  return MESSAGES[locale ?? (await getLocale())];
}

/** The messages every page's client components get (see namespaces.ts). */
export async function getPublicMessages(locale?: Locale): Promise<PublicMessages> {
  return publicMessages(await getMessages(locale));
}

/** t() and tp() for server components. */
export async function getTranslator(): Promise<Translator> {
  const locale = await getLocale();
  return createTranslator(locale, MESSAGES[locale]);
}

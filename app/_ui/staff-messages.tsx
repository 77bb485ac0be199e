import type { ReactNode } from "react";
import { I18nProvider } from "@/lib/i18n/client";
import { getLocale, getMessages } from "@/lib/i18n/server";

/** Layout of every facilitator route (dashboard, decks, reports, sessions, settings, console,
 *  projector): the whole message catalogue. The root layout provides only the public namespaces
 *  (lib/i18n/namespaces.ts), so participants' phones never download the staff screens' texts. */
export default async function StaffMessagesLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages(locale);
  return (
    <I18nProvider locale={locale} messages={messages}>
      {children}
    </I18nProvider>
  );
}

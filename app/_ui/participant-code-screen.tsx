import Link from "next/link";
import { LanguageSwitcher } from "@/lib/i18n/client";
import { Brand } from "./participant-brand";
import { CodeForm } from "./participant-code-form";
import home from "./participant-home.module.css";
import theme from "./participant-theme.module.css";

/** The participant's "enter the code" screen: the home page, /join, and /join/<code> when that
 *  code cannot be used (malformed, or too many codes tried from this network). */
export function CodeScreen(props: { title: string; lead: string; initialCode?: string; initialError?: string | null; footer: { href: string; text: string } }) {
  return (
    <div className={`${theme.theme} ${home.home}`}>
      <main className={theme.page}>
        <Brand />
        <div>
          <h1 className={theme.title}>{props.title}</h1>
          <p className={theme.lead}>{props.lead}</p>
        </div>
        <CodeForm initialCode={props.initialCode} initialError={props.initialError} />
        <p className={home.footer}>
          <Link className={theme.link} href={props.footer.href}>
            {props.footer.text}
          </Link>
        </p>
        <LanguageSwitcher />
      </main>
    </div>
  );
}

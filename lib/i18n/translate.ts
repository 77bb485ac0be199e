import { format, plural, type Plural, type Vars } from "./format";
import type { Locale } from "./locales";
import type { Messages } from "./messages/en";

type Join<A extends string, B extends string> = `${A}.${B}`;

/** Every dot path of `T` that leads to a string ("join.title"). */
export type MessageKey<T = Messages> = {
  [K in keyof T & string]: T[K] extends string ? K : T[K] extends Plural ? never : Join<K, MessageKey<T[K]>>;
}[keyof T & string];

/** Every dot path of `T` that leads to a { one, other } pair. */
export type PluralKey<T = Messages> = {
  [K in keyof T & string]: T[K] extends string ? never : T[K] extends Plural ? K : Join<K, PluralKey<T[K]>>;
}[keyof T & string];

function lookup(messages: Messages, key: string): unknown {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export interface Translator {
  locale: Locale;
  /** The message at `key`, with "{name}" placeholders filled from `vars`. */
  t: (key: MessageKey, vars?: Vars) => string;
  /** The plural message at `key` for `count` ({count} is filled too). */
  tp: (key: PluralKey, count: number, vars?: Vars) => string;
  messages: Messages;
}

export function createTranslator(locale: Locale, messages: Messages): Translator {
  return {
    locale,
    messages,
    t: (key, vars) => {
      const value = lookup(messages, key);
      return typeof value === "string" ? format(value, vars) : key;
    },
    tp: (key, count, vars) => {
      const value = lookup(messages, key) as Plural | undefined;
      return value ? plural(locale, value, count, vars) : key;
    },
  };
}

/** The messages namespaces that translate lib's issue codes (lib/i18n/issue.ts). */
export type IssueNamespace = "deckIssues" | "authIssues" | "sessionIssues";

/** An issue from lib/ in the translator's language: its code's template filled with its params;
 *  an unknown code keeps the issue's English message. */
export function translateIssue(translator: Pick<Translator, "messages">, namespace: IssueNamespace, issue: { code: string; params?: Vars; message: string }): string {
  const table: Readonly<Record<string, string>> = translator.messages[namespace];
  return Object.hasOwn(table, issue.code) ? format(table[issue.code]!, issue.params) : issue.message;
}

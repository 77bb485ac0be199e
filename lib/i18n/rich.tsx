import { Fragment, type ReactNode } from "react";

/** Fills "{name}" placeholders with React nodes (e.g. <strong>) — for messages with markup.
 *  Unknown placeholders stay as written. Not in client.tsx: server components call it too, and a
 *  "use client" module's functions cannot be called on the server. */
export function rich(text: string, nodes: Record<string, ReactNode>): ReactNode[] {
  return text.split(/(\{\w+\})/).map((part, i) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return name !== undefined && Object.hasOwn(nodes, name) ? <Fragment key={i}>{nodes[name]}</Fragment> : part;
  });
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Brand } from "../_ui/participant-brand";
import { CodeForm } from "../_ui/participant-code-form";
import home from "../_ui/participant-home.module.css";
import theme from "../_ui/participant-theme.module.css";
import { codeProblem } from "@/lib/client/join-code";
import { normalizeJoinCode } from "@/lib/domain/joinCode";

export const metadata: Metadata = { title: "Join a session" };

/** /join without a code, and /join?code=… (the code form's no-JavaScript submit): a good code
 *  goes straight to its session, anything else gets the form again with the reason. */
export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const raw = (await searchParams).code;
  const typed = typeof raw === "string" ? raw : undefined;
  const code = normalizeJoinCode(typed);
  const problem = typed === undefined ? null : codeProblem(code);
  if (typed !== undefined && !problem) redirect(`/join/${code}`);

  return (
    <div className={`${theme.theme} ${home.home}`}>
      <main className={theme.page}>
        <Brand />
        <div>
          <h1 className={theme.title}>Join a session</h1>
          <p className={theme.lead}>Enter the code from the big screen.</p>
        </div>
        <CodeForm initialCode={typed ?? ""} initialError={problem} />
        <p className={home.footer}>
          <Link className={theme.link} href="/">
            Back to the start page
          </Link>
        </p>
      </main>
    </div>
  );
}

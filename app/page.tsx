import Link from "next/link";
import { Brand } from "./_ui/participant-brand";
import { CodeForm } from "./_ui/participant-code-form";
import home from "./_ui/participant-home.module.css";
import theme from "./_ui/participant-theme.module.css";

/** Home: participants arrive here on their phones, so the join code comes first and alone. */
export default function HomePage() {
  return (
    <div className={`${theme.theme} ${home.home}`}>
      <main className={theme.page}>
        <Brand />
        <div>
          <h1 className={theme.title}>Join a session</h1>
          <p className={theme.lead}>Enter the code from the big screen.</p>
        </div>
        <CodeForm />
        <p className={home.footer}>
          <Link className={theme.link} href="/signin">
            Facilitators: sign in
          </Link>
        </p>
      </main>
    </div>
  );
}

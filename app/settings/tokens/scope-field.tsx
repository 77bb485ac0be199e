"use client";

import { DEFAULT_TOKEN_SCOPE, TOKEN_SCOPES } from "@/lib/domain/token-scope";
import { useT } from "@/lib/i18n/client";
import styles from "../../reports/_shared/reports.module.css";

/** The new token's scope: a native radio group (arrow keys move within it, its legend names it),
 *  each choice described by what it allows. Read-only is preselected: a token that can run
 *  sessions is something to ask for, not what a hurried click gets. */
export function ScopeField() {
  const { t } = useT();
  return (
    <fieldset className={styles.scopes}>
      <legend>{t("settings.tokens.scopeLegend")}</legend>
      {TOKEN_SCOPES.map((scope) => (
        <div key={scope}>
          <label className={styles.toggle}>
            <input type="radio" name="scope" value={scope} defaultChecked={scope === DEFAULT_TOKEN_SCOPE} aria-describedby={`scope-${scope}-hint`} />
            {t(`settings.tokens.scopes.${scope}.label`)}
          </label>
          <p id={`scope-${scope}-hint`} className={styles.scopeHint}>
            {t(`settings.tokens.scopes.${scope}.hint`)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}

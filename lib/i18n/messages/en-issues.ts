import { AUTH_ISSUES } from "@/lib/auth/credentials-schema";
import { SESSION_ISSUES } from "@/lib/sessions/issues";

/** English texts of the validation issues lib/auth and lib/sessions report, by code: the lib
 *  catalogs themselves, so the forms say what the server says. Spread into en.ts. */
const enIssues = {
  authIssues: AUTH_ISSUES,
  sessionIssues: SESSION_ISSUES,
};

export default enIssues;

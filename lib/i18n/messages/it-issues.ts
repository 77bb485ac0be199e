import type { Messages } from "./en";

/** Italian texts of the validation issues of lib/auth and lib/sessions: spread into it.ts. */
const itIssues = {
  authIssues: {
    email_required: "Inserisci il tuo indirizzo email",
    email_invalid: "Inserisci un indirizzo email valido",
    email_too_long: "L’email è troppo lunga (al massimo {max} caratteri)",
    password_required: "Inserisci la tua password",
    password_too_short: "Usa almeno {min} caratteri",
    password_too_long: "Usa al massimo {max} caratteri",
    name_too_long: "Il nome è troppo lungo (al massimo {max} caratteri)",
    name_invalid_character: "Il nome contiene un carattere che non si può salvare (un carattere di controllo o un'emoji spezzata)",
    field_invalid: "Questo valore non è valido",
  },
  sessionIssues: {
    request_invalid: "Invia il mazzo e, se vuoi, un titolo, i turni e i gruppi.",
    unknown_fields: "Campi sconosciuti: {fields}.",
    deck_required: "Scegli un mazzo.",
    title_too_long: "Usa al massimo {max} caratteri.",
    title_invalid_character: "Il titolo contiene un carattere che non si può salvare (un carattere NUL o mezza emoji): toglilo.",
    rounds_invalid: "Scegli 1 o {max} turni.",
    cohorts_invalid: "Indica al massimo {max} gruppi, ognuno lungo da 1 a {length} caratteri.",
    cohort_too_long: "Gruppi, riga {line}: “{group}” ha {length} caratteri; un gruppo ne ha al massimo {max}.",
    cohorts_invalid_character: "Il nome di un gruppo contiene un carattere che non si può salvare (un carattere NUL o mezza emoji): toglilo.",
    deck_not_found: "Mazzo inesistente.",
    deck_invalid: "Il mazzo non è valido: {problem}",
  },
} satisfies Pick<Messages, "authIssues" | "sessionIssues">;

export default itIssues;

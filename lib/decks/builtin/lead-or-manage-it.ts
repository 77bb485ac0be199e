import { leadOrManageDeck } from "./lead-or-manage";
import type { StatementTranslation } from "./translate";
import { translateDeck } from "./translate";

// The Italian "Lead or manage?": ids, answers and order are the English deck's (translateDeck),
// so each situation keeps the English card's source sentence of the article as its trace; the
// explanation translates that sentence. Situations avoid the column verbs (guidare, gestire).

const s = (id: string, text: string, explanation: string): StatementTranslation => ({ id, text, explanation });

const WHEN_TO_LEAD =
  "Guida il tuo team quando le persone producono buoni risultati e hanno solide capacità nel loro lavoro; quando puoi fidarti delle loro competenze e devi solo definire l’obiettivo.";
const WHEN_TO_MANAGE =
  "Gestisci il tuo team quando c’è da completare un lavoro entro una scadenza, quando deleghi compiti importanti e nelle situazioni che richiedono risultati specifici.";
const WHAT_MANAGING_MEANS =
  "Di’ al team esattamente che cosa ci si aspetta da loro e che cosa devono fare, assicurandoti di avere esempi e indicazioni chiare da fargli seguire.";
const NEW_MEMBERS =
  "I nuovi membri del team possono aver bisogno di una gestione più ravvicinata finché non acquisiscono più sicurezza e competenza nei loro compiti.";
const EXPERIENCED_MEMBERS = "I membri esperti e altamente qualificati renderanno meglio con indicazioni minime.";

export const leadOrManageItDeck = translateDeck(leadOrManageDeck, {
  slug: "lead-or-manage-it",
  language: "it",
  title: "Guidare o gestire?",
  description:
    "Situazioni che affronta chi è a capo di un team: guideresti o gestiresti? Tratto dall’articolo in inglese “Leadership vs Management. Do you know the difference?”: ogni spiegazione traduce la frase da cui viene la situazione.",
  version: 1,
  columnLabels: { lead: "Guidare", manage: "Gestire" },
  statements: [
    s("good-results-strong-capabilities", "Il tuo team produce buoni risultati e ha solide capacità", WHEN_TO_LEAD),
    s("trusted-skills", "Puoi fidarti delle competenze del tuo team", WHEN_TO_LEAD),
    s("only-the-goal-needed", "Devi solo definire l’obiettivo", WHEN_TO_LEAD),
    s("hard-deadline", "Una consegna ha una scadenza inderogabile", WHEN_TO_MANAGE),
    s("delegating-important-task", "Stai delegando un compito importante", WHEN_TO_MANAGE),
    s("specific-results-required", "La situazione richiede risultati specifici e ben definiti", WHEN_TO_MANAGE),
    s("needs-clear-directions", "Il team ha bisogno di esempi e di indicazioni chiare da seguire", WHAT_MANAGING_MEANS),
    s("new-member", "Un nuovo membro è entrato nel team la settimana scorsa", NEW_MEMBERS),
    s("not-yet-confident", "Un collega non ha ancora sicurezza e competenza nei suoi compiti", NEW_MEMBERS),
    s("experienced-qualified-member", "Un collega esperto e altamente qualificato si fa carico di un compito", EXPERIENCED_MEMBERS),
  ],
});

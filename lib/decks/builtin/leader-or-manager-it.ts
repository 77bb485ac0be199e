import { leaderOrManagerDeck } from "./leader-or-manager";
import type { StatementTranslation } from "./translate";
import { translateDeck } from "./translate";

// The Italian "Leader or Manager?": ids, answers and order are the English deck's (translateDeck),
// so each card keeps the English card's source sentence of the article as its trace. The
// explanation translates that sentence; the article's typos ("obbligation", "Many time managers")
// are read as meant. Cards avoid the words that name a column (leader, manager, capo, guidare,
// gestire…), as the English ones do. Italian keeps "leader" and "manager" as the column labels:
// they are the words an Italian office uses.

const s = (id: string, text: string, explanation: string): StatementTranslation => ({ id, text, explanation });

const GROW = "I leader crescono sul piano personale, mentre i manager si affidano a competenze esistenti e collaudate.";
const RISK = "I leader si assumono rischi, i manager tengono sotto controllo il rischio.";
const BEST = "Un leader sa tirare fuori il meglio da ogni persona, costruendo relazioni e ottimizzando il team.";
const QUALITY = "La leadership è più qualitativa, mentre il management è più quantitativo.";
const RESULTS =
  "I risultati della leadership sono spesso intangibili, mentre i risultati del management sono facilmente misurabili.";
const UNCERTAINTY =
  "Accolgono l’incertezza, sono un catalizzatore del cambiamento e creano una cultura dell’innovazione.";
const ANALYTICAL =
  "Si concentrano sull’aspetto analitico e si assicurano che siano in atto sistemi per ottenere i risultati desiderati.";
const DAY_TO_DAY =
  "Un manager si assicura che le operazioni quotidiane siano eseguite secondo i piani e valuta costantemente le relative prestazioni rispetto a una serie di indicatori chiave di prestazione.";
const COMPLEX =
  "Spesso i manager operano in contesti molto complessi, con responsabilità significative, e motivano costantemente i loro team a raggiungere risultati eccezionali.";

export const leaderOrManagerItDeck = translateDeck(leaderOrManagerDeck, {
  slug: "leader-or-manager-it",
  language: "it",
  title: "Leader o manager?",
  description:
    "Metti ogni affermazione nella colonna che descrive. Tratto dall’articolo in inglese “Leadership vs Management. Do you know the difference?”: ogni spiegazione traduce la frase da cui viene l’affermazione.",
  version: 1,
  columnLabels: { leader: "Leader", manager: "Manager" },
  statements: [
    // Some key differences
    s("chosen-for-a-role", "Viene scelto perché svolge un ruolo",
      "Il/la leader viene scelto/a perché svolge un ruolo."),
    s("hired-for-a-job", "Viene assunto per fare un lavoro",
      "Il manager viene assunto per fare un lavoro."),
    s("followed-out-of-obligation", "Viene seguito per obbligo, per paura o per mancanza di alternative",
      "Un “leader” che viene seguito per obbligo/paura, o solo per mancanza di alternative, è soltanto il capo."),
    s("vision-and-inspiration", "Riguarda visione, ispirazione, incoraggiamento e sostegno",
      "La leadership riguarda visione, ispirazione, incoraggiamento e sostegno."),
    s("goals-and-planning", "Riguarda obiettivi, pianificazione, monitoraggio e coordinamento",
      "Il management riguarda obiettivi, pianificazione, monitoraggio e coordinamento."),
    s("grows-personally", "Cresce sul piano personale", GROW),
    s("relies-on-proven-skills", "Si affida a competenze esistenti e collaudate", GROW),
    s("brings-people-together", "Unisce le persone attorno a un obiettivo comune",
      "Il leader è capace di unire le persone attorno a un obiettivo comune."),
    s("controls-situations-people-outcomes", "Si concentra sul controllo di situazioni, persone e risultati",
      "Il manager è concentrato sul controllo di situazioni, persone e risultati."),
    s("takes-risks", "Si assume rischi", RISK),
    s("controls-risk", "Tiene sotto controllo il rischio", RISK),
    s("brings-out-the-best", "Tira fuori il meglio da ogni persona", BEST),
    s("optimizes-the-team", "Costruisce relazioni e ottimizza il team", BEST),
    s("optimizes-processes", "Implementa sistemi e ottimizza i processi",
      "Il manager deve implementare sistemi e ottimizzare i processi."),
    s("qualitative", "È più qualitativo", QUALITY),
    s("quantitative", "È più quantitativo", QUALITY),
    s("intangible-results", "Ottiene risultati spesso intangibili", RESULTS),
    s("measurable-results", "Ottiene risultati facilmente misurabili", RESULTS),
    s("promotes-change", "Promuove il cambiamento",
      "I leader promuovono il cambiamento."),
    s("maintains-status-quo", "Mantiene lo status quo",
      "I manager mantengono lo status quo."),
    s("creates-fans-and-followers", "Crea fan e seguaci",
      "Un leader crea fan e seguaci."),
    s("has-employees", "Ha dei dipendenti",
      "Un manager ha dei dipendenti."),
    s("works-strategically", "Lavora in modo strategico",
      "La leadership è strategica."),
    s("works-tactically", "Lavora in modo tattico",
      "Il management è tattico."),

    // The role of the leader
    s("seeks-future-opportunities", "Cerca opportunità future per garantire la sostenibilità dell’organizzazione",
      "I leader hanno una visione e cercano opportunità future per garantire la sostenibilità dell’organizzazione."),
    s("embraces-uncertainty", "Accoglie l’incertezza", UNCERTAINTY),
    s("catalyst-for-change", "È un catalizzatore del cambiamento e crea una cultura dell’innovazione", UNCERTAINTY),
    s("does-not-make-all-decisions", "Non deve prendere tutte le decisioni",
      "Un leader non è il capo e non deve prendere tutte le decisioni."),
    s("focuses-on-people", "Si concentra sulle persone",
      "I leader si concentrano sulle persone."),
    s("knows-stakeholders", "Conosce gli stakeholder e passa con loro la maggior parte del tempo",
      "Sanno chi sono i propri stakeholder e passano con loro la maggior parte del tempo."),
    s("builds-loyalty-and-trust", "Costruisce lealtà e fiducia mantenendo con costanza le promesse",
      "Costruiscono lealtà e fiducia mantenendo con costanza ciò che promettono."),

    // The function of the manager
    s("executes-aligned-tasks", "Esegue compiti e attività in linea con la strategia",
      "I manager sostengono un’organizzazione eseguendo compiti, funzioni e attività in linea con la strategia organizzativa."),
    s("structures-for-goals", "Si concentra sulle strutture necessarie per fissare e raggiungere obiettivi",
      "Si concentrano sulle strutture necessarie per fissare e raggiungere gli obiettivi."),
    s("focuses-on-the-analytical", "Si concentra sull’aspetto analitico", ANALYTICAL),
    s("systems-in-place", "Si assicura che siano in atto sistemi per ottenere i risultati desiderati", ANALYTICAL),
    s("individual-goals", "Lavora con le singole persone e con i loro scopi e obiettivi",
      "Lavorano con le singole persone e con i loro scopi e obiettivi."),
    s("day-to-day-to-plan", "Si assicura che le operazioni quotidiane siano eseguite secondo i piani", DAY_TO_DAY),
    s("evaluates-against-kpis", "Valuta costantemente le prestazioni rispetto agli indicatori chiave di prestazione", DAY_TO_DAY),

    // Both are important!
    s("critical-skills", "Ha competenze fondamentali per il successo di qualsiasi impresa",
      "Le competenze manageriali sono fondamentali per il successo di qualsiasi impresa."),
    s("complex-environments", "Opera in contesti molto complessi, con responsabilità significative", COMPLEX),
    s("motivates-for-outstanding-results", "Motiva costantemente il team a raggiungere risultati eccezionali", COMPLEX),
    // As in English, the article's "cheerleaders-in-chief" becomes a card without the giveaway word.
    s("cheers-the-team-on", "Fa il tifo per il team come suo primo sostenitore",
      "I leader sono i tifosi numero uno dei loro team, ma c’è molto di più."),
    s("mission-vision-strategy", "Stabilisce la missione, la visione e la strategia dell’organizzazione",
      "La leadership stabilisce la missione, la visione e la strategia dell’organizzazione."),
    s("ongoing-clarity", "Dà al team una chiarezza costante perché gli obiettivi strategici siano trasparenti",
      "Soprattutto, la leadership offre ai propri team una chiarezza costante, per garantire che gli obiettivi in linea con la strategia siano trasparenti."),
  ],
});

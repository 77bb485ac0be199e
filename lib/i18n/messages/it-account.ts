import type { Messages } from "./en";

/** Italian messages of the facilitator's account safety (see en-account.ts). */
const itAccount = {
  account: {
    tooManySignIns: {
      one: "Troppi tentativi di accesso. Riprova tra {count} secondo.",
      other: "Troppi tentativi di accesso. Riprova tra {count} secondi.",
    },
    signInBusy: {
      one: "Molte persone stanno accedendo in questo momento. Riprova tra {count} secondo.",
      other: "Molte persone stanno accedendo in questo momento. Riprova tra {count} secondi.",
    },
    tooManySignUps: {
      one: "Sono stati creati troppi account dalla tua rete poco fa. Riprova tra {count} secondo.",
      other: "Sono stati creati troppi account dalla tua rete poco fa. Riprova tra {count} secondi.",
    },
    signOutEverywhere: "Esci ovunque",
    signingOutEverywhere: "Uscita ovunque…",
    signOutEverywhereHint: "Chiude la sessione in ogni browser e su ogni dispositivo, compreso questo, per esempio su un computer che non usi più.",
    signOutEverywhereFailed: "Impossibile uscire ovunque. Controlla la connessione e riprova.",
    sessionsTitle: "Browser con accesso",
  },
} satisfies Pick<Messages, "account">;

export default itAccount;

/** English messages of the facilitator's account safety: sign-in and sign-up limits (shown on
 *  the public sign-in and sign-up forms) and "sign out everywhere". Spread into messages/en.ts;
 *  it-account.ts has the same shape. */
const enAccount = {
  account: {
    tooManySignIns: {
      one: "Too many sign-in attempts. Try again in {count} second.",
      other: "Too many sign-in attempts. Try again in {count} seconds.",
    },
    signInBusy: {
      one: "Many people are signing in right now. Try again in {count} second.",
      other: "Many people are signing in right now. Try again in {count} seconds.",
    },
    tooManySignUps: {
      one: "Too many accounts were created from your network just now. Try again in {count} second.",
      other: "Too many accounts were created from your network just now. Try again in {count} seconds.",
    },
    signOutEverywhere: "Sign out everywhere",
    signingOutEverywhere: "Signing out everywhere…",
    signOutEverywhereHint: "Ends your session in every browser and on every device, this one included, for example on a computer you no longer use.",
    signOutEverywhereFailed: "Could not sign out everywhere. Check your connection and try again.",
    sessionsTitle: "Signed-in browsers",
  },
};

export default enAccount;

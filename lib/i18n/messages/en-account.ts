/** English messages of the facilitator's account safety: sign-in and sign-up limits (shown on
 *  the public sign-in and sign-up forms). Spread into messages/en.ts;
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
  },
};

export default enAccount;

/** The languages offered for a deck's text, each named in itself (a facilitator picking an
 *  Italian deck reads "Italiano" whatever the UI's language). */
export const DECK_LANGUAGES: readonly (readonly [tag: string, name: string])[] = [
  ["en", "English"],
  ["it", "Italiano"],
  ["de", "Deutsch"],
  ["es", "Español"],
  ["fr", "Français"],
  ["nl", "Nederlands"],
  ["pt", "Português"],
];

/** A deck language's name, in itself; a tag not offered ("ja", "en-GB") stays as written. */
export function deckLanguageName(tag: string): string {
  return DECK_LANGUAGES.find(([known]) => known === tag)?.[1] ?? tag;
}

/** The deck a new-session form starts on: the first in the UI's language ("en" matches
 *  "en-GB"), else the first, so an Italian facilitator starts on an Italian built-in deck and
 *  an English one where they always did. */
export function preferredDeck<D extends { language: string }>(decks: readonly D[], uiLanguage: string): D | undefined {
  return decks.find((deck) => deck.language.split("-")[0] === uiLanguage) ?? decks[0];
}

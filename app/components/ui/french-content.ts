/**
 * Workshops, places and skills are written by the team in French, whatever the page's language.
 * Marking them `lang="fr"` lets a screen reader read them with a French voice on an English or
 * Arabic page, and `dir="auto"` keeps their punctuation in place on a right-to-left page.
 */
export const frenchContent = { lang: "fr", dir: "auto" } as const;

/** A workshop's texts carry the language they are in: French, or the translation's language. */
export function textIn(lang: string) {
  return { lang, dir: "auto" } as const;
}

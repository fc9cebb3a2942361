const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’ʼ`´]/g;
const SEPARATORS = /[\s\-‐‑–—_.,]+/g;
const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss" };

/** Lower-case, accent-free, with apostrophes dropped and spaces/hyphens/dots as one space. */
export function nameKeyPart(name: string): string {
  return name
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(/[œæß]/g, (ligature) => LIGATURES[ligature] ?? ligature)
    .replace(APOSTROPHES, "")
    .replace(SEPARATORS, " ")
    .trim();
}

/** The Person.nameKey column: "first last", so "Hélène Le Floc'h" and "HELENE LE-FLOCH" compare equal. */
export function nameKey(firstName: string, lastName: string): string {
  return `${nameKeyPart(firstName)} ${nameKeyPart(lastName)}`.trim();
}

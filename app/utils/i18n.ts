// Language facts shared by server and browser code.
export const supportedLanguages = ["fr", "en", "es", "ar"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "fr";
export const defaultNamespace = "common";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

export function textDirection(language: Language): "ltr" | "rtl" {
  return language === "ar" ? "rtl" : "ltr";
}

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import i18next, { type i18n as I18n, type Resource, type ResourceKey, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { env } from "./env.server";
import { defaultNamespace, fallbackLanguage, isLanguage, supportedLanguages, type Language } from "./i18n";

const ONE_YEAR = 60 * 60 * 24 * 365;

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: env.APP_URL.startsWith("https://"),
  maxAge: ONE_YEAR,
});

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: languageCookie,
    order: ["searchParams", "cookie", "header"],
  },
});

/** The staff area (`/pro`) is in French, whatever the visitor chose: its words are the trade's (decisions/022). */
export function isStaffPath(pathname: string): boolean {
  return pathname === "/pro" || pathname.startsWith("/pro/") || pathname.startsWith("/pro.");
}

export async function getLanguage(request: Request): Promise<Language> {
  if (isStaffPath(new URL(request.url).pathname)) return "fr";
  const detected = await detector.getLocale(request);
  return isLanguage(detected) ? detected : fallbackLanguage;
}

/**
 * `?lng=ar` in an address (a link given by the reception desk) is remembered like a press on the
 * language buttons: the Set-Cookie to add to the answer, or null when there is nothing to change.
 */
export async function languageCookieFromSearch(request: Request): Promise<string | null> {
  const asked = new URL(request.url).searchParams.get("lng");
  if (!isLanguage(asked)) return null;
  const current: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  return current === asked ? null : languageCookie.serialize(asked);
}

/** Reads locales/{lng}/{namespace}.json once; translations do not change while the server runs. */
function readResources(): Resource {
  const root = path.resolve(process.env.LOCALES_DIR ?? "locales");
  const resources: Resource = {};
  for (const language of supportedLanguages) {
    const folder = path.join(root, language);
    resources[language] = {};
    for (const file of fs.readdirSync(folder).filter((name) => name.endsWith(".json"))) {
      resources[language][path.basename(file, ".json")] = JSON.parse(
        fs.readFileSync(path.join(folder, file), "utf8"),
      ) as ResourceKey;
    }
  }
  return resources;
}

let resources: Resource | undefined;
export function getResources(): Resource {
  resources ??= readResources();
  return resources;
}

let version: string | undefined;
/** A short content hash, so the browser may cache its translations until they change. */
export function resourcesVersion(): string {
  version ??= crypto.createHash("sha256").update(JSON.stringify(getResources())).digest("hex").slice(0, 12);
  return version;
}

export function namespacesOf(language: Language): string[] {
  return Object.keys(getResources()[language] ?? {});
}

// One initialised instance per language, made on first use: creating an instance per request
// showed up in profiles (see STACK.md).
const instances = new Map<Language, I18n>();

export function getI18n(language: Language): I18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.use(initReactI18next).init({
      lng: language,
      fallbackLng: fallbackLanguage,
      supportedLngs: [...supportedLanguages],
      defaultNS: defaultNamespace,
      ns: namespacesOf(language),
      resources: getResources(),
      interpolation: { escapeValue: false },
      initImmediate: false,
      returnNull: false,
    });
    instances.set(language, instance);
  }
  return instance;
}

export function getT(language: Language, namespace: string = defaultNamespace): TFunction {
  return getI18n(language).getFixedT(language, namespace);
}

export async function getRequestT(request: Request, namespace: string = defaultNamespace) {
  const language = await getLanguage(request);
  return { language, t: getT(language, namespace) };
}

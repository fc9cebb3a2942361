import { RemixBrowser } from "@remix-run/react";
import i18next, { type ResourceLanguage } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { defaultNamespace, fallbackLanguage, isLanguage } from "~/utils/i18n";

// Pages are complete without JavaScript; the browser fetches its translations before hydrating.
async function hydrate() {
  const root = document.documentElement;
  const language = isLanguage(root.lang) ? root.lang : fallbackLanguage;
  const response = await fetch(`/resources/locales/${language}?v=${root.dataset.i18n ?? ""}`);
  const bundle = (await response.json()) as ResourceLanguage;
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    defaultNS: defaultNamespace,
    ns: Object.keys(bundle),
    resources: { [language]: bundle },
    interpolation: { escapeValue: false },
  });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();

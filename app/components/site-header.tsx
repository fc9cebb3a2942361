import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { supportedLanguages, type Language } from "~/utils/i18n";

type Props = { language: Language; display: "standard" | "large"; currentPath: string };

export function SiteHeader({ language, display, currentPath }: Props) {
  const { t } = useTranslation();
  const largeOn = display === "large";
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <div className="site-header__bar">
        <Link to="/" className="brand">
          <span className="brand__name">{t("siteName")}</span>
          <span className="brand__tagline">{t("tagline")}</span>
        </Link>
        <nav aria-label={t("nav.label")} className="site-nav">
          <ul>
            <li>
              <Link to="/">{t("nav.home")}</Link>
            </li>
            <li>
              <Link to="/ateliers">{t("nav.workshops")}</Link>
            </li>
            <li>
              <Link to="/mes-reservations">{t("nav.myBookings")}</Link>
            </li>
          </ul>
        </nav>
      </div>
      <div className="site-header__prefs">
        <form method="post" action="/preferences" className="language-switch">
          <input type="hidden" name="redirectTo" value={currentPath} />
          <fieldset>
            <legend>{t("language.label")}</legend>
            {supportedLanguages.map((lng) => (
              <button
                key={lng}
                type="submit"
                name="lng"
                value={lng}
                lang={lng}
                aria-pressed={lng === language}
                className="chip"
              >
                {t(`language.names.${lng}`)}
              </button>
            ))}
          </fieldset>
        </form>
        <form method="post" action="/preferences" className="display-switch">
          <input type="hidden" name="redirectTo" value={currentPath} />
          <input type="hidden" name="display" value={largeOn ? "standard" : "large"} />
          <button type="submit" className="chip" aria-pressed={largeOn}>
            {t("display.large")}
          </button>
        </form>
      </div>
    </header>
  );
}

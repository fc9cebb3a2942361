import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { supportedLanguages, type Language } from "~/utils/i18n";

type Props = { language: Language; display: "standard" | "large"; currentPath: string; staffArea?: boolean };

/**
 * One short bar: the name, the menu, and the language and display choices folded in a
 * <details> (it opens without JavaScript), so that on a phone the page starts on the first screen.
 */
export function SiteHeader({ language, display, currentPath, staffArea = false }: Props) {
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
        <details className="site-prefs">
          <summary className="site-prefs__toggle">
            <svg className="site-prefs__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
              <path
                d="M2 12h20M12 2c3 3.2 3 16.8 0 20M12 2c-3 3.2-3 16.8 0 20"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              />
            </svg>
            <span>{t(staffArea ? "layout.displayToggle" : "layout.prefsToggle")}</span>
          </summary>
          <div className="site-prefs__panel">
            {/* The staff area is in French only (decisions/022): no language to choose there. */}
            {staffArea ? null : (
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
            )}
            <form method="post" action="/preferences" className="display-switch">
              <input type="hidden" name="redirectTo" value={currentPath} />
              <input type="hidden" name="display" value={largeOn ? "standard" : "large"} />
              <button type="submit" className="chip" aria-pressed={largeOn}>
                {t("display.large")}
              </button>
            </form>
          </div>
        </details>
        {/* The staff area has its own bar (routes/pro+/_layout.tsx): the residents' menu would come first. */}
        {staffArea ? null : (
          <nav aria-label={t("nav.label")} className="site-nav">
            <ul>
              <li className="site-nav__home">
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
        )}
      </div>
    </header>
  );
}

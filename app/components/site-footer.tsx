import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";

import { frenchContent } from "./ui/french-content";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("footer.about")}</p>
      <p>
        {/* The programme's name stays French: isolated, or Arabic text reorders it. */}
        <Trans t={t} i18nKey="footer.funding" components={{ programme: <bdi {...frenchContent} /> }} />
      </p>
      {/* The pages a public body must publish, linked from every page (RGAA asks for the status in the link). */}
      <nav className="site-footer__legal" aria-label={t("legal:footer.label")}>
        <ul>
          <li>
            <Link to="/mentions-legales">{t("legal:footer.notice")}</Link>
          </li>
          <li>
            <Link to="/donnees-personnelles">{t("legal:footer.data")}</Link>
          </li>
          <li>
            <Link to="/accessibilite">{t("legal:footer.accessibility")}</Link>
          </li>
        </ul>
      </nav>
      {/* Trainers, mediators and coordinators sign in from any public page. */}
      <p className="site-footer__staff">
        <Link to="/pro/connexion">{t("legal:footer.staff")}</Link>
      </p>
    </footer>
  );
}

import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The two pages of the local mail area, and what makes them private. */
export function LocalMailNav() {
  const { t } = useTranslation("mail");
  return (
    <>
      <nav aria-label={t("area.nav")} className="local-mail-nav">
        <ul>
          <li>
            <NavLink to="/courrier" end>
              {t("area.mail")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/courrier/envoi">{t("area.outbox")}</NavLink>
          </li>
        </ul>
      </nav>
      <p className="local-mail-note">{t("area.localOnly")}</p>
    </>
  );
}

/** Previous / next page links, kept to the query string `page`. */
export function LocalMailPager({
  page,
  pages,
  hrefOf,
}: {
  page: number;
  pages: number;
  hrefOf: (page: number) => string;
}) {
  const { t } = useTranslation("mail");
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("pager.label")} className="local-mail-pager">
      {page > 1 ? <a href={hrefOf(page - 1)}>{t("pager.previous")}</a> : null}
      <span>{t("pager.position", { page, pages })}</span>
      {page < pages ? <a href={hrefOf(page + 1)}>{t("pager.next")}</a> : null}
    </nav>
  );
}

import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** For the session and booking pages: an unknown session gets a 404 that leads back to the catalogue. */
export function SessionErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("catalogue");
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!isRouteErrorResponse(error)) console.error(error);
  const title = notFound ? t("notFound.title") : t("errors:generic.title");
  return (
    <div className="page narrow">
      <title>{`${title} — Passerelle`}</title>
      <h1>{title}</h1>
      <p className="lead">{notFound ? t("notFound.body") : t("errors:generic.body")}</p>
      <p className="actions">
        <Link className="button button--primary" to="/ateliers">
          {t("notFound.toCatalogue")}
        </Link>
        <Link className="button" to="/">
          {t("errors:backHome")}
        </Link>
      </p>
    </div>
  );
}

import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * The error boundary of the /reservation/… pages. An unknown or forged link says only that the
 * link does not work, and how to find one's bookings again; other errors get the generic text.
 */
export function ManageLinkErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("manage");
  if (!isRouteErrorResponse(error) || error.status !== 404) {
    if (!isRouteErrorResponse(error)) console.error(error);
    return (
      <div className="page narrow">
        <title>{`${t("errors:generic.title")} — Passerelle`}</title>
        <h1>{t("errors:generic.title")}</h1>
        <p className="lead">{t("errors:generic.body")}</p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <title>{t("meta.notFound")}</title>
      <h1>{t("notFound.title")}</h1>
      <p className="lead">{t("notFound.body")}</p>
      <p>
        <Link className="button button--primary" to="/mes-reservations">
          {t("notFound.retrieve")}
        </Link>
      </p>
      <p>{t("notFound.phone")}</p>
    </div>
  );
}

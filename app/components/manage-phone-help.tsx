import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** For residents without email: their tiers-lieu finds their bookings with them on the phone. */
export function ManagePhoneHelp() {
  const { t } = useTranslation("retrieve");
  return (
    <section className="manage-section" aria-labelledby="phone-help-title">
      <h2 id="phone-help-title">{t("phone.title")}</h2>
      <p>{t("phone.body")}</p>
      <p>
        <Link to="/#places-title">{t("phone.link")}</Link>
      </p>
    </section>
  );
}

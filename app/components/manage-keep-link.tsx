import { useTranslation } from "react-i18next";

/** The manage link written out, so the person or a relative can note it down. */
export function ManageKeepLink({ url }: { url: string }) {
  const { t } = useTranslation("manage");
  return (
    <section className="manage-section" aria-labelledby="keep-link-title">
      <h2 id="keep-link-title">{t("keepLink.heading")}</h2>
      <p>{t("keepLink.body")}</p>
      <p className="manage-link">
        <a href={url}>{url}</a>
      </p>
    </section>
  );
}

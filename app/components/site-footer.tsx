import { useTranslation } from "react-i18next";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("footer.about")}</p>
      <p>{t("footer.funding")}</p>
    </footer>
  );
}

import { useTranslation } from "react-i18next";

/**
 * The document's title, drawn by a form page itself rather than by `meta` (which never sees what
 * the action answered): a refused form's title begins with « Erreur : », so that someone who
 * hears the title first knows at once, also without JavaScript. The browser takes the first
 * <title> of the document; these pages have none in <head>.
 */
export function DocumentTitle({ title, refused = false }: { title: string; refused?: boolean }) {
  const { t } = useTranslation("forms");
  return <title>{refused ? `${t("errorPrefix")}${title}` : title}</title>;
}

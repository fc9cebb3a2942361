import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Once the page is interactive, a button opens the print dialog; without JavaScript the hint says
 * the browser's own « Imprimer » gives the same A4 sheet.
 */
export function SheetPrintButton() {
  const { t } = useTranslation("sheet");
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  return (
    <>
      {interactive ? (
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t("actions.print")}
        </button>
      ) : null}
      <p className="sheet-print-help">{t("actions.printHelp")}</p>
    </>
  );
}

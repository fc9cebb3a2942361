import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Without JavaScript the page says how to print from the browser's menu; once the page is
 * interactive, a button opens the print dialog as well.
 */
export function ManagePrintButton() {
  const { t } = useTranslation("manage");
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  return (
    <div className="no-print">
      {interactive ? (
        <p>
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t("card.print")}
          </button>
        </p>
      ) : null}
      <p className="print-help">{t("card.printHelp")}</p>
    </div>
  );
}

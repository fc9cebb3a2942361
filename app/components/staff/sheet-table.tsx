import { useTranslation } from "react-i18next";

import type { SheetAttendance } from "~/domain/attendance/signature-sheet";

export type SheetRow = {
  personId: string;
  lastName: string;
  firstName: string;
  commune: string | null;
  attendance: SheetAttendance | null;
  isWalkIn: boolean;
};

/**
 * One row per learner, booked first, then walk-ins, then blank rows to write late arrivals in by
 * hand; the signature column is left empty, tall enough to sign. Numbers run on through all three.
 */
export function SheetTable({ rows, blankRows }: { rows: SheetRow[]; blankRows: number }) {
  const { t } = useTranslation("sheet");
  const booked = rows.filter((r) => !r.isWalkIn);
  const walkIns = rows.filter((r) => r.isWalkIn);
  const group = (label: string) => (
    <tr className="sheet-group">
      <th scope="colgroup" colSpan={6}>
        {label}
      </th>
    </tr>
  );
  const row = (r: SheetRow, n: number) => (
    <tr key={r.personId} data-person={r.personId}>
      <td className="sheet-n">{n}</td>
      <td>{r.lastName}</td>
      <td>{r.firstName}</td>
      <td>{r.commune}</td>
      <td>{r.attendance ? t(`attendance.${r.attendance}`) : null}</td>
      <td className="sheet-signature" />
    </tr>
  );
  return (
    <div className="sheet-table-region" role="region" aria-labelledby="sheet-caption" tabIndex={0}>
      <table className="sheet-table">
        <caption id="sheet-caption">{t("table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="sheet-n">
              {t("table.number")}
            </th>
            <th scope="col">{t("table.lastName")}</th>
            <th scope="col">{t("table.firstName")}</th>
            <th scope="col">{t("table.commune")}</th>
            <th scope="col">{t("table.attendance")}</th>
            <th scope="col" className="sheet-signature">
              {t("table.signature")}
            </th>
          </tr>
        </thead>
        <tbody>
          {booked.map((r, i) => row(r, i + 1))}
          {walkIns.length > 0 ? group(t("table.walkIns")) : null}
          {walkIns.map((r, i) => row(r, booked.length + i + 1))}
          {group(t("table.blankRows"))}
          {Array.from({ length: blankRows }, (_, i) => (
            <tr key={`blank-${i}`} className="sheet-blank">
              <td className="sheet-n">{rows.length + i + 1}</td>
              <td />
              <td />
              <td />
              <td />
              <td className="sheet-signature" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { SheetPrintButton } from "~/components/staff/sheet-print-button";
import { SheetTable } from "~/components/staff/sheet-table";
import { blankRowCount } from "~/domain/attendance/signature-sheet";
import { formatClockTime, formatDateLong } from "~/domain/time/format-session-time";
import { readSignatureSheet } from "~/models/signature-sheet.server";
import sheetStyles from "~/styles/sheet.css";
import { getT } from "~/utils/i18n.server";
import { requireStaffWithPermission } from "~/utils/staff-auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sheetStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Passerelle" },
  { name: "robots", content: "noindex" },
];

/** The printable signature sheet of a session, for those who may read its roster. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const sessionId = params.sessionId ?? "";
  await requireStaffWithPermission(request, "read:attendance", { sessionId });
  const sheet = await readSignatureSheet(sessionId);
  if (!sheet) throw new Response(null, { status: 404, statusText: "Not Found" });
  const t = getT("fr", "sheet");
  const { place } = sheet;
  return {
    title: t("title", { workshop: sheet.workshop.title }),
    sessionId: sheet.id,
    workshop: sheet.workshop.title,
    place: place.name,
    address: `${place.addressLine}, ${place.postcode} ${place.commune}`,
    room: sheet.room,
    // Written on the server in Paris time: the sheet reads the same whatever the device's clock.
    date: formatDateLong(sheet.startsAt, "fr"),
    hours: t("facts.hoursValue", {
      from: formatClockTime(sheet.startsAt, "fr"),
      to: formatClockTime(sheet.endsAt, "fr"),
    }),
    trainers: sheet.trainers.join(", "),
    capacity: sheet.capacity,
    cancelled: sheet.status === "CANCELLED",
    rows: sheet.participants.map((p) => ({
      personId: p.personId,
      lastName: p.lastName,
      firstName: p.firstName,
      commune: p.commune,
      attendance: p.attendance,
      isWalkIn: p.isWalkIn,
    })),
    blankRows: blankRowCount(sheet.participants.length),
    anonymousCount: sheet.anonymousCount,
  };
}

export default function SignatureSheetPage() {
  const sheet = useLoaderData<typeof loader>();
  const { t } = useTranslation("sheet");
  return (
    <article className="page sheet">
      <div className="sheet-actions no-print">
        <p>
          <Link to={`/pro/ateliers/${encodeURIComponent(sheet.sessionId)}`}>{t("actions.back")}</Link>
        </p>
        <SheetPrintButton />
        <p>
          <a href={`/pro/ateliers/${encodeURIComponent(sheet.sessionId)}/liste.csv`} download>
            {t("actions.csv")}
          </a>
        </p>
      </div>

      <h1>{t("heading")}</h1>
      {sheet.cancelled ? <p className="sheet-cancelled">{t("facts.cancelled")}</p> : null}
      <dl className="sheet-facts">
        <div>
          <dt>{t("facts.workshop")}</dt>
          <dd>{sheet.workshop}</dd>
        </div>
        <div>
          <dt>{t("facts.place")}</dt>
          <dd>
            {sheet.place}
            <br />
            {sheet.address}
            {sheet.room ? (
              <>
                <br />
                {t("facts.roomValue", { room: sheet.room })}
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t("facts.date")}</dt>
          <dd>{sheet.date}</dd>
        </div>
        <div>
          <dt>{t("facts.hours")}</dt>
          <dd>{sheet.hours}</dd>
        </div>
        <div>
          <dt>{t("facts.trainers")}</dt>
          <dd>{sheet.trainers}</dd>
        </div>
        <div>
          <dt>{t("facts.capacity")}</dt>
          <dd>{t("facts.capacityValue", { count: sheet.capacity })}</dd>
        </div>
      </dl>

      {sheet.rows.length === 0 ? <p>{t("table.nobody")}</p> : null}
      <SheetTable rows={sheet.rows} blankRows={sheet.blankRows} />
      {sheet.anonymousCount > 0 ? (
        <p className="sheet-anonymous">{t("anonymous", { count: sheet.anonymousCount })}</p>
      ) : null}

      <footer className="sheet-footer">
        <div className="sheet-footer__signature">
          <p>{t("trainerSignature")}</p>
        </div>
        <p className="sheet-footer__funding">{t("funding")}</p>
      </footer>
    </article>
  );
}

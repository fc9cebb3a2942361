import type { LoaderFunctionArgs } from "@remix-run/node";

import { rosterCsvForSession } from "~/services/roster-csv.server";
import { getT } from "~/utils/i18n.server";
import { requireStaffWithPermission } from "~/utils/staff-auth.server";

/** The roster as a spreadsheet file: names and contacts, for those who may read this roster. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const sessionId = params.sessionId ?? "";
  await requireStaffWithPermission(request, "read:attendance", { sessionId });
  const result = await rosterCsvForSession(sessionId, getT("fr", "sheet"));
  if (!result.ok) throw new Response(null, { status: 404, statusText: "Not Found" });
  return new Response(result.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      // Cache-Control (private, no-store) and nosniff come from server/http-guards.js, on every
      // /pro answer: repeated here, Express would send each header twice.
    },
  });
}

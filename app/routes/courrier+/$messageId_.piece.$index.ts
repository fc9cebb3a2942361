import type { LoaderFunctionArgs } from "@remix-run/node";
import { capturedAttachment, localMailAccess } from "~/services/local-mail.server";

/** One attachment of a captured message (e.g. the .ics invite), always as a download. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  if (!localMailAccess(request, context).allowed) throw new Response("Not found", { status: 404 });
  const index = Number(params.index);
  const attachment =
    Number.isInteger(index) && index >= 0 ? await capturedAttachment(params.messageId ?? "", index) : null;
  if (!attachment) throw new Response("Not found", { status: 404 });
  const filename = attachment.filename.replace(/[^\w.-]/g, "_");
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}

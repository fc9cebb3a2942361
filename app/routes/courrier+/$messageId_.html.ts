import type { LoaderFunctionArgs } from "@remix-run/node";
import { capturedMessage, localMailAccess } from "~/services/local-mail.server";

/**
 * A captured message's HTML, for the frame of the message page. It is an email, not our page: its
 * own policy lets its inline styles and embedded images show, runs no script, loads nothing from
 * elsewhere, and lets only our own pages frame it.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  if (!localMailAccess(request, context).allowed) throw new Response("Not found", { status: 404 });
  const message = await capturedMessage(params.messageId ?? "");
  if (!message?.html) throw new Response("Not found", { status: 404 });
  return new Response(message.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; img-src data: cid:; frame-ancestors 'self'; sandbox",
      "X-Frame-Options": "SAMEORIGIN",
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}

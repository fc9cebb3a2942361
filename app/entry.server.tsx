import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "~/components/nonce";
import { senderFromEnv, startOutboxWorker as startWorker, type OutboxWorker } from "~/jobs/outbox-worker.server";
import { composeEmail } from "~/services/email/compose.server";
import { scheduleDueEmails } from "~/services/schedule-due-emails.server";
import { env } from "~/utils/env.server";
import { getI18n, getLanguage, languageCookieFromSearch } from "~/utils/i18n.server";

const ABORT_DELAY = 5_000;

/**
 * The outbox sender inside the server (server.js calls this once the server listens, and stops
 * the worker on SIGTERM). OUTBOX_INTERVAL_MS=0 leaves sending to `npm run jobs:once`.
 */
export function startOutboxWorker(): OutboxWorker | null {
  if (env.OUTBOX_INTERVAL_MS === 0) return null;
  const setup = senderFromEnv(env, composeEmail, { schedule: scheduleDueEmails });
  console.log(
    `outbox: sending every ${env.OUTBOX_INTERVAL_MS} ms, ${setup.transport.mode === "smtp" ? "over SMTP_URL" : `captured in ${env.MAIL_CAPTURE_DIR}`}`,
  );
  return startWorker(setup, env.OUTBOX_INTERVAL_MS);
}

/** A client-side navigation to an address with `?lng=` keeps the language too. */
export async function handleDataRequest(response: Response, { request }: { request: Request }) {
  const languageCookie = await languageCookieFromSearch(request);
  if (languageCookie) response.headers.append("Set-Cookie", languageCookie);
  return response;
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const i18n = getI18n(await getLanguage(request));
  const languageCookie = await languageCookieFromSearch(request);
  if (languageCookie) responseHeaders.append("Set-Cookie", languageCookie);
  const waitForAll = isbot(request.headers.get("user-agent")) || remixContext.isSpaMode;
  // Security headers (CSP with this nonce, nosniff, referrer policy…) are set by server.js on every response.
  const nonce = loadContext.cspNonce;

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // Set when our own timer stops the stream: under load the shell may still be on its way, and
    // what the abort cuts short (late streamed data) is left to the browser, not a server error.
    let timedOut = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error instanceof Error ? error : new Error(String(error)));
        },
        onError(error: unknown) {
          if (timedOut) return;
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(() => {
      timedOut = true;
      abort();
    }, ABORT_DELAY);
  });
}

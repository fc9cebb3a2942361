// @ts-check
// What every request meets before Remix sees it (see docs/decisions/011-http-hardening-and-origin-checks.md):
// security headers with a per-request CSP nonce, then three refusals answered with a small
// translated page — a method the app does not use (405), a POST from another site (403), a
// body over the limit (413, before it is read into memory). Plain JavaScript because server.js
// runs under plain Node; tsc checks it through the JSDoc types.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The only methods the app answers: pages (GET, HEAD) and form posts (POST). */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"];
/** A form is a few hundred bytes; the longest legitimate one stays far below this. */
export const BODY_LIMIT_BYTES = 64 * 1024;

const LANGUAGES = ["fr", "en", "es", "ar"];
const FALLBACK_LANGUAGE = "fr";

/** @typedef {"badRequest" | "forbidden" | "methodNotAllowed" | "payloadTooLarge"} Refusal */
/** @type {Record<Refusal, number>} */
export const REFUSAL_STATUS = { badRequest: 400, forbidden: 403, methodNotAllowed: 405, payloadTooLarge: 413 };

// ---------------------------------------------------------------------------------------------
// Headers

/** The refusal page's only style, allowed by its hash so that no inline style needs 'unsafe-inline'. */
const PAGE_STYLE =
  "body{margin:0;font-family:system-ui,sans-serif;font-size:1.25rem;line-height:1.5;color:#1b1b1b;background:#fff}" +
  "main{max-width:40rem;margin:0 auto;padding:2rem 1.25rem}h1{font-size:2rem;line-height:1.25}" +
  "a{display:inline-block;margin-top:1rem;padding:.75rem 1.25rem;border:2px solid #1d4f91;border-radius:.5rem;" +
  "color:#1d4f91;font-weight:700}a:focus{outline:3px solid #1b1b1b;outline-offset:2px}";
const PAGE_STYLE_HASH = `'sha256-${crypto.createHash("sha256").update(PAGE_STYLE).digest("base64")}'`;

export function createNonce() {
  return crypto.randomBytes(16).toString("base64");
}

/**
 * The security headers of one response.
 * @param {{ nonce: string, https: boolean, devOrigin?: string | undefined }} options
 *   `devOrigin`: Remix's dev server (REMIX_DEV_ORIGIN), whose live-reload socket and scripts
 *   the page must reach in development only.
 * @returns {Record<string, string>}
 */
export function securityHeaders({ nonce, https, devOrigin }) {
  const dev = devOrigin ? new URL(devOrigin) : undefined;
  const devSocket = dev ? `${dev.protocol === "https:" ? "wss:" : "ws:"}//${dev.host}` : undefined;
  const directives = [
    "default-src 'self'",
    ["script-src 'self'", `'nonce-${nonce}'`, dev?.origin].filter(Boolean).join(" "),
    `style-src 'self' ${PAGE_STYLE_HASH}`,
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", dev?.origin, devSocket].filter(Boolean).join(" "),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  /** @type {Record<string, string>} */
  const headers = {
    "Content-Security-Policy": directives.join("; "),
    "X-Content-Type-Options": "nosniff",
    // Not "no-referrer": with it, browsers send `Origin: null` on the app's own form posts,
    // which the origin check then refuses.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
  };
  if (https) headers["Strict-Transport-Security"] = "max-age=31536000";
  return headers;
}

/** The staff area: `/pro`, its pages and their `.data` requests. @param {string} pathname */
export function isStaffPath(pathname) {
  return pathname === "/pro" || pathname.startsWith("/pro/") || pathname.startsWith("/pro.");
}

/**
 * Sets the headers on every response (pages, .data, .ics, static files, refusals) and keeps the
 * nonce in `res.locals.cspNonce` for the page's inline scripts.
 * @param {{ appUrl: string, devOrigin?: string | undefined }} options
 * @returns {import("express").RequestHandler}
 */
export function securityHeadersMiddleware({ appUrl, devOrigin }) {
  const https = new URL(appUrl).protocol === "https:";
  return (req, res, next) => {
    const nonce = createNonce();
    res.locals.cspNonce = nonce;
    res.set(securityHeaders({ nonce, https, devOrigin }));
    // Staff pages hold residents' names and phones: no cache, shared or not, keeps a copy
    // (decisions/022). Set here so that pages, data requests, redirects and files all carry it.
    if (isStaffPath(req.path)) res.set("Cache-Control", "private, no-store");
    next();
  };
}

// ---------------------------------------------------------------------------------------------
// The translated refusal page

/** @typedef {{ title: string, body: string }} PageText */
/** @typedef {Record<Refusal, PageText> & { backHome: string }} RefusalTexts */

/** @type {Map<string, RefusalTexts> | undefined} */
let texts;

/** locales/{lng}/errors.json, read once: the same strings as the app's other pages. @param {string} language */
function refusalTexts(language) {
  if (!texts) {
    const root = path.resolve(process.env.LOCALES_DIR ?? "locales");
    texts = new Map(
      LANGUAGES.map((lng) => {
        const errors = JSON.parse(fs.readFileSync(path.join(root, lng, "errors.json"), "utf8"));
        return [lng, { ...errors.http, backHome: errors.backHome }];
      }),
    );
  }
  return /** @type {RefusalTexts} */ (texts.get(language) ?? texts.get(FALLBACK_LANGUAGE));
}

/** Text content only (no attribute takes a translated string). @param {string} value */
function escapeHtml(value) {
  return value.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A small complete page: large type, what happened, a link home. No script, one hashed style.
 * @param {Refusal} refusal
 * @param {string} language
 */
export function refusalPage(refusal, language) {
  const lng = LANGUAGES.includes(language) ? language : FALLBACK_LANGUAGE;
  const text = refusalTexts(lng);
  const { title, body } = text[refusal];
  return `<!DOCTYPE html>
<html lang="${lng}" dir="${lng === "ar" ? "rtl" : "ltr"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} — Passerelle</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(body)}</p>
<p><a href="/">${escapeHtml(text.backHome)}</a></p>
</main>
</body>
</html>
`;
}

/**
 * The language the app would choose: `?lng=`, then the `lng` cookie, then Accept-Language
 * (the order of app/utils/i18n.server.ts).
 * @param {{ url: string, cookie?: string | null, acceptLanguage?: string | null }} request
 */
export function refusalLanguage({ url, cookie, acceptLanguage }) {
  let fromQuery = null;
  try {
    fromQuery = new URL(url, "http://localhost").searchParams.get("lng");
  } catch {
    // a request target no URL parser takes ("//[") has no language in it
  }
  if (fromQuery && LANGUAGES.includes(fromQuery)) return fromQuery;
  const fromCookie = languageFromCookie(cookie);
  if (fromCookie) return fromCookie;
  return languageFromAcceptLanguage(acceptLanguage) ?? FALLBACK_LANGUAGE;
}

/** Remix cookies hold base64 JSON: `lng=ImVuIg%3D%3D` is "en". @param {string | null | undefined} header */
function languageFromCookie(header) {
  for (const part of (header ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== "lng") continue;
    try {
      const value = JSON.parse(Buffer.from(decodeURIComponent(rest.join("=")), "base64").toString("utf8"));
      if (typeof value === "string" && LANGUAGES.includes(value)) return value;
    } catch {
      // a garbled cookie is no language
    }
  }
  return undefined;
}

/**
 * As remix-i18next reads it for the app's pages: the most preferred range only, by its primary
 * language ("en-GB" is English); if that language is not one of ours, none.
 * @param {string | null | undefined} header
 */
function languageFromAcceptLanguage(header) {
  const [first] = (header ?? "")
    .split(",")
    .map((item, index) => {
      const [tag, ...params] = item.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((range) => /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/.test(range.tag) && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const language = first?.tag.split("-")[0];
  return language && LANGUAGES.includes(language) ? language : undefined;
}

/**
 * Answers with the refusal page; `bodyUnread` when the request's body was not (fully) read.
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 * @param {Refusal} refusal
 * @param {{ bodyUnread?: boolean, headers?: Record<string, string> }} [options]
 */
export function refuse(req, res, refusal, options = {}) {
  const language = refusalLanguage({
    url: req.originalUrl,
    cookie: req.get("cookie"),
    acceptLanguage: req.get("accept-language"),
  });
  res.status(REFUSAL_STATUS[refusal]);
  res.set({
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Language": language,
    ...options.headers,
  });
  const page = refusalPage(refusal, language);
  if (!options.bodyUnread) return void res.send(page);
  discardBody(req, (whole) => {
    if (!whole) res.set("Connection", "close");
    res.send(page);
  });
}

/** What a refused client may still send, read and dropped (never kept) before it gets the page. */
const DISCARD_LIMIT_BYTES = 1024 * 1024;
/** How long a refused client gets to finish sending that much. */
const DISCARD_WAIT_MS = 5000;

/**
 * Reads and drops the rest of a refused body so that the client, still sending, then reads the
 * page: a connection closed on a client still sending is reset, and a reset makes it drop the
 * answer it had not read yet. Past DISCARD_LIMIT_BYTES (or DISCARD_WAIT_MS) the answer goes out
 * at once with `Connection: close`; a client sending that much was not sending a form.
 * @param {import("express").Request} req
 * @param {(whole: boolean) => void} done `whole`: the body ended within the limit
 */
function discardBody(req, done) {
  if (Number(req.get("content-length")) > DISCARD_LIMIT_BYTES) return done(false);
  let discarded = 0;
  /** @param {boolean} whole */
  const finish = (whole) => {
    clearTimeout(timer);
    req.off("data", onData);
    req.off("end", onEnd);
    req.off("error", onError);
    if (!whole) req.pause();
    done(whole);
  };
  const onData = (/** @type {Buffer} */ chunk) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT_BYTES) finish(false);
  };
  const onEnd = () => finish(true);
  const onError = () => finish(false);
  const timer = setTimeout(() => finish(false), DISCARD_WAIT_MS);
  req.on("data", onData);
  req.on("end", onEnd);
  req.on("error", onError);
  req.resume();
}

// ---------------------------------------------------------------------------------------------
// Method, origin, body

/**
 * The origins a form may come from: the public one (APP_URL) and the one this request was sent
 * to (Host, or X-Forwarded-Host/-Proto from a trusted proxy, as Express reads them).
 * @param {import("express").Request} req
 * @param {string} appOrigin
 */
function expectedOrigins(req, appOrigin) {
  const trusted = req.app.get("trust proxy fn")?.(req.socket.remoteAddress, 0) === true;
  const forwardedHost = trusted ? req.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const host = forwardedHost || req.get("host");
  const origins = [appOrigin];
  if (host) {
    try {
      origins.push(new URL(`${req.protocol}://${host}`).origin);
    } catch {
      // a garbled Host only leaves APP_URL
    }
  }
  return origins;
}

/**
 * Is this POST from one of our pages? `Origin` when present (every current browser sends it on
 * a POST); else `Referer`; a request with neither is let through, like Rails and the Epic
 * Stack do: old browsers and some privacy settings send neither, and the SameSite=Lax cookies
 * already keep another site's post from acting as the resident.
 * @param {{ origin?: string | undefined, referer?: string | undefined }} headers
 * @param {string[]} expected
 */
export function isSameOriginPost({ origin, referer }, expected) {
  const claimed = origin ?? referer;
  if (claimed === undefined) return true;
  if (origin === "null") return false;
  try {
    return expected.includes(new URL(claimed).origin);
  } catch {
    return false;
  }
}

/**
 * Reads the body of a POST into `req.body` (a Buffer), refusing it with 413 as soon as it is
 * known to be too long: at once from Content-Length, else while counting a chunked stream.
 * @param {import("express").Request} req
 * @param {number} limit
 * @returns {Promise<Buffer | null>} null when too long (nothing more is read)
 */
export function readLimitedBody(req, limit) {
  const declared = req.get("content-length");
  if (declared !== undefined && Number(declared) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let received = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      received += chunk.length;
      if (received > limit) {
        stop();
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    /** @param {Error} error */
    const onError = (error) => {
      stop();
      reject(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/**
 * Method, origin and body size, in that order, before anything reads the body.
 * @param {{ appUrl: string, bodyLimit?: number }} options
 * @returns {import("express").RequestHandler}
 */
export function requestGuards({ appUrl, bodyLimit = BODY_LIMIT_BYTES }) {
  const appOrigin = new URL(appUrl).origin;
  const allow = ALLOWED_METHODS.join(", ");
  return async (req, res, next) => {
    try {
      if (!ALLOWED_METHODS.includes(req.method)) {
        return refuse(req, res, "methodNotAllowed", { bodyUnread: true, headers: { Allow: allow } });
      }
      if (req.method !== "POST") return next();
      const headers = { origin: req.get("origin"), referer: req.get("referer") };
      if (!isSameOriginPost(headers, expectedOrigins(req, appOrigin))) {
        return refuse(req, res, "forbidden", { bodyUnread: true });
      }
      const body = await readLimitedBody(req, bodyLimit);
      if (body === null) return refuse(req, res, "payloadTooLarge", { bodyUnread: true });
      req.body = body;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * Remix runs a route's action for any method but GET and HEAD. The guards above already stop
 * the others; this keeps it so if the build is ever served without them.
 * @template {{ routes: Record<string, { module: Record<string, unknown> }> }} Build
 * @param {Build} build
 * @returns {Build}
 */
export function withPostOnlyActions(build) {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const action = route.module.action;
      if (typeof action !== "function") return [id, route];
      /** @param {{ request: Request }} args */
      const postOnly = (args) => {
        if (args.request.method !== "POST") {
          throw new Response("Method Not Allowed", { status: 405, headers: { Allow: ALLOWED_METHODS.join(", ") } });
        }
        return action(args);
      };
      return [id, { ...route, module: { ...route.module, action: postOnly } }];
    }),
  );
  return { ...build, routes };
}

/**
 * The last word on a request the app could not even turn into one (a Host header with port
 * 99999, a request target no URL parser takes, a body that broke off): a translated 400 page,
 * never Express's bare 500. Errors inside the app are answered by Remix's own error pages.
 * @type {import("express").ErrorRequestHandler}
 */
export function unreadableRequestHandler(error, req, res, next) {
  if (res.headersSent) return next(error);
  console.warn(
    `Refused an unreadable request (${req.method} ${withoutTokens(req.originalUrl.slice(0, 200))}):`,
    error instanceof Error ? error.message : error,
  );
  refuse(req, res, "badRequest");
}

/**
 * A path as a log line may show it: link tokens (long runs of URL-safe characters, as in
 * /reservation/<token>) blanked out, since a log must never hold a link that opens something.
 * @param {string} path
 */
export function withoutTokens(path) {
  return path.replace(/[A-Za-z0-9_-]{32,}/g, "[…]");
}

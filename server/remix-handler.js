// @ts-check
// @remix-run/express's handler (its helpers are not exported, so they are repeated here), except that a POST's body is the one the guards already read
// and measured (req.body), not the socket stream: nothing reaches an action before the body is
// known to be within the limit.
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";

/** @param {import("node:http").IncomingHttpHeaders} requestHeaders */
function createRemixHeaders(requestHeaders) {
  const headers = new Headers();
  for (const [name, values] of Object.entries(requestHeaders)) {
    if (!values) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(name, value);
  }
  return headers;
}

const REPLACEABLE_HEADERS = new Set(["content-security-policy", "x-frame-options"]);

/**
 * @param {import("express").Response} res
 * @param {Response} response
 */
async function sendRemixResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) {
    // A route may replace the default framing rules (the local mail view's message frame does);
    // every other header adds to what the middleware set.
    if (REPLACEABLE_HEADERS.has(name.toLowerCase())) res.setHeader(name, value);
    else res.append(name, value);
  }
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/**
 * The URL as @remix-run/express builds it: host and port from X-Forwarded-Host or Host (the
 * hostname through Express, which believes X-Forwarded-* only under "trust proxy").
 * @param {import("express").Request} req
 */
function requestUrl(req) {
  const portOf = (/** @type {string | undefined} */ host) => {
    const port = Number(/^[^:]*:(\d{1,5})$/.exec(host ?? "")?.[1]);
    return port >= 1 && port <= 65535 ? port : undefined;
  };
  // X-Forwarded-Host is a client's word unless a trusted proxy wrote it (TRUST_PROXY), as for the hostname.
  const trustProxy = req.app.get("trust proxy fn");
  const forwarded = trustProxy(req.socket.remoteAddress, 0) ? portOf(req.get("x-forwarded-host")) : undefined;
  const port = forwarded ?? portOf(req.get("host")) ?? "";
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
}

/**
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 */
function remixRequest(req, res) {
  let controller = /** @type {AbortController | null} */ (new AbortController());
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(requestUrl(req).href, {
    method: req.method,
    headers: createRemixHeaders(req.headers),
    signal: controller.signal,
    body: hasBody ? (Buffer.isBuffer(req.body) ? req.body : new Uint8Array()) : undefined,
  });
}

/**
 * @param {{ getBuild: () => any, getLoadContext: (req: import("express").Request, res: import("express").Response) => any }} options
 * @returns {import("express").RequestHandler}
 */
export function remixHandler({ getBuild, getLoadContext }) {
  /** @type {{ build: any, handle: ReturnType<typeof createRequestHandler> } | undefined} */
  let current;
  return async (req, res, next) => {
    try {
      const build = getBuild();
      if (current?.build !== build) current = { build, handle: createRequestHandler(build, build.mode) };
      const response = await current.handle(remixRequest(req, res), getLoadContext(req, res));
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

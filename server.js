// Production and development server: Express serving the Remix build.
// PORT and HOST pick where it listens; the rest of the environment is validated by the app at start.
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import {
  requestGuards,
  securityHeadersMiddleware,
  unreadableRequestHandler,
  withPostOnlyActions,
} from "./server/http-guards.js";
import { remixHandler } from "./server/remix-handler.js";

installGlobals({ nativeFetch: true });

const BUILD_PATH = new URL("./build/index.js", import.meta.url).href;
const isDev = process.env.NODE_ENV !== "production";

async function loadBuild() {
  try {
    return withPostOnlyActions(await import(`${BUILD_PATH}?t=${Date.now()}`));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Passerelle could not start.\n${message}`);
    if (/Cannot find module|ERR_MODULE_NOT_FOUND/.test(message)) {
      console.error("The app is not built yet: run `npm run build` (npm start does it for you).");
    }
    process.exit(1);
  }
}

function parseTrustProxy(value) {
  if (value === undefined || value === "" || value === "false") return false;
  if (value === "true") return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

let build = await loadBuild();
const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy, TRUST_PROXY (e.g. "loopback" or 1) lets req.ip be the resident's address
// from X-Forwarded-For; without it, a client-written header is never believed.
app.set("trust proxy", parseTrustProxy(process.env.TRUST_PROXY));
// The app validated the environment when its build was imported; the same default as env.server.ts.
const appUrl = process.env.APP_URL || `http://localhost:${process.env.PORT ?? 3000}`;
app.use(securityHeadersMiddleware({ appUrl, devOrigin: isDev ? process.env.REMIX_DEV_ORIGIN : undefined }));
app.use(compression());
// Method, origin and body size are checked before anything reads the body (see the README).
app.use(requestGuards({ appUrl }));
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

if (isDev) {
  // Remix's dev server signals a rebuild; reload the build on the next request.
  const { watch } = await import("node:fs");
  watch(new URL("./build/", import.meta.url), { recursive: false }, async () => {
    build = await loadBuild();
    broadcastDevReady(build);
    await restartOutboxWorker();
  });
}

app.all(
  "*",
  remixHandler({
    getBuild: () => build,
    getLoadContext: (req, res) => ({
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      cspNonce: res.locals.cspNonce,
      socketAddress: req.socket.remoteAddress ?? "unknown",
      forwarded: Boolean(req.get("forwarded") || req.get("x-forwarded-for")),
    }),
  }),
);

app.use(unreadableRequestHandler);

// The outbox sender runs in this process, from the build (app/entry.server.tsx). A reloaded build
// in development brings its own: the old one is stopped first.
/** @type {{ stop(): Promise<void> } | null} */
let outboxWorker = null;
async function restartOutboxWorker() {
  await outboxWorker?.stop();
  outboxWorker = build.entry.module.startOutboxWorker?.() ?? null;
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  console.log(`Passerelle is ready on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
  if (isDev) broadcastDevReady(build);
  void restartOutboxWorker();
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    // The row being sent is finished and recorded before the process ends.
    const stopped = outboxWorker?.stop() ?? Promise.resolve();
    server.close(() => void stopped.finally(() => process.exit(0)));
  });
}

// Production and development server: Express serving the Remix build.
// PORT and HOST pick where it listens; the rest of the environment is validated by the app at start.
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

installGlobals({ nativeFetch: true });

const BUILD_PATH = new URL("./build/index.js", import.meta.url).href;
const isDev = process.env.NODE_ENV !== "production";

async function loadBuild() {
  try {
    return await import(`${BUILD_PATH}?t=${Date.now()}`);
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
app.use(compression());
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

if (isDev) {
  // Remix's dev server signals a rebuild; reload the build on the next request.
  const { watch } = await import("node:fs");
  watch(new URL("./build/", import.meta.url), { recursive: false }, async () => {
    build = await loadBuild();
    broadcastDevReady(build);
  });
}

app.all("*", (req, res, next) =>
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: () => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  })(req, res, next),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  console.log(`Passerelle is ready on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
  if (isDev) broadcastDevReady(build);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

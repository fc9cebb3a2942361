/**
 * Where `npm start` keeps the session secret it created once (gitignored), read by env.server.ts
 * when SESSION_SECRET is not set. Its own module: scripts import it without validating the environment.
 */
export const DEFAULT_SESSION_SECRET_FILE = ".session-secret";

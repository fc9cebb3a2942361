// `npm start` (and `npm run dev`) create the session secret once and keep it, so a restart signs
// nobody out; app/utils/env.server.ts reads it when SESSION_SECRET is not set.
import crypto from "node:crypto";
import fs from "node:fs";
import { DEFAULT_SESSION_SECRET_FILE } from "../../app/utils/session-secret-file";

/** Writes a new random secret (owner-readable only) unless SESSION_SECRET is set or the file exists. */
export function ensureSessionSecret(environment: Record<string, string | undefined> = process.env): string | null {
  if (environment.SESSION_SECRET) return null;
  const file = environment.SESSION_SECRET_FILE || DEFAULT_SESSION_SECRET_FILE;
  if (fs.existsSync(file)) return null;
  // "wx": if another start created it meanwhile, keep theirs.
  try {
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return null;
    throw error;
  }
  return file;
}

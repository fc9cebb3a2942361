import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url: unguessable, and safe in a URL path without escaping. */
export function createToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps instead of the token, so a leaked backup opens no link. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

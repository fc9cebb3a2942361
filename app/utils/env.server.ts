import crypto from "node:crypto";
import fs from "node:fs";
import { z } from "zod";
import { DEFAULT_SESSION_SECRET_FILE } from "./session-secret-file";

/**
 * A Paris wall-clock time for emails people read: "10:00" or "10", from 06:00 to 21:59, so a
 * reminder never lands at night nor in the hour a daylight-saving change skips or repeats.
 */
function daytimeClock(name: string, fallback: string) {
  const message = `${name} must be a time of day such as 10:00, between 06:00 and 21:59`;
  return z
    .string()
    .default(fallback)
    .transform((text, context) => {
      const match = /^(\d{1,2})(?::(\d{2}))?$/.exec(text.trim());
      const hour = Number(match?.[1]);
      const minute = Number(match?.[2] ?? 0);
      if (!match || hour < 6 || hour > 21 || minute > 59) {
        context.addIssue({ code: z.ZodIssueCode.custom, message });
        return z.NEVER;
      }
      return { hour, minute };
    });
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^file:/, "DATABASE_URL must be a SQLite URL starting with file:")
    .default("file:./prisma/dev.db"),
  /** Comma-separated addresses that per-address rate limits leave alone (docs/decisions/012). */
  RATE_LIMIT_EXEMPT_ADDRESSES: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((address) => address.trim())
        .filter((address) => address !== ""),
    ),
  PORT: z.coerce
    .number({ invalid_type_error: "PORT must be a port number such as 3000" })
    .int()
    .min(1, "PORT must be a port number such as 3000")
    .max(65535, "PORT must be a port number such as 3000")
    .default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  APP_URL: z.string().url("APP_URL must be a full URL such as https://passerelle.example.org").optional(),
  SESSION_SECRET: z.string().min(16, "SESSION_SECRET must be at least 16 characters").optional(),
  SESSION_SECRET_FILE: z.string().min(1).default(DEFAULT_SESSION_SECRET_FILE),
  SMTP_URL: z.string().url("SMTP_URL must look like smtp://user:password@host:port").optional(),
  MAIL_FROM: z.string().min(3).default("Passerelle <ne-pas-repondre@passerelle.example>"),
  // --- when scheduled emails are due (docs/decisions/019) ---
  /** The first reminder goes this many days before the workshop's day (1 to 14). */
  REMINDER_DAYS_BEFORE: z.coerce
    .number({ invalid_type_error: "REMINDER_DAYS_BEFORE must be a number of days from 1 to 14" })
    .int("REMINDER_DAYS_BEFORE must be a number of days from 1 to 14")
    .min(1, "REMINDER_DAYS_BEFORE must be a number of days from 1 to 14")
    .max(14, "REMINDER_DAYS_BEFORE must be a number of days from 1 to 14")
    .default(2),
  /** Paris time of the first reminder, "HH:mm" between 06:00 and 21:59. */
  REMINDER_DAYS_BEFORE_HOUR: daytimeClock("REMINDER_DAYS_BEFORE_HOUR", "10:00"),
  /** Paris time of the reminder on the workshop's morning, "HH:mm" between 06:00 and 21:59. */
  REMINDER_MORNING_HOUR: daytimeClock("REMINDER_MORNING_HOUR", "08:00"),
  // --- end when scheduled emails are due ---
  // The outbox sender (docs/decisions/017).
  /** Without SMTP_URL, sent mail is written here as .eml files, read by the local mail view. */
  MAIL_CAPTURE_DIR: z.string().min(1, "MAIL_CAPTURE_DIR must be a folder such as var/mail").default("var/mail"),
  OUTBOX_INTERVAL_MS: z.coerce
    .number({
      invalid_type_error: "OUTBOX_INTERVAL_MS must be a number of milliseconds such as 5000 (0 turns the sender off)",
    })
    .int("OUTBOX_INTERVAL_MS must be a whole number of milliseconds such as 5000 (0 turns the sender off)")
    .min(0, "OUTBOX_INTERVAL_MS must be 0 (sender off) or a number of milliseconds such as 5000")
    .default(5000),
  OUTBOX_LEASE_MS: z.coerce
    .number({ invalid_type_error: "OUTBOX_LEASE_MS must be a number of milliseconds such as 120000" })
    .int("OUTBOX_LEASE_MS must be a whole number of milliseconds such as 120000")
    .min(100, "OUTBOX_LEASE_MS must be at least 100 milliseconds (the default, 120000, suits a real mail server)")
    .default(120_000),
});

export type Env = z.infer<typeof schema> & { APP_URL: string; SESSION_SECRET: string };

function readFileIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * The session secret signs the resident (and later staff) session cookies: it must outlive a
 * restart, or everyone is signed out. SESSION_SECRET wins; else the file `npm start` creates
 * once (scripts/lib/session-secret.ts). In production there is no fallback: a random secret per
 * start would sign everyone out at each restart, so the server refuses to start instead.
 */
const PRODUCTION_MIN_LEASE_MS = 60_000;

function parseEnv(source: Record<string, string | undefined>, readSecretFile = readFileIfPresent): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Passerelle cannot start, the environment is invalid:\n${lines.join("\n")}`);
  }
  const env = result.data;
  // With several servers, a lease shorter than one SMTP exchange (its timeouts reach 50 s) would
  // let a second server take an email the first is still sending: production keeps a minute.
  if (env.NODE_ENV === "production" && env.OUTBOX_LEASE_MS < PRODUCTION_MIN_LEASE_MS) {
    throw new Error(
      "Passerelle cannot start, the environment is invalid:\n" +
        `  - OUTBOX_LEASE_MS: in production at least ${PRODUCTION_MIN_LEASE_MS} milliseconds (the default, 120000, suits a real mail server)`,
    );
  }
  let sessionSecret = env.SESSION_SECRET ?? readSecretFile(env.SESSION_SECRET_FILE)?.trim();
  if (sessionSecret !== undefined && sessionSecret.length < 16) {
    throw new Error(
      `Passerelle cannot start, the environment is invalid:\n  - SESSION_SECRET: ${env.SESSION_SECRET_FILE} must hold at least 16 characters`,
    );
  }
  if (!sessionSecret) {
    if (env.NODE_ENV === "production") {
      throw new Error(
        "Passerelle cannot start, the environment is invalid:\n" +
          `  - SESSION_SECRET: not set, and no ${env.SESSION_SECRET_FILE} file. Set SESSION_SECRET to a long random ` +
          "value (e.g. `openssl rand -hex 32`), or run `npm start`, which creates the file once.",
      );
    }
    sessionSecret = crypto.randomBytes(32).toString("hex");
  }
  return {
    ...env,
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
    SESSION_SECRET: sessionSecret,
  };
}

export const env: Env = parseEnv(process.env);
export { parseEnv };

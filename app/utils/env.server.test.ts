import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

const noFile = () => undefined;

describe("parseEnv", () => {
  it("gives working defaults for a fresh checkout", () => {
    const env = parseEnv({ NODE_ENV: "production" }, () => "a-secret-npm-start-wrote-once-0123456789");
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.db");
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.SESSION_SECRET).toBe("a-secret-npm-start-wrote-once-0123456789");
  });

  it("reads the session secret from SESSION_SECRET first, then from the file npm start keeps", () => {
    const files: string[] = [];
    const reader = (file: string) => (files.push(file), "from-the-file-0123456789\n");
    expect(parseEnv({ SESSION_SECRET: "from-the-environment-0123" }, reader).SESSION_SECRET).toBe(
      "from-the-environment-0123",
    );
    expect(parseEnv({}, reader).SESSION_SECRET).toBe("from-the-file-0123456789");
    expect(parseEnv({ SESSION_SECRET_FILE: "/srv/passerelle/secret" }, reader).SESSION_SECRET).toBe(
      "from-the-file-0123456789",
    );
    expect(files).toEqual([".session-secret", "/srv/passerelle/secret"]);
  });

  it("refuses to start in production without a session secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production" }, noFile)).toThrow(
      /SESSION_SECRET: not set, and no \.session-secret file/,
    );
    expect(() => parseEnv({ NODE_ENV: "production" }, () => "short")).toThrow(/at least 16 characters/);
  });

  it("makes up a secret for development and tests, where a restart may sign people out", () => {
    expect(parseEnv({ NODE_ENV: "development" }, noFile).SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("reads PORT and HOST", () => {
    const env = parseEnv({ PORT: "8080", HOST: "127.0.0.1" }, noFile);
    expect(env.PORT).toBe(8080);
    expect(env.HOST).toBe("127.0.0.1");
    expect(env.APP_URL).toBe("http://localhost:8080");
  });

  it("lists every invalid variable in one clear message", () => {
    let message = "";
    try {
      parseEnv({ PORT: "not-a-port", DATABASE_URL: "postgres://db", SESSION_SECRET: "short" }, noFile);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toEqual([
      "Passerelle cannot start, the environment is invalid:",
      "  - DATABASE_URL: DATABASE_URL must be a SQLite URL starting with file:",
      "  - PORT: PORT must be a port number such as 3000",
      "  - SESSION_SECRET: SESSION_SECRET must be at least 16 characters",
    ]);
  });

  // --- when scheduled emails are due (docs/decisions/019) ---
  it("reads when reminders go, with defaults of two days before at 10:00 and 08:00 on the day", () => {
    const defaults = parseEnv({}, noFile);
    expect(defaults.REMINDER_DAYS_BEFORE).toBe(2);
    expect(defaults.REMINDER_DAYS_BEFORE_HOUR).toEqual({ hour: 10, minute: 0 });
    expect(defaults.REMINDER_MORNING_HOUR).toEqual({ hour: 8, minute: 0 });
    const set = parseEnv(
      { REMINDER_DAYS_BEFORE: "3", REMINDER_DAYS_BEFORE_HOUR: "17:30", REMINDER_MORNING_HOUR: "7" },
      noFile,
    );
    expect(set.REMINDER_DAYS_BEFORE).toBe(3);
    expect(set.REMINDER_DAYS_BEFORE_HOUR).toEqual({ hour: 17, minute: 30 });
    expect(set.REMINDER_MORNING_HOUR).toEqual({ hour: 7, minute: 0 });
  });

  it("refuses reminders at night or on a day that makes no sense", () => {
    let message = "";
    try {
      parseEnv({ REMINDER_DAYS_BEFORE: "0", REMINDER_DAYS_BEFORE_HOUR: "02:30", REMINDER_MORNING_HOUR: "8h" }, noFile);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toEqual([
      "Passerelle cannot start, the environment is invalid:",
      "  - REMINDER_DAYS_BEFORE: REMINDER_DAYS_BEFORE must be a number of days from 1 to 14",
      "  - REMINDER_DAYS_BEFORE_HOUR: REMINDER_DAYS_BEFORE_HOUR must be a time of day such as 10:00, between 06:00 and 21:59",
      "  - REMINDER_MORNING_HOUR: REMINDER_MORNING_HOUR must be a time of day such as 10:00, between 06:00 and 21:59",
    ]);
  });
  // --- end when scheduled emails are due ---

  it("reads the outbox sender's settings, with defaults for the demo", () => {
    const defaults = parseEnv({}, noFile);
    expect(defaults.SMTP_URL).toBeUndefined();
    expect(defaults.MAIL_CAPTURE_DIR).toBe("var/mail");
    expect(defaults.OUTBOX_INTERVAL_MS).toBe(5000);
    expect(defaults.OUTBOX_LEASE_MS).toBe(120_000);
    const set = parseEnv({ OUTBOX_INTERVAL_MS: "0", OUTBOX_LEASE_MS: "500", MAIL_CAPTURE_DIR: "/tmp/mail" }, noFile);
    expect([set.OUTBOX_INTERVAL_MS, set.OUTBOX_LEASE_MS, set.MAIL_CAPTURE_DIR]).toEqual([0, 500, "/tmp/mail"]);
  });

  it("keeps a lease of at least a minute in production, where several servers may send", () => {
    const production = { NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) };
    expect(() => parseEnv({ ...production, OUTBOX_LEASE_MS: "500" }, noFile)).toThrow(
      /OUTBOX_LEASE_MS: in production at least 60000 milliseconds/,
    );
    expect(parseEnv({ ...production, OUTBOX_LEASE_MS: "60000" }, noFile).OUTBOX_LEASE_MS).toBe(60_000);
    expect(parseEnv({ NODE_ENV: "test", OUTBOX_LEASE_MS: "500" }, noFile).OUTBOX_LEASE_MS).toBe(500);
  });

  it("says which outbox setting is wrong", () => {
    expect(() => parseEnv({ OUTBOX_INTERVAL_MS: "soon" }, noFile)).toThrow(
      /OUTBOX_INTERVAL_MS: OUTBOX_INTERVAL_MS must be a number of milliseconds such as 5000/,
    );
    expect(() => parseEnv({ OUTBOX_INTERVAL_MS: "-1" }, noFile)).toThrow(/0 \(sender off\)/);
    expect(() => parseEnv({ OUTBOX_LEASE_MS: "10" }, noFile)).toThrow(/at least 100 milliseconds/);
  });
});

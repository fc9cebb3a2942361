import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("gives working defaults for a fresh checkout", () => {
    const env = parseEnv({ NODE_ENV: "production" });
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.db");
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("reads PORT and HOST", () => {
    const env = parseEnv({ PORT: "8080", HOST: "127.0.0.1" });
    expect(env.PORT).toBe(8080);
    expect(env.HOST).toBe("127.0.0.1");
    expect(env.APP_URL).toBe("http://localhost:8080");
  });

  it("lists every invalid variable in one clear message", () => {
    let message = "";
    try {
      parseEnv({ PORT: "not-a-port", DATABASE_URL: "postgres://db", SESSION_SECRET: "short" });
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
});

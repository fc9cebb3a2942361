import { describe, expect, test } from "vitest";

import { isLoopbackAddress, mayReadLocalMail, type LocalMailRequest } from "./local-mail";

const local: LocalMailRequest = {
  mailCaptured: true,
  socketAddress: "127.0.0.1",
  clientAddress: "127.0.0.1",
  forwarded: false,
  hostname: "localhost",
  appHostname: "localhost",
};

describe("mayReadLocalMail", () => {
  test("the same machine may, when mail is captured", () => {
    expect(mayReadLocalMail(local)).toEqual({ allowed: true });
    expect(mayReadLocalMail({ ...local, socketAddress: "::1", clientAddress: "::1", hostname: "[::1]" })).toEqual({
      allowed: true,
    });
    expect(
      mayReadLocalMail({ ...local, socketAddress: "::ffff:127.0.0.1", clientAddress: "::ffff:127.0.0.1" }).allowed,
    ).toBe(true);
    expect(mayReadLocalMail({ ...local, hostname: "passerelle.test", appHostname: "passerelle.test" }).allowed).toBe(
      true,
    );
  });

  test("nobody may when mail goes to a real SMTP server", () => {
    expect(mayReadLocalMail({ ...local, mailCaptured: false })).toEqual({ allowed: false, reason: "NOT_CAPTURED" });
  });

  test("another machine may not", () => {
    expect(mayReadLocalMail({ ...local, socketAddress: "192.168.1.20", clientAddress: "192.168.1.20" })).toEqual({
      allowed: false,
      reason: "NOT_LOCAL",
    });
  });

  test("a request through a proxy on the same machine may not, trusted or not", () => {
    expect(mayReadLocalMail({ ...local, forwarded: true }).allowed).toBe(false);
    expect(mayReadLocalMail({ ...local, clientAddress: "203.0.113.9" }).allowed).toBe(false);
  });

  test("a request addressed to another host name (DNS rebinding) may not", () => {
    expect(mayReadLocalMail({ ...local, hostname: "evil.example" }).allowed).toBe(false);
  });
});

describe("isLoopbackAddress", () => {
  test.each(["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"])("%s is loopback", (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });
  test.each(["10.0.0.1", "::ffff:10.0.0.1", "128.0.0.1", "unknown", "", "fe80::1"])("%s is not", (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});

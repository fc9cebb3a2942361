import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import {
  BODY_LIMIT_BYTES,
  isSameOriginPost,
  readLimitedBody,
  refusalLanguage,
  refusalPage,
  securityHeaders,
  withPostOnlyActions,
} from "../../server/http-guards.js";

const directive = (csp: string, name: string) =>
  csp
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `)) ?? "";

describe("securityHeaders", () => {
  it("sends HSTS only when the public address is https", () => {
    expect(securityHeaders({ nonce: "n", https: true })["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(securityHeaders({ nonce: "n", https: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("allows scripts by this response's nonce only, never 'unsafe-inline', and no framing", () => {
    const headers = securityHeaders({ nonce: "abc123", https: false });
    const csp = headers["Content-Security-Policy"];
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "form-action")).toBe("form-action 'self'");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    // "no-referrer" would make browsers send `Origin: null` on the app's own posts.
    expect(headers["Referrer-Policy"]).toBe("same-origin");
  });

  it("lets the development live reload reach Remix's dev server, in development only", () => {
    const csp = securityHeaders({ nonce: "n", https: false, devOrigin: "http://localhost:3001" })[
      "Content-Security-Policy"
    ];
    expect(directive(csp, "connect-src")).toBe("connect-src 'self' http://localhost:3001 ws://localhost:3001");
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-n' http://localhost:3001");
  });
});

describe("isSameOriginPost", () => {
  const expected = ["https://passerelle.example.org", "http://127.0.0.1:3000"];
  it.each([
    [{ origin: "https://passerelle.example.org" }, true],
    [{ origin: "http://127.0.0.1:3000" }, true],
    [{ origin: "https://passerelle.example.org:443" }, true],
    [{ origin: "https://evil.example" }, false],
    [{ origin: "http://passerelle.example.org" }, false],
    [{ origin: "https://passerelle.example.org.evil.example" }, false],
    [{ origin: "null" }, false],
    [{ origin: "garbled::" }, false],
    [{ origin: "" }, false],
    [{ referer: "https://passerelle.example.org/ateliers/x/reserver" }, true],
    [{ referer: "https://evil.example/page" }, false],
    [{ referer: "not a url" }, false],
    [{ origin: "https://evil.example", referer: "https://passerelle.example.org/" }, false],
    [{}, true],
  ])("%o → %s", (headers, allowed) => {
    expect(isSameOriginPost(headers, expected)).toBe(allowed);
  });
});

describe("the refusal page", () => {
  it("speaks the language the app would pick: ?lng=, then the lng cookie, then Accept-Language", () => {
    const arCookie = `lng=${encodeURIComponent(Buffer.from('"ar"').toString("base64"))}`;
    expect(refusalLanguage({ url: "/x?lng=es", cookie: arCookie, acceptLanguage: "en" })).toBe("es");
    expect(refusalLanguage({ url: "/x", cookie: arCookie, acceptLanguage: "en" })).toBe("ar");
    expect(refusalLanguage({ url: "/x", cookie: "lng=%%%", acceptLanguage: "en-GB,en;q=0.9" })).toBe("en");
    expect(refusalLanguage({ url: "/x", acceptLanguage: "de,es;q=0.5" })).toBe("fr");
    expect(refusalLanguage({ url: "/x" })).toBe("fr");
  });

  it("is a complete page, right to left in Arabic, with a link home", () => {
    const fr = refusalPage("forbidden", "fr");
    expect(fr).toContain('<html lang="fr" dir="ltr">');
    expect(fr).toContain("<h1>Envoi refusé</h1>");
    expect(fr).toContain('<a href="/">Revenir à l\'accueil</a>');
    expect(fr).not.toContain("<script");
    expect(refusalPage("payloadTooLarge", "ar")).toContain('<html lang="ar" dir="rtl">');
    expect(refusalPage("methodNotAllowed", "xx")).toContain('<html lang="fr"');
  });
});

function fakeRequest(contentLength?: number) {
  const stream = new PassThrough();
  return Object.assign(stream, {
    get: (name: string) =>
      name.toLowerCase() === "content-length" && contentLength !== undefined ? String(contentLength) : undefined,
  }) as unknown as Parameters<typeof readLimitedBody>[0] & PassThrough;
}

describe("readLimitedBody", () => {
  it("refuses at once from Content-Length, without reading", async () => {
    const request = fakeRequest(BODY_LIMIT_BYTES + 1);
    const read = vi.spyOn(request, "on");
    expect(await readLimitedBody(request, BODY_LIMIT_BYTES)).toBeNull();
    expect(read).not.toHaveBeenCalled();
  });

  it("counts a body sent without Content-Length and stops past the limit", async () => {
    const request = fakeRequest();
    const result = readLimitedBody(request, 10);
    request.write("12345");
    request.write("678901");
    expect(await result).toBeNull();
  });

  it("hands back a body within the limit", async () => {
    const request = fakeRequest(9);
    const result = readLimitedBody(request, 10);
    request.end("firstName");
    expect((await result)?.toString()).toBe("firstName");
  });
});

describe("withPostOnlyActions", () => {
  it("never runs an action for another method than POST", async () => {
    const action = vi.fn(() => "booked");
    const build = withPostOnlyActions({
      routes: { booking: { module: { action, loader: () => null } }, page: { module: {} } },
    });
    const run = build.routes.booking.module.action as (args: { request: Request }) => unknown;
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      let thrown: unknown;
      try {
        await run({ request: new Request("http://localhost/", { method }) });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(405);
      expect((thrown as Response).headers.get("Allow")).toBe("GET, HEAD, POST");
    }
    expect(action).not.toHaveBeenCalled();
    expect(await run({ request: new Request("http://localhost/", { method: "POST" }) })).toBe("booked");
    expect(build.routes.page.module).toEqual({});
  });
});

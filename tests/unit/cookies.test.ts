import { afterEach, describe, expect, it, vi } from "vitest";

// Every cookie the app sets, serialised by the real modules under an https and an http APP_URL
// (the environment is read when the modules load, so each case loads them afresh).
async function cookiesUnder(appUrl: string) {
  vi.resetModules();
  vi.stubEnv("APP_URL", appUrl);
  const [{ languageCookie }, { displayCookie }, { residentCookie }] = await Promise.all([
    import("~/utils/i18n.server"),
    import("~/utils/preferences.server"),
    import("~/utils/resident-session.server"),
  ]);
  return {
    lng: await languageCookie.serialize("en"),
    display: await displayCookie.serialize("large"),
    resident: await residentCookie.serialize("token"),
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("cookies", () => {
  it("are Secure when the public address is https", async () => {
    for (const [name, header] of Object.entries(await cookiesUnder("https://passerelle.example.org"))) {
      expect(header, name).toMatch(/; Secure/);
      expect(header, name).toMatch(/; HttpOnly/);
      expect(header, name).toMatch(/; SameSite=Lax/);
    }
  });

  it("are not Secure over plain http (a local demo), where the browser would drop them", async () => {
    for (const [name, header] of Object.entries(await cookiesUnder("http://localhost:3000"))) {
      expect(header, name).not.toMatch(/Secure/);
    }
  });
});

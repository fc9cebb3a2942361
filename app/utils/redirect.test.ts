import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

const ORIGIN = "https://passerelle.example.org";

describe("safeRedirectPath", () => {
  it("keeps local paths with their query and fragment", () => {
    expect(safeRedirectPath("/ateliers?lieu=hub", ORIGIN)).toBe("/ateliers?lieu=hub");
    expect(safeRedirectPath("/ateliers#liste", ORIGIN)).toBe("/ateliers#liste");
  });

  it("re-encodes what it keeps, so the Location header is plain ASCII", () => {
    expect(safeRedirectPath("/ateliers?q=café", ORIGIN)).toBe("/ateliers?q=caf%C3%A9");
    expect(safeRedirectPath("/a/../ateliers", ORIGIN)).toBe("/ateliers");
  });

  it.each([
    undefined,
    "",
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "/.//evil.example/x",
    "/a/..//evil.example/x",
    "/%2e//evil.example",
    "/./\\evil.example",
    "ateliers",
    "javascript:alert(1)",
  ])("falls back for %s", (value) => {
    expect(safeRedirectPath(value, ORIGIN)).toBe("/");
  });

  // "/%09/evil.example/x" in a form body decodes to "/\t/evil.example/x", which a browser
  // resolves to http://evil.example/x: browsers drop tabs and newlines from URLs.
  it.each([
    ["a tab (the open redirect /%09/evil.example/x)", "/\t/evil.example/x"],
    ["CR LF", "/ateliers\r\nSet-Cookie: x=1"],
    ["LF", "/\n/evil.example"],
    ["NUL", "/ateliers\u0000"],
    ["a bidi override", "/ateliers\u202eexe.txt"],
    ["invalid UTF-8 (decoded to U+FFFD)", "/ateliers\ufffd"],
  ])("refuses %s", (_label, value) => {
    expect(safeRedirectPath(value, ORIGIN)).toBeNull();
  });
});

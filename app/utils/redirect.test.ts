import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

describe("safeRedirectPath", () => {
  it("keeps local paths with their query", () => {
    expect(safeRedirectPath("/ateliers?lieu=hub")).toBe("/ateliers?lieu=hub");
  });
  it.each([undefined, "", "https://evil.example", "//evil.example", "/\\evil.example", "ateliers"])(
    "falls back for %s",
    (value) => {
      expect(safeRedirectPath(value, "/")).toBe("/");
    },
  );
});

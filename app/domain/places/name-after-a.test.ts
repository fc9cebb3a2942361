import { describe, expect, it } from "vitest";
import { placeNameAfterA } from "./name-after-a";

describe("placeNameAfterA", () => {
  it("uses the place's own form when it has one", () => {
    expect(placeNameAfterA({ name: "Le Relais du Razès", nameAfterA: "au Relais du Razès" })).toBe(
      "au Relais du Razès",
    );
  });

  it("falls back to « à » and the name", () => {
    expect(placeNameAfterA({ name: "La Page", nameAfterA: null })).toBe("à La Page");
    expect(placeNameAfterA({ name: "La Page", nameAfterA: "  " })).toBe("à La Page");
  });
});

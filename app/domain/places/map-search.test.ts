import { describe, expect, it } from "vitest";
import { mapSearchHref } from "./map-search";

describe("mapSearchHref", () => {
  it("searches the whole address, encoded", () => {
    expect(mapSearchHref({ addressLine: "14 rue de Verdun", postcode: "11000", communeName: "Carcassonne" })).toBe(
      "https://www.openstreetmap.org/search?query=14%20rue%20de%20Verdun%2C%2011000%20Carcassonne",
    );
  });
});

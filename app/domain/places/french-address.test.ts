import { describe, expect, it } from "vitest";

import { placeWithCommune, postcodeAndCommune } from "./french-address";

describe("French place lines", () => {
  it("adds the commune after the name unless the name says it", () => {
    expect(placeWithCommune({ name: "Hub numérique", communeName: "Carcassonne" })).toBe("Hub numérique, Carcassonne");
    expect(placeWithCommune({ name: "La Gare — tiers-lieu de Capendu", communeName: "Capendu" })).toBe(
      "La Gare — tiers-lieu de Capendu",
    );
  });

  it("writes the postcode before the commune", () => {
    expect(postcodeAndCommune({ postcode: "11700", communeName: "Capendu" })).toBe("11700 Capendu");
  });
});

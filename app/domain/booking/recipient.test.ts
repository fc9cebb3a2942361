import { describe, expect, it } from "vitest";

import { bookingContactOf, bookingRecipient, personOnFileRecipient } from "./recipient";

const person = { firstName: "Marie", lastName: "Dupont" };

describe("where a booking's messages go", () => {
  it("goes to the email given with the booking, in the booking's language", () => {
    expect(bookingRecipient({ contactEmail: "Marie@Exemple.fr", locale: "ar", person })).toEqual({
      email: "Marie@Exemple.fr",
      locale: "ar",
      firstName: "Marie",
      lastName: "Dupont",
    });
  });

  it("goes nowhere for a booking made with a phone only", () => {
    expect(bookingRecipient({ contactEmail: null, locale: "fr", person })).toBeNull();
  });

  it("keeps the form's contact, trimmed, with the address normalised for lookups", () => {
    expect(bookingContactOf({ email: "  Marie@Exemple.FR ", phone: " 06 12 34 56 78 ", locale: "es" })).toEqual({
      contactEmail: "Marie@Exemple.FR",
      contactEmailNormalized: "marie@exemple.fr",
      contactPhone: "06 12 34 56 78",
      locale: "es",
    });
    expect(bookingContactOf({ email: "", phone: null, locale: "fr" })).toMatchObject({
      contactEmail: null,
      contactEmailNormalized: null,
      contactPhone: null,
    });
  });

  it("a message about the person (not one booking) goes to the contact on file", () => {
    expect(personOnFileRecipient({ email: "stored@exemple.fr", preferredLanguage: "en", ...person })).toMatchObject({
      email: "stored@exemple.fr",
      locale: "en",
    });
    expect(personOnFileRecipient({ email: null, preferredLanguage: "fr", ...person })).toBeNull();
  });
});

import { describe, expect, test } from "vitest";

import { parseAnonymousCount, parseNewPerson, parseReason, validRequestKey } from "./walk-in-form";

const form = (values: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    for (const v of typeof value === "string" ? [value] : value) data.append(name, v);
  }
  return data;
};
const communes = new Set(["c1"]);

describe("parseNewPerson", () => {
  test("names are required, with words of their own; contacts and the rest are optional but checked", () => {
    expect(parseNewPerson(form({}), communes)).toEqual({
      ok: false,
      errors: { firstName: "walkIn:create.errors.firstName", lastName: "walkIn:create.errors.lastName" },
    });
    const wrong = parseNewPerson(
      form({ firstName: "Ana", lastName: "B", phone: "12", email: "ana@", communeId: "c9", ageBand: "OLD" }),
      communes,
    );
    expect(wrong).toEqual({
      ok: false,
      errors: {
        phone: "forms:phoneInvalid",
        email: "forms:emailInvalid",
        communeId: "forms:communeUnknown",
        ageBand: "forms:invalidChoice",
      },
    });
    expect(parseNewPerson(form({ firstName: "A".repeat(101), lastName: "B" }), communes)).toMatchObject({
      errors: { firstName: "forms:tooLong?max=100" },
    });
  });

  test("a valid form, with the candidates the trainer ruled out", () => {
    expect(
      parseNewPerson(
        form({ firstName: " Ana ", lastName: "Bé", phone: "06 12 34 56 78", communeId: "c1", ruledOut: ["p1", "p2"] }),
        communes,
      ),
    ).toEqual({
      ok: true,
      value: {
        firstName: "Ana",
        lastName: "Bé",
        phone: "06 12 34 56 78",
        email: null,
        communeId: "c1",
        ageBand: null,
        ruledOut: ["p1", "p2"],
      },
    });
  });
});

test("parseAnonymousCount: 1 to 30 people", () => {
  expect(parseAnonymousCount(form({ count: "3", ageBand: "FROM_70" }), communes)).toEqual({
    ok: true,
    value: { count: 3, ageBand: "FROM_70", communeId: null },
  });
  for (const count of ["0", "31", "-1", "2.5", "abc"]) {
    expect(parseAnonymousCount(form({ count }), communes)).toEqual({
      ok: false,
      errors: { count: "walkIn:anonymous.countRange?min=1&max=30" },
    });
  }
  expect(parseAnonymousCount(form({}), communes)).toMatchObject({ errors: { count: "walkIn:create.errors.count" } });
});

test("parseReason: absent, empty, given, too long", () => {
  expect(parseReason(form({}))).toEqual({ reason: null, typed: "", asked: false, error: null });
  expect(parseReason(form({ reason: "  " }))).toEqual({ reason: null, typed: "  ", asked: true, error: null });
  expect(parseReason(form({ reason: " Une chaise " }))).toEqual({
    reason: "Une chaise",
    typed: " Une chaise ",
    asked: true,
    error: null,
  });
  // Refused, what was typed is still given back (bounded) to put in the field again.
  expect(parseReason(form({ reason: "x".repeat(301) }))).toMatchObject({
    error: "forms:tooLong?max=300",
    typed: "x".repeat(301),
  });
  expect(parseReason(form({ reason: "x".repeat(5000) })).typed).toHaveLength(600);
});

test("validRequestKey refuses what the page never draws", () => {
  expect(validRequestKey(form({ requestKey: "abcdefghijklmnopqrstuv:new" }))).toBe("abcdefghijklmnopqrstuv:new");
  expect(validRequestKey(form({ requestKey: "x" }))).toBeNull();
  expect(validRequestKey(form({}))).toBeNull();
});

import { describe, expect, it } from "vitest";
import { FIELD_ECHO_LIMIT, readFormData } from "./form-data.server";

const post = (body: BodyInit | null, contentType?: string) =>
  new Request("http://localhost/ateliers/x/reserver", {
    method: "POST",
    body,
    headers: contentType ? { "Content-Type": contentType } : {},
  });

describe("readFormData", () => {
  it("reads an url-encoded form", async () => {
    const form = await readFormData(post("firstName=Marie&lastName=Dupont", "application/x-www-form-urlencoded"));
    expect(form.get("firstName")).toBe("Marie");
    expect(form.get("lastName")).toBe("Dupont");
  });

  it("reads a multipart form", async () => {
    const body = new FormData();
    body.set("email", "marie@orange.fr");
    const form = await readFormData(new Request("http://localhost/", { method: "POST", body }));
    expect(form.get("email")).toBe("marie@orange.fr");
  });

  it("gives an empty form for a body that is not a form, so validation answers 400, not 500", async () => {
    for (const request of [
      post(null),
      post('{"firstName":"Marie"}', "application/json"),
      post("firstName=Marie", "text/plain"),
      new Request("http://localhost/", { method: "DELETE" }),
    ]) {
      expect([...(await readFormData(request)).keys()]).toEqual([]);
    }
  });

  it("cuts a value longer than any field accepts to one character past the limit, and keeps the rest", async () => {
    const form = await readFormData(
      post(`firstName=Marie&lastName=${"C".repeat(10_000)}&lastName=Dupont`, "application/x-www-form-urlencoded"),
    );
    expect(form.get("firstName")).toBe("Marie");
    expect(form.getAll("lastName")).toEqual(["C".repeat(FIELD_ECHO_LIMIT + 1), "Dupont"]);
  });
});

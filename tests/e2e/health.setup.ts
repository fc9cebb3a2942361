import { expect, test } from "./fixtures";

// Runs before every other spec (the "health" project in playwright.config.ts): with the app or
// its database down, nothing else could pass.
test("health check answers 200 with the database up", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

import { expect, test } from "./fixtures";

test.describe("app shell", () => {
  test("home page presents the six places in French", async ({ page, scan }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/Passerelle/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Apprendre le numérique, près de chez vous");
    await expect(page.locator(".place-card")).toHaveCount(6);
    await expect(page.getByRole("heading", { name: /Carcassonne/ }).first()).toBeVisible();
    await scan();
  });

  test("the skip link is the first stop of the keyboard and leads to the content", async ({ page, scan }) => {
    await page.goto("/");
    await scan();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Aller au contenu" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });

  test("unknown pages get a translated 404", async ({ page, scan }) => {
    const response = await page.goto("/cette-page-n-existe-pas");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await scan();
  });
});

test.describe("preferences without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the language is switched and remembered, Arabic is right-to-left", async ({ page, scan }) => {
    await page.goto("/");
    await scan();
    await page.locator(".site-prefs > summary").click(); // the choices are folded in the header
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Learn digital skills, close to home");
    await scan();

    await page.goto("/cette-page-n-existe-pas");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await scan();

    await page.goto("/");
    await page.locator(".site-prefs > summary").click(); // the choices are folded in the header
    await page.getByRole("button", { name: "العربية" }).click();
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await scan();
  });

  test("the large text and contrast display is applied by the server and remembered", async ({ page, scan }) => {
    await page.goto("/");
    await scan();
    await page.locator(".site-prefs > summary").click(); // the choices are folded in the header
    const toggle = page.getByRole("button", { name: "Grands caractères et contraste renforcé" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(page.locator("html")).toHaveClass(/display-large/);
    await page.locator(".site-prefs > summary").click();
    await expect(page.getByRole("button", { name: "Grands caractères et contraste renforcé" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(size).toBeGreaterThanOrEqual(22);
    await scan();
    await page.goto("/cette-page-n-existe-pas");
    await expect(page.locator("html")).toHaveClass(/display-large/);
    await scan();
  });
});

test("base text is at least 18px and buttons are at least 44px tall", async ({ page, scan }) => {
  await page.goto("/");
  await scan();
  const base = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(base).toBeGreaterThanOrEqual(18);
  const heights = await page
    .locator(".button, button, .site-nav a")
    .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().height));
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
});

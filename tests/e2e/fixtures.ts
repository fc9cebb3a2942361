import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

function pageKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

type Fixtures = {
  /** Runs axe (WCAG 2 A/AA) on the current page and fails on any violation. */
  scan: (page?: Page) => Promise<void>;
};

/**
 * axe runs inside the page, which a JavaScript-off page forbids. The document such a page shows is
 * exactly what the server sent, so it is replayed, scripts removed, in a scratch JavaScript-on page
 * at the same address (same CSS, same URL), and scanned there.
 */
async function analyzeServerDocument(browser: Browser, url: string, html: string) {
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const mirror = await context.newPage();
    await mirror.route(url, (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        body: html.replace(/<script\b[\s\S]*?<\/script>/gi, ""),
      }),
    );
    await mirror.goto(url);
    return await new AxeBuilder({ page: mirror }).withTags(AXE_TAGS).analyze();
  } finally {
    await context.close();
  }
}

/**
 * Every page a journey visits must pass axe: the fixture records each loaded document and, when the
 * test ends, fails if one of them was never scanned.
 */
export const test = base.extend<Fixtures>({
  scan: async ({ page, browser, javaScriptEnabled }, use, testInfo) => {
    const visited = new Set<string>();
    const scanned = new Set<string>();
    const documents = new WeakMap<Page, Promise<string>>();
    const watch = (target: Page) => {
      target.on("load", () => visited.add(pageKey(target.url())));
      target.on("response", (response) => {
        const request = response.request();
        const isDocument = request.isNavigationRequest() && request.frame() === target.mainFrame();
        if (isDocument && (response.status() < 300 || response.status() >= 400)) {
          documents.set(target, response.text());
        }
      });
    };
    watch(page);
    page.context().on("page", watch);

    await use(async (target = page) => {
      await target.waitForLoadState("load");
      const html = documents.get(target);
      const results =
        javaScriptEnabled === false && html
          ? await analyzeServerDocument(browser, target.url(), await html)
          : await new AxeBuilder({ page: target }).withTags(AXE_TAGS).analyze();
      const summary = results.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
      );
      expect(summary, `axe violations on ${target.url()}`).toEqual([]);
      scanned.add(pageKey(target.url()));
    });

    if (testInfo.status === testInfo.expectedStatus) {
      const unscanned = [...visited].filter((url) => !scanned.has(url));
      expect(unscanned, "pages visited without an axe scan").toEqual([]);
    }
  },
});

export { expect };

import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

function pageKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

type Fixtures = {
  /** Runs axe (WCAG 2 A/AA) on the current page and fails on any violation. */
  scan: (page?: Page) => Promise<void>;
};

/**
 * Every page a journey visits must pass axe: the fixture records each loaded document and, when the
 * test ends, fails if one of them was never scanned.
 */
export const test = base.extend<Fixtures>({
  scan: async ({ page }, use, testInfo) => {
    const visited = new Set<string>();
    const scanned = new Set<string>();
    const record = (target: Page) => target.on("load", () => visited.add(pageKey(target.url())));
    record(page);
    page.context().on("page", record);

    await use(async (target = page) => {
      await target.waitForLoadState("load");
      const results = await new AxeBuilder({ page: target })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      const summary = results.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
      );
      expect(summary, `axe violations on ${target.url()}`).toEqual([]);
      scanned.add(pageKey(target.url()));
    });

    if (testInfo.status === testInfo.expectedStatus) {
      const unscanned = [...visited].filter((url) => !scanned.has(url) && url !== "blank");
      expect(unscanned, "pages visited without an axe scan").toEqual([]);
    }
  },
});

export { expect };

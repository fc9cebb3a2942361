import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page, type Request } from "@playwright/test";
import { e2eUrls } from "../../playwright.config";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

function pageKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * axe in "legacy" mode runs `axe.run` inside the page. The default mode runs `axe.runPartial`
 * and then opens a new blank page in the test's context to merge the results, injecting axe's
 * 500 kB again each time — seconds of CPU per scan, for nothing: our pages have no frames (the
 * cross-origin frames that legacy mode skips are the only difference).
 */
const axe = (page: Page) => new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode();

/**
 * axe runs inside the page, which a JavaScript-off page forbids. The document such a page shows is
 * exactly what the server sent, so it is replayed, scripts (and their preload links, which only
 * fetch code that would not run) removed, in a scratch JavaScript-on page
 * at the same address (same CSS, same URL), and scanned there. One scratch page serves a whole
 * worker: a browser context per scan cost more than the scan of a small page.
 */
class ServerDocumentScanner {
  private page: Promise<Page> | null = null;
  private replay: { url: string; html: string } | null = null;

  constructor(private readonly open: () => Promise<Page>) {}

  private mirror(): Promise<Page> {
    this.page ??= this.open().then(async (page) => {
      await page.route(
        (url) => this.replay !== null && url.href === this.replay.url,
        (route, request: Request) =>
          request.isNavigationRequest() && this.replay
            ? route.fulfill({
                status: 200,
                contentType: "text/html; charset=utf-8",
                body: this.replay.html
                  .replace(/<script\b[\s\S]*?<\/script>/gi, "")
                  .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, ""),
              })
            : route.fallback(),
      );
      return page;
    });
    return this.page;
  }

  async analyze(url: string, html: string) {
    const page = await this.mirror();
    const address = new URL(url);
    address.hash = "";
    // Same address but for the fragment would only scroll the document already shown.
    if (page.url() !== "about:blank" && pageKey(page.url()) === pageKey(url)) await page.goto("about:blank");
    this.replay = { url: address.href, html };
    try {
      await page.goto(url);
      return await axe(page).analyze();
    } finally {
      this.replay = null;
    }
  }
}

type Fixtures = {
  /** Runs axe (WCAG 2 A/AA) on the current page and fails on any violation. */
  scan: (page?: Page) => Promise<void>;
};

type WorkerFixtures = {
  serverDocumentScanner: ServerDocumentScanner;
  /**
   * Signs in once per worker and keeps the cookies in a file, for tests that need to be signed in
   * but do not test signing in (staff pages, when they come). A spec uses it as:
   *
   *   test.use({ storageState: async ({ signedInState }, use) => use(await signedInState("coordinator", signIn)) });
   *
   * where `signIn(page)` goes through the real sign-in form. Each worker signs in its own account
   * (pass `workerIndex` into the account's email) if the tests change what that account holds.
   */
  signedInState: (account: string, signIn: (page: Page) => Promise<void>) => Promise<string>;
};

/**
 * Every page a journey visits must pass axe: the fixture records each loaded document and, when the
 * test ends, fails if one of them was never scanned.
 */
export const test = base.extend<Fixtures, WorkerFixtures>({
  serverDocumentScanner: [
    async ({ browser }, use) => {
      const context = await browser.newContext({ javaScriptEnabled: true });
      await use(new ServerDocumentScanner(() => context.newPage()));
      await context.close();
    },
    { scope: "worker" },
  ],

  signedInState: [
    async ({ browser }, use, workerInfo) => {
      const states = new Map<string, Promise<string>>();
      await use((account, signIn) => {
        let state = states.get(account);
        if (!state) {
          const file = path.join(workerInfo.project.outputDir, ".auth", `${account}-${workerInfo.workerIndex}.json`);
          state = (async () => {
            // The project's language and time zone, as the tests' own contexts have them.
            const { locale, timezoneId } = workerInfo.project.use;
            const context = await browser.newContext({ baseURL: e2eUrls.app, locale, timezoneId });
            try {
              await signIn(await context.newPage());
              await context.storageState({ path: file });
              return file;
            } finally {
              await context.close();
            }
          })();
          states.set(account, state);
        }
        return state;
      });
    },
    { scope: "worker" },
  ],

  scan: async ({ page, serverDocumentScanner, javaScriptEnabled }, use, testInfo) => {
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
          ? await serverDocumentScanner.analyze(target.url(), await html)
          : await axe(target).analyze();
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

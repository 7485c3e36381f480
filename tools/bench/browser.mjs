// Headless Chromium as the end-to-end tests launch it, and cold page loads timed from
// inside the page.
import { chromium } from '@playwright/test';
import { launchOptions } from '../chromium.mjs';

export const launchBrowser = () => chromium.launch(launchOptions);

// Told through the console: waiting on the page any other way (waitForFunction) would
// inject Playwright's scripts into it mid-load, costing the page main-thread time.
const PAINTED = 'storyline-bench: facts painted';
const LIVE = 'storyline-bench: live';

/**
 * Runs in the page before any of its own scripts (and before the HTML is parsed), so the
 * app and the static rendition are timed by the same code: `facts` is when `expected`
 * `li.fact` elements are first in the document, `painted` the end of the frame after,
 * `live` when the app has started on the page (src/mount/live.rs marks <html>), and
 * `layoutShift` the layout shift so far, summed as Cumulative Layout Shift sums it.
 */
function startFactsClock({ expected, painted, live }) {
  const marks = { layoutShift: 0 };
  window.__bench = marks;
  addEventListener('TrunkApplicationStarted', () => {
    marks.appStarted = performance.now();
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) marks.layoutShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const afterFrame = (then) => requestAnimationFrame(() => setTimeout(then));
  const observer = new MutationObserver(() => {
    if (marks.facts === undefined && document.querySelectorAll('li.fact').length >= expected) {
      marks.facts = performance.now();
      afterFrame(() => {
        marks.painted = performance.now();
        console.debug(painted);
      });
    }
    if (marks.live === undefined && document.documentElement?.hasAttribute('data-storyline-live')) {
      marks.live = performance.now();
      afterFrame(() => console.debug(live));
    }
    if (marks.facts !== undefined && marks.live !== undefined) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-storyline-live'] });
}

/** The clock's marks plus when the document and each resource finished arriving, in ms. */
export const pageTimings = (page) =>
  page.evaluate(() => ({
    ...window.__bench,
    document: performance.getEntriesByType('navigation')[0].responseEnd,
    resources: performance.getEntriesByType('resource').map((entry) => ({
      path: new URL(entry.name).pathname,
      start: entry.startTime,
      end: entry.responseEnd,
      // As sent, compressed: what the reader downloads.
      bytes: entry.encodedBodySize,
    })),
  }));

const clock = (facts) => ({ expected: facts, painted: PAINTED, live: LIVE });

/**
 * Does `action`, then waits for the page's clock to report the facts painted and, when
 * `live`, the app started.
 */
async function untilFactsPainted(page, action, failure, live = false) {
  const reported = (text) => page.waitForEvent('console', { predicate: (message) => message.text() === text, timeout: 60_000 });
  const signals = live ? [reported(PAINTED), reported(LIVE)] : [reported(PAINTED)];
  await Promise.all([...signals, action()]).catch((error) => {
    throw new Error(`${failure}: ${error.message}`);
  });
}

/**
 * Loads `url` in a fresh browser context (empty cache, no compiled-wasm cache) with the
 * CPU slowed `cpuRate` times, waits for `facts` facts to be painted (and, with `live`, the
 * app to start), then hands the page to `inspect` before the context is thrown away.
 */
export async function coldLoad(browser, url, { facts, cpuRate = 1, live = false }, inspect = pageTimings) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (cpuRate !== 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    }
    await page.addInitScript(startFactsClock, clock(facts));
    await untilFactsPainted(
      page,
      () => page.goto(url, { waitUntil: 'commit' }),
      `${url}: ${facts} facts never painted${live ? ', or the app never started' : ''}`,
      live,
    );
    return await inspect(page);
  } finally {
    await context.close();
  }
}

/** Follows a link the way a reader would: an anchor in the page, clicked. */
function followLink(path) {
  const link = document.createElement('a');
  link.href = path;
  document.body.append(link);
  link.click();
}

/**
 * Opens the app at `startUrl` in a fresh browser context and, once it is running and idle,
 * follows a link to `path`, which the app's router shows without loading a page. Waits
 * for `facts` facts to be painted, then hands the page to `inspect`.
 */
export async function inAppNavigation(browser, startUrl, path, { facts }, inspect = pageTimings) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(startUrl, { waitUntil: 'networkidle' });
    await page.evaluate(startFactsClock, clock(facts));
    // A page load instead of the router would start a new document without the clock.
    await untilFactsPainted(
      page,
      () => page.evaluate(followLink, path),
      `${path}: ${facts} facts never painted after following a link from ${startUrl}`,
    );
    return await inspect(page);
  } finally {
    await context.close();
  }
}

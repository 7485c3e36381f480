// How a story page the app draws loads (a story with no page of its own): the app shell
// asks for the story (and then its image) while the wasm is still on its way, and the app
// uses those answers rather than asking again.
import { LATE_PICTURED_SLUG, expect, loadFixture, rewriteAppPages, story, test } from './support.mjs';

const pictured = loadFixture(LATE_PICTURED_SLUG);
const STORY_JSON = `/stories/${LATE_PICTURED_SLUG}.json`;

/** Every request the page makes for `path`, counted from now on. */
function countRequests(page, path) {
  const seen = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === path) seen.push(request);
  });
  return seen;
}

test('the story is asked for once, before the app has started', async ({ page }) => {
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', () => {
      window.appStartedAt = performance.now();
    });
  });
  const storyRequests = countRequests(page, STORY_JSON);
  const imageRequests = countRequests(page, `/stories/${pictured.image.src}`);

  await page.goto(story(LATE_PICTURED_SLUG));
  await expect(page.locator('li.fact')).toHaveCount(pictured.facts.length);
  await expect(page.locator('figure.story-image img')).toHaveJSProperty('complete', true);

  expect(storyRequests).toHaveLength(1);
  expect(imageRequests, 'the preload and the <img> share one request').toHaveLength(1);
  const { requestedAt, startedAt } = await page.evaluate((path) => ({
    requestedAt: performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === path)
      .startTime,
    startedAt: window.appStartedAt,
  }), STORY_JSON);
  expect(requestedAt).toBeLessThan(startedAt);
  await expect(page.locator('head link[rel="preload"][as="image"]')).toHaveAttribute(
    'href',
    new URL(`/stories/${pictured.image.src}`, page.url()).href,
  );
});

test('the header painted before the app starts is replaced, not doubled', async ({ page }) => {
  await page.goto(story(LATE_PICTURED_SLUG));
  await expect(page.locator('li.fact')).toHaveCount(pictured.facts.length);
  await expect(page.locator('header.site-header')).toHaveCount(1);
  await expect(page.locator('#storyline-boot')).toHaveCount(0);
});

test('a failed early request is reported by the app alone, and Try again asks afresh', async ({ page }) => {
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  let refuse = true;
  await page.route(`**${STORY_JSON}`, (route) => (refuse ? route.abort('connectionrefused') : route.continue()));
  const storyRequests = countRequests(page, STORY_JSON);

  await page.goto(story(LATE_PICTURED_SLUG));
  await expect(page.locator('div.load-error h1')).toHaveText('The story could not be loaded');
  // Chromium logs the refused request itself; nothing else may be logged.
  expect(problems.filter((text) => !text.includes('net::ERR_'))).toEqual([]);

  refuse = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('li.fact')).toHaveCount(pictured.facts.length);
  expect(storyRequests).toHaveLength(2);
});

test('a page whose early request is for another URL still shows its story', async ({ page }) => {
  // As if index.html and the app disagreed on the data base: the app must not use an
  // answer for another URL, and must fetch its own.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'storylineStoryPrefetch', {
      configurable: true,
      get: () => ({ url: 'https://elsewhere.example/stories/x.json', response: new Promise(() => {}) }),
      set: () => {},
    });
  });
  await page.goto(story(LATE_PICTURED_SLUG));
  await expect(page.locator('li.fact')).toHaveCount(pictured.facts.length);
});

test('a story that does not arrive within the timeout is abandoned, and Try again asks afresh', async ({ page }) => {
  // A publisher shortens the wait in index.html, as with every other setting.
  await rewriteAppPages(page, (html) =>
    html.replace('</head>', '<meta name="storyline-story-timeout" content="1"></head>'),
  );
  // The first answer is held until the page has given up on it, however late the app
  // starts (its clock runs from then); every later one goes through.
  let stall = true;
  let release;
  const gaveUp = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(`**${STORY_JSON}`, async (route) => {
    if (!stall) return route.continue();
    await gaveUp;
    await route.continue().catch(() => {});
  });

  await page.goto(story(LATE_PICTURED_SLUG));
  const error = page.locator('div.load-error[role="alert"]');
  await expect(error.locator('h1')).toHaveText('The story could not be loaded');
  await expect(error).toContainText('The story server did not answer within 1 second. Check your connection and try again.');

  stall = false;
  release();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('li.fact')).toHaveCount(pictured.facts.length);
});

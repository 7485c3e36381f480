// Hostile story data drawn by the app: every payload of the corpus (see hostile.mjs) in
// every string field of an otherwise valid story, which is served from a route (so the
// corpus stays one data file) and opened in the app and, for the nastiest, in a widget.
import { test, expect } from '@playwright/test';
import { armTraps, cleaned, compare, corpus, expand, expectNothingRan, hostileStory, inspect, openCitations, shownTitle } from './hostile.mjs';
import { APP_ORIGIN, HOST_ORIGIN, documentTitle } from './support.mjs';

const APP = `${APP_ORIGIN}/`;
const HOST_PAGE = `${HOST_ORIGIN}/embed-demo.html`;

/** Answers /stories/<slug>.json with `story`, readable from any origin as the real ones are. */
async function serveStories(page, stories) {
  await page.route('**/stories/xss-*.json', (route) => {
    const slug = new URL(route.request().url()).pathname.replace(/^\/stories\/|\.json$/g, '');
    const story = stories.get(slug);
    if (!story) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({
      status: 200,
      contentType: 'application/json; charset=utf-8',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: JSON.stringify(story),
    });
  });
}

const stories = new Map(
  corpus.map((entry, index) => [`xss-${index + 1}`, hostileStory(`xss-${index + 1}`, expand(entry))]),
);

// Declared first so that it runs beside the corpus rather than after it. The embed has no
// CSP of its own (the host page decides one), and it mounts in shadow roots.
const NASTIEST = [
  'script-plain',
  'img-onerror',
  'attr-double-quote',
  'js-url-tab',
  'data-text-html',
  'svg-foreignobject-iframe',
  'math-mglyph-style',
  'polyglot-url-and-markup',
  'rtl-override-markup',
];

test('widgets on a publisher page render the nastiest payloads as text', async ({ page }) => {
  const chosen = NASTIEST.map((name) => {
    const index = corpus.findIndex((entry) => entry.name === name);
    expect(index, `${name} is in the corpus`).toBeGreaterThanOrEqual(0);
    return { slug: `xss-${index + 1}`, host: `xss-widget-${index + 1}`, payload: cleaned(expand(corpus[index])) };
  });
  const hits = await armTraps(page);
  await serveStories(page, stories);
  await page.goto(HOST_PAGE);
  const hostTitle = await page.title();

  await page.evaluate(({ chosen, app }) => {
    for (const { slug, host } of chosen) {
      const element = document.createElement('div');
      element.id = host;
      element.dataset.storylineStory = `${app}stories/${slug}.json`;
      document.querySelector('main').append(element);
    }
  }, { chosen, app: APP });
  for (const { host } of chosen) {
    const widget = page.locator(`#${host}`);
    await expect(widget.locator('h1.story-title')).toHaveCount(1);
    await openCitations(page, widget, chosen.filter((c) => c.host === host), APP);
  }

  expect(await page.evaluate(inspect, { expected: chosen, appOrigin: APP })).toEqual([]);
  expect(page.url()).toBe(HOST_PAGE);
  await expect(page).toHaveTitle(hostTitle);
  expectNothingRan(hits);
});

const withSharedPage = test.extend({
  // One page per worker, moving from story to story inside the app as a reader would:
  // loading and compiling the wasm again for each of a hundred payloads would take minutes.
  // The release build's Content-Security-Policy would stop an injected inline script
  // before the trap saw it; bypassing it tests that the app never makes markup at all.
  reader: [
    async ({ browser }, use) => {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      const hits = await armTraps(page);
      await serveStories(page, stories);
      await use({ page, hits });
      await context.close();
    },
    { scope: 'worker' },
  ],
});

withSharedPage.describe('hostile text in every field of a story', () => {
  corpus.forEach((entry, index) => {
    const slug = `xss-${index + 1}`;
    // The raw payload is in the story; readers are shown it as the app reads it.
    const payload = cleaned(expand(entry));
    withSharedPage(`${entry.category}: ${entry.name}`, async ({ reader: { page, hits } }) => {
      // Whatever a payload ran would be named in the report (each calls __xss with its
      // name), so one reported late, during the next payload's test, is still traced.
      for (const list of Object.values(hits)) list.length = 0;
      const path = `/stories/${slug}`;
      if (page.url().startsWith(APP)) {
        await page.evaluate((path) => {
          history.pushState(null, '', path);
          dispatchEvent(new PopStateEvent('popstate'));
        }, path);
      } else {
        await page.goto(`${APP}${path.slice(1)}`);
      }
      await expect(page.locator(`article.story a[href="/stories/related-to-${slug}"]`)).toHaveCount(1);
      await expect(page.locator('#fact-1 .citation')).toHaveCount(3);

      const expected = [{ slug, payload }];
      await openCitations(page, page, expected, APP);
      expect(await page.evaluate(inspect, { expected, appOrigin: APP })).toEqual([]);

      // Title and description are set from strings, never parsed.
      const head = await page.evaluate(() => ({
        titles: [...document.querySelectorAll('title')].map((title) => title.textContent),
        documentTitle: document.title,
        descriptions: [...document.querySelectorAll('meta[name="description"]')].map((meta) => meta.content),
      }));
      expect(head.titles).toHaveLength(1);
      expect(compare(head.titles[0], documentTitle(payload)), 'the <title> text').toBe('same');
      expect(compare(head.documentTitle, shownTitle(documentTitle(payload))), 'document.title').toBe('same');
      expect(head.descriptions).toHaveLength(1);
      expect(compare(head.descriptions[0], payload), 'the meta description').toBe('same');

      expect(new URL(page.url()).pathname, 'no navigation away').toBe(path);
      expectNothingRan(hits);
    });
  });
});

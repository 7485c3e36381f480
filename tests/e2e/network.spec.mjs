// Failing networks on the first load of a story page, over real sockets: a body that
// stalls, a body cut short, and a reader who is offline when the story is asked for. Each
// ends in a message that says what happened, and Try again then shows the story.
import { FAULTY_STORY_URL, LATE_SLUG, addMetaTags, documentTitle, expect, loadFixture, story, test } from './support.mjs';

// A story the app draws (the build has no page for it), without images: the test build's
// img-src does not name the faulty server.
const sample = loadFixture(LATE_SLUG);
const COULD_NOT_LOAD = 'The story could not be loaded';

/** Stories from the faulty story server (tools/faulty-story-server.mjs), first answer faulted. */
async function storiesWith(page, fault, testInfo, settings = {}) {
  const key = `${testInfo.testId}-${testInfo.retry}`;
  await addMetaTags(page, { 'storyline-data-base': `${FAULTY_STORY_URL}/${fault}/${key}`, ...settings });
}

async function expectRecovery(page) {
  const retry = page.getByRole('button', { name: 'Try again' });
  await retry.click();
  await expect(page.locator('h1.story-title')).toHaveText(sample.title);
  await expect(page.locator('li.fact')).toHaveCount(sample.facts.length);
  await expect(page.locator('div.load-error')).toHaveCount(0);
}

test('a story body that stops half-way is abandoned at the timeout', async ({ page }, testInfo) => {
  await storiesWith(page, 'stall', testInfo, { 'storyline-story-timeout': '2' });
  await page.goto(story(LATE_SLUG));
  const error = page.locator('div.load-error[role="alert"]');
  await expect(error.locator('h1')).toHaveText(COULD_NOT_LOAD);
  await expect(error).toContainText('The story server did not answer within 2 seconds. Check your connection and try again.');
  await expect(page).toHaveTitle(documentTitle(COULD_NOT_LOAD));
  await expectRecovery(page);
});

test('a story body cut short by a closed connection is a network failure, not bad data', async ({ page }, testInfo) => {
  await storiesWith(page, 'truncate', testInfo);
  await page.goto(story(LATE_SLUG));
  const error = page.locator('div.load-error[role="alert"]');
  await expect(error.locator('h1')).toHaveText(COULD_NOT_LOAD);
  await expect(error).toContainText('because the network request failed');
  await expect(error).toContainText('Check your connection and try again.');
  await expectRecovery(page);
});

test('a reader offline when the story is asked for can try again once back online', async ({ page, context }) => {
  // The app itself loads; the connection drops while the story is on its way.
  let held;
  const storyRequested = new Promise((resolve) => {
    page.route(`**/stories/${LATE_SLUG}.json`, (route) => {
      if (held) return route.continue();
      held = route;
      resolve();
    });
  });
  await page.goto(story(LATE_SLUG));
  await storyRequested;
  await expect(page.getByRole('status').filter({ hasText: 'Loading story…' })).toBeAttached();
  await context.setOffline(true);
  await held.continue().catch(() => {});

  const error = page.locator('div.load-error[role="alert"]');
  await expect(error.locator('h1')).toHaveText(COULD_NOT_LOAD);
  await expect(error).toContainText('Check your connection and try again.');
  await context.setOffline(false);
  await expectRecovery(page);
});

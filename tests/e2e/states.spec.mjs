// What readers see when something is missing, broken or hostile, and while a story loads.
// The edge-case stories live in tests/fixtures/stories/ and are served at /stories/<name>.json.
import { LATE_PICTURED_SLUG, LATE_SLUG, documentTitle, expect, loadFixture, loadIndex, story, test } from './support.mjs';

const late = loadFixture(LATE_SLUG);
const pictured = loadFixture(LATE_PICTURED_SLUG);

test.describe('missing pages', () => {
  test('an unknown route shows "Page not found" with a way home', async ({ page }) => {
    await page.goto('/no/such/page');
    await expect(page.locator('h1')).toHaveText('Page not found');
    await expect(page).toHaveTitle(documentTitle('Page not found'));
    await expect(page.locator('main')).toContainText('There is nothing at this address.');

    await page.getByRole('link', { name: 'Back to all stories' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.locator('h1')).toHaveText('Stories');
    await expect(page.locator('ul.story-index li.story-summary')).toHaveCount(loadIndex().stories.length);
  });

  test('an unknown story shows "Story not found" with a way home and no retry', async ({ page }) => {
    await page.goto(story('no-such-story'));
    const error = page.locator('div.load-error');
    await expect(error.locator('h1')).toHaveText('Story not found');
    await expect(error).toContainText('There is no story at this address.');
    await expect(page).toHaveTitle(documentTitle('Story not found'));
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    await expect(page.locator('h1.story-title')).toHaveCount(0);

    await error.getByRole('link', { name: 'Back to all stories' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.locator('h1')).toHaveText('Stories');
  });
});

test.describe('stories that cannot be read', () => {
  const cases = [
    { fixture: 'malformed-json', problem: /not valid JSON \(EOF while parsing/ },
    { fixture: 'missing-title', problem: 'The story data is not valid: missing field `title`.' },
    { fixture: 'missing-fact-text', problem: 'facts[1]: missing field `text`' },
    { fixture: 'wrong-type', problem: 'predictions[0].probability: invalid type: string "0.5", expected f64' },
    { fixture: 'array-story', problem: 'expected an object, found a list' },
  ];
  for (const { fixture, problem } of cases) {
    test(`${fixture}.json names the problem`, async ({ page }) => {
      await page.goto(story(fixture));
      const error = page.locator('div.load-error[role="alert"]');
      await expect(error.locator('h1')).toHaveText('This story cannot be shown');
      await expect(error.locator('p').first()).toContainText(problem);
      await expect(page).toHaveTitle(documentTitle('This story cannot be shown'));
      // Retrying cannot fix a broken file.
      await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
      await expect(error.getByRole('link', { name: 'Back to all stories' })).toHaveAttribute('href', '/');
      await expect(page.locator('article.story')).toHaveCount(0);
    });
  }
});

test('a citation of an unknown source is marked and the rest of the story renders', async ({ page }) => {
  await page.goto(story('dangling-citation'));
  await expect(page.locator('h1.story-title')).toHaveText('A Story Citing a Source It Does Not List');
  await expect(page.locator('li.fact span.fact-text')).toHaveText([
    'The first fact cites a listed source.',
    'The second fact cites one listed source and one that is not listed.',
    'The third fact cites the other listed source.',
  ]);
  await expect(page.locator('li.source .source-entry')).toHaveText(['[1] Associated Press', '[2] Reuters']);

  const second = page.locator('li.fact#fact-2');
  await expect(second.locator('a.citation')).toHaveText(['[1]']);
  // The missing source stays visible as a marked, disabled citation that says why.
  const marker = second.locator('button.citation-missing');
  await expect(marker).toHaveText('[?]');
  await expect(marker).toHaveAttribute('aria-disabled', 'true');
  await expect(marker).toHaveAccessibleDescription('Source missing: facts[1].sources[1]: unknown source "ap2"');
  await expect(second.locator('.citation-problem')).toBeVisible();
  await expect(page.locator('.citation-missing')).toHaveCount(1);
  await expect(page.locator('li.fact#fact-3 .citation')).toHaveText(['[2]']);
  await expect(page.locator('li.fact#fact-3 .citation')).toHaveAttribute('aria-label', 'Source 2: Reuters');
});

test('unsafe URLs become text and markup in a fact stays text', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.goto(story('unsafe-links'));
  await expect(page.locator('h1.story-title')).toHaveText('A Story With Unsafe Links');

  // The markup is shown literally and no element was made from it.
  await expect(page.locator('#fact-1 span.fact-text')).toHaveText(
    'This fact contains markup: <img src=x onerror=alert(1)> and must show it as text.',
  );
  expect(await page.locator('#fact-1 span.fact-text').textContent()).toContain('<img src=x onerror=alert(1)>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('#fact-1 span.fact-text > *')).toHaveCount(0);

  // The outlets and credit are shown, as text rather than links.
  await expect(page.locator('#source-1 .source-entry')).toHaveText('[1] Outlet With A JavaScript Link');
  await expect(page.locator('#source-1 .source-entry a')).toHaveCount(0);
  await expect(page.locator('#source-2 .source-entry a')).toHaveAttribute('href', 'https://safe.example.com/article');
  await expect(page.locator('p.narrative-provider')).toHaveText('as provided by Narrator With A Data Link');
  await expect(page.locator('p.narrative-provider a')).toHaveCount(0);
  await expect(page.locator('figcaption.image-credit')).toHaveText('Image credit: Credit With A VBScript Link');
  await expect(page.locator('figcaption.image-credit a')).toHaveCount(0);

  // No link anywhere on the page leads anywhere but http(s).
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  const links = await page.locator('a[href]').evaluateAll((anchors) =>
    anchors.map((a) => ({ raw: a.getAttribute('href'), protocol: a.protocol })),
  );
  expect(links.length).toBeGreaterThan(0);
  const unsafe = links.filter(({ protocol }) => protocol !== 'http:' && protocol !== 'https:');
  expect(unsafe, 'links with a non-http(s) target').toEqual([]);

  // Give anything injected the chance to run before checking that nothing did.
  await page.locator('#source-1').click();
  await page.locator('figcaption.image-credit').click();
  await page.locator('p.narrative-provider').click();
  expect(dialogs, 'dialogs opened by story content').toEqual([]);
});

test('a network failure offers "Try again", which loads the story once back online', async ({ page, context }) => {
  // A story the app draws, linking to another it draws too: moving to that one is the
  // app's own request, made while offline.
  await page.goto(story(LATE_SLUG));
  const link = page.locator('li.related-story a', { hasText: pictured.title });
  await expect(link).toBeVisible();

  await context.setOffline(true);
  await link.click();
  const error = page.locator('div.load-error[role="alert"]');
  await expect(error.locator('h1')).toHaveText('The story could not be loaded');
  await expect(error).toContainText('Check your connection and try again.');
  await expect(page).toHaveTitle(documentTitle('The story could not be loaded'));
  const retry = page.getByRole('button', { name: 'Try again' });
  await expect(retry).toBeVisible();

  await context.setOffline(false);
  await retry.click();
  await expect(page.locator('h1.story-title')).toHaveText(pictured.title);
  await expect(page.locator('li.fact')).toHaveCount(pictured.facts.length);
  await expect(page.locator('div.load-error')).toHaveCount(0);
  await expect(page).toHaveTitle(documentTitle(pictured.title));
});

test('a loading skeleton is shown while the story loads', async ({ page }) => {
  // The story is held until the test has seen the skeleton, however late the app starts.
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(`**/stories/${LATE_SLUG}.json`, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(story(LATE_SLUG), { waitUntil: 'commit' });

  const skeleton = page.locator('.skeleton');
  await expect(skeleton).toBeVisible();
  await expect(skeleton).toHaveAttribute('aria-busy', 'true');
  await expect(skeleton.getByRole('status')).toHaveText('Loading story…');
  await expect(page.locator('h1.story-title')).toHaveCount(0);

  release();
  await expect(page.locator('h1.story-title')).toHaveText(late.title);
  await expect(skeleton).toHaveCount(0);
});

// Malformed and hostile story files drawn by the app (the table is malformed-cases.mjs).
// Story JSON is untrusted input: whatever arrives, the reader must get either a clear
// message naming the problem or the readable part of the story, never a panic, a blank
// page or a frozen tab. Built bodies are answered through page.route.
import { CASES, MANY_SHORT_FACTS, baseStory, caseBody, json, manyShortFacts } from './malformed-cases.mjs';
import { documentTitle, expect, story, test } from './support.mjs';

// Once the article or the message is on screen the page is complete: what is wrong by
// then stays wrong, and waiting the default 10 s for it only slows the report.
const settled = expect.configure({ timeout: 3_000 });


/** Console messages that are not the app's: the browser's own notes on preload hints. */
const isBrowserNoise = (message) =>
  message.type() !== 'error' || message.text().startsWith('Failed to load resource');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

for (const testCase of CASES) {
  test(`${testCase.name}: ${testCase.story ? 'the readable part is shown' : 'a clear message'}`, async ({ page }) => {
    const budget = testCase.budget ?? 10_000;
    test.setTimeout(budget + (testCase.slow ?? 20_000));
    const slug = testCase.fixture ?? testCase.slug;

    if (testCase.fileStartsWith) {
      // An editor that strips the mark would quietly turn this case into a plain story.
      const bytes = caseBody(testCase);
      expect([...bytes.subarray(0, testCase.fileStartsWith.length)], 'the fixture still starts with the bytes under test').toEqual(testCase.fileStartsWith);
    }
    if (testCase.body) {
      const body = caseBody(testCase);
      await page.route(`**/stories/${slug}.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    }

    // A Rust panic surfaces as a page error ("unreachable", RuntimeError) and, through the
    // panic hook, as a console error.
    const pageErrors = [];
    const consoleErrors = [];
    const problems = [];
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'warning' && message.text().startsWith('story ')) problems.push(message.text());
      else if (!isBrowserNoise(message)) consoleErrors.push(message.text());
    });

    await page.goto(story(slug));
    const main = page.locator('main');
    const outcome = page.locator('main div.load-error, main article.story');
    await expect(outcome, `the story or a message within ${budget / 1000} s`).toBeVisible({ timeout: budget });

    if (testCase.story) {
      await expectStory(page, testCase.story, slug, problems);
    } else {
      const error = page.locator('div.load-error[role="alert"]');
      await settled(error.locator('h1')).toHaveText(testCase.heading);
      await settled(error.locator('p').first()).toContainText(testCase.message);
      await settled(page).toHaveTitle(documentTitle(testCase.heading));
      // Fetching the same broken file again cannot help.
      await settled(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
      await settled(error.getByRole('link', { name: 'Back to all stories' })).toHaveAttribute('href', '/');
      await settled(page.locator('article.story')).toHaveCount(0);
      expect(problems, 'problems reported for a story that was not shown').toEqual([]);
    }

    await settled(main).toBeVisible();
    expect((await main.innerText()).trim().length, 'visible text in main').toBeGreaterThan(0);
    expect(pageErrors, 'page errors (a panic shows as RuntimeError: unreachable)').toEqual([]);
    expect(consoleErrors, 'console errors').toEqual([]);
  });
}

async function expectStory(page, expected, slug, problems) {
  const title = page.locator('h1.story-title');
  if (expected.title.length > 10_000) {
    // Compared in the page, for a title of one repeated character: a 10 MB expected text
    // would cross the wire on every retry.
    await settled(title).toBeVisible();
    const same = await page.evaluate(
      ({ char, length, suffix }) => {
        const expected = char.repeat(length);
        return document.querySelector('h1.story-title').textContent === expected && document.title === expected + suffix;
      },
      { char: expected.title[0], length: expected.title.length, suffix: documentTitle('') },
    );
    expect(same, 'the whole title is shown, and is the document title').toBe(true);
  } else {
    await settled(title).toHaveText(expected.title);
    await settled(page).toHaveTitle(documentTitle(expected.title));
  }
  await settled(page.locator('div.load-error')).toHaveCount(0);

  const facts = page.locator('li.fact span.fact-text');
  // Facts after the first batch keep arriving after the headline.
  if (typeof expected.facts === 'number') await expect(facts).toHaveCount(expected.facts, { timeout: 15_000 });
  else await settled(facts).toHaveText(expected.facts);
  // A story without facts leaves the section out rather than showing an empty heading.
  await settled(page.locator('ul.fact-list')).toHaveCount(expected.facts === 0 || expected.facts.length === 0 ? 0 : 1);

  for (const [number, buttons] of Object.entries(expected.citations ?? {})) {
    await settled(page.locator(`li.fact#fact-${number} .citation`)).toHaveText(buttons);
  }
  for (const [number, labels] of Object.entries(expected.citedOutlets ?? {})) {
    const cited = page.locator(`li.fact#fact-${number} a.citation`);
    await settled(cited).toHaveCount(labels.length);
    for (const [i, label] of labels.entries()) await settled(cited.nth(i)).toHaveAttribute('aria-label', label);
  }
  const missing = expected.missing ?? [];
  await settled(page.locator('button.citation-missing')).toHaveCount(missing.length);
  if (missing.length) {
    await settled(page.locator('button.citation-missing')).toHaveText(missing.map(() => '[?]'));
    for (const marker of await page.locator('button.citation-missing').all()) {
      await settled(marker).toHaveAttribute('aria-disabled', 'true');
    }
    await settled(page.locator('.citation-problem')).toHaveText(missing.map((reason) => `Source missing: ${reason}`));
  }

  if (expected.sources) {
    await settled(page.locator('li.source .source-entry')).toHaveText(expected.sources);
    await settled(page.locator('ol.source-list')).toHaveCount(expected.sources.length ? 1 : 0);
  }
  for (const [i, note] of (expected.sourceNotes ?? []).entries()) {
    await settled(page.locator('li.source').nth(i)).toContainText(note);
  }
  if (expected.narratives) await settled(page.locator('.narrative-heading')).toHaveText(expected.narratives);
  if (expected.predictions) {
    await settled(page.locator('li.prediction .prediction-question')).toHaveText(expected.predictions);
    await settled(page.locator('ul.prediction-list')).toHaveCount(expected.predictions.length ? 1 : 0);
  }
  if (expected.dateline) await settled(page.locator('header.story-header p.byline')).toHaveText(expected.dateline);
  if (expected.images !== undefined) await settled(page.locator('article.story img')).toHaveCount(expected.images);
  if (expected.related) {
    await settled(page.locator('li.related-story')).toHaveText(expected.related);
    const hrefs = await page.locator('li.related-story a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expected.relatedLinks);
  }

  // The rest of the story is readable; what was wrong is reported with its path.
  const reported = (expected.problems ?? []).map((problem) => `story ${slug}: ${problem}`);
  await settled.poll(() => problems, { message: 'problems reported in the console' }).toEqual(reported);

  if (expected.factLink) {
    await page.getByRole('button', { name: 'Copy link to fact 1' }).click();
    await settled(page.locator('p.copy-status')).toHaveText('Link to fact 1 copied.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.slice(0, 200), 'Copy link leads back to the story being read').toBe(new URL(`${story(slug)}#fact-1`, page.url()).href);
  }
}

test(`10 MB of facts: ${MANY_SHORT_FACTS.toLocaleString('en')} short facts arrive in batches while the page stays usable`, async ({ page }) => {
  // Building a fact costs about a millisecond, so the whole list takes minutes: the test
  // is that the reader can read and act long before then, not that it ever finishes.
  test.setTimeout(40_000);
  const slug = 'bad-many-facts';
  const body = json(baseStory(slug, 'A Story With Very Many Facts', { facts: manyShortFacts() }));
  await page.route(`**/stories/${slug}.json`, (route) => route.fulfill({ contentType: 'application/json', body }));
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));

  await page.goto(story(slug));
  await expect(page.locator('h1.story-title')).toHaveText('A Story With Very Many Facts', { timeout: 15_000 });
  const facts = page.locator('li.fact');
  await expect(facts.first()).toContainText('Fact 1: x');
  const pending = page.locator('.facts-pending');
  const grouped = (n) => n.toLocaleString('en');
  await expect(pending).toContainText(new RegExp(`^Showing [\\d,]+ of ${grouped(MANY_SHORT_FACTS)} facts; the rest are on their way\\.$`));

  // A citation answers within a second while later facts are still being built.
  await page.locator('#fact-1 .citation').click();
  await expect(page.locator('#fact-1-citation-1')).toContainText('Associated Press', { timeout: 1_000 });
  const early = await facts.count();
  await expect.poll(() => facts.count(), { message: 'facts keep arriving' }).toBeGreaterThan(early + 500);
  // Thousands of back-links would add thousands of links: the list stops, the count does not.
  const backlinks = page.locator('#source-1 .source-backlinks');
  const citingAp = Math.ceil(MANY_SHORT_FACTS / 2);
  await expect(backlinks).toContainText(`Cited in ${grouped(citingAp)} facts:`);
  await expect(backlinks.locator('a')).toHaveCount(52);
  await expect(backlinks).toContainText(`and ${grouped(citingAp - 52)} more`);
  expect(pageErrors).toEqual([]);
});

test('a link to a fact beyond the first batch reveals it once it is built', async ({ page }) => {
  const slug = 'bad-deep-linked-fact';
  const facts = Array.from({ length: 1600 }, (_, i) => ({ text: `Fact ${i + 1} of 1,600.`, sources: ['ap'] }));
  await page.route(`**/stories/${slug}.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: json(baseStory(slug, 'Six Hundred Facts', { facts })) }),
  );
  await page.goto(`${story(slug)}#fact-1555`);
  await expect(page.locator('#fact-1555')).toBeFocused();
  await expect(page.locator('#fact-1555')).toBeInViewport();
  await expect(page.locator('li.fact')).toHaveCount(1600);
  await expect(page.locator('.facts-pending')).toHaveCount(0);
});

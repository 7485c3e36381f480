// The seed story, end to end: everything the original page shows, from the sample JSON.
import { BIKE_LANES_SLUG, LATE_SLUG, SEED_SLUG, appStarted, documentTitle, expect, expectNoAxeViolations, loadFixture, loadSample, story, test } from './support.mjs';

const seed = loadSample(SEED_SLUG);

test.beforeEach(async ({ page }) => {
  await page.goto(story(SEED_SLUG));
  await appStarted(page);
  await expect(page.locator('h1.story-title')).toHaveText(seed.title);
});

test('shows the headline, image with credit, teaser and byline', async ({ page }) => {
  await expect(page.locator('h1')).toHaveCount(1);
  const image = page.locator('figure.story-image img');
  await expect(image).toHaveAttribute('alt', seed.image.alt);
  await expect(image).toHaveAttribute('src', /\/stories\/images\/seoul-n-korean-troops\.svg$/);
  // The image really loaded (a broken src would leave naturalWidth at 0).
  await expect.poll(() => image.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.locator('figure.story-image figcaption.image-credit')).toHaveText(
    `Image credit: ${seed.image.credit}`,
  );
  await expect(page.locator('p.teaser')).toHaveText(seed.teaser);

  const byline = page.locator('p.byline');
  await expect(byline).toContainText('by Improve the News Foundation');
  const time = byline.locator('time[datetime="2024-10-18T09:00:00Z"]');
  await expect(time).toHaveCount(1);
  // A readable local date, not the raw ISO string.
  await expect(time).toContainText('2024');
  await expect(time).not.toHaveText(seed.published_at);
});

test('shows every fact with its citation numbers in order', async ({ page }) => {
  const expectedNumbers = [['[1]'], ['[2]', '[3]'], ['[4]'], ['[2]', '[5]'], ['[6]'], ['[7]']];
  expect(seed.facts).toHaveLength(expectedNumbers.length);

  await expect(page.locator('section.facts h2')).toHaveText('Facts');
  await expect(page.locator('li.fact')).toHaveCount(seed.facts.length);
  for (const [index, fact] of seed.facts.entries()) {
    const item = page.locator(`li.fact#fact-${index + 1}`);
    await expect(item.locator('span.fact-text')).toHaveText(fact.text);
    await expect(item.locator('.citation')).toHaveText(expectedNumbers[index]);
    await expect(item.locator('.citation-missing')).toHaveCount(0);
  }
  // Each citation is a collapsed button that names its source. Its panel is made only
  // when it opens, so until then it controls nothing.
  const second = page.locator('#fact-2 .citation');
  await expect(second.nth(0)).toHaveAttribute('aria-expanded', 'false');
  await expect(second.nth(0)).not.toHaveAttribute('aria-controls');
  await expect(second.nth(0)).toHaveAttribute('aria-label', 'Source 2: Associated Press');
  await expect(second.nth(1)).toHaveAttribute('aria-label', 'Source 3: NIS');
  await expect(page.locator('.citation-panel, .citation-preview')).toHaveCount(0);
});

test('lists the sources in citation order', async ({ page }) => {
  await expect(page.locator('section.sources h2')).toHaveText('Sources');
  await expect(page.locator('section.sources li.source .source-entry')).toHaveText([
    '[1] NBC',
    '[2] Associated Press',
    '[3] NIS',
    '[4] Guardian',
    '[5] Al Jazeera',
    '[6] France 24',
    '[7] POLITICO',
  ]);
  for (let n = 1; n <= 7; n += 1) {
    await expect(page.locator(`li.source#source-${n}`)).toContainText(`[${n}]`);
  }
});

test('shows the three narratives', async ({ page }) => {
  const cards = page.locator('section.narratives li.narrative');
  await expect(cards).toHaveCount(3);
  await expect(cards.locator('h3.narrative-heading')).toHaveText([
    'Pro-establishment narrative',
    'Pro-Ukraine narrative',
    'Pro-Russia narrative',
  ]);
  for (const [index, narrative] of seed.narratives.entries()) {
    const card = cards.nth(index);
    await expect(card.locator('h3.narrative-heading')).toHaveText(`${narrative.label} narrative`);
    await expect(card.locator('p.narrative-provider')).toHaveText(`as provided by ${narrative.outlet}`);
    await expect(card.locator('div.narrative-text')).toHaveText(narrative.text);
  }
});

test('links to the forecast the seed page embedded, with no number of its own, and has no Read more section', async ({ page }) => {
  const [forecast] = seed.predictions;
  expect(forecast.probability, 'the seed page gave no number: none is invented').toBeUndefined();
  const predictions = page.locator('section.predictions');
  await expect(predictions.getByRole('heading', { name: 'Predictions' })).toBeVisible();
  await expect(predictions.locator('.prediction-question')).toHaveText(forecast.question);
  const link = predictions.getByRole('link', { name: 'See the current forecast at Metaculus' });
  await expect(link).toHaveAttribute('href', forecast.url);
  await expect(predictions.locator('.probability-value, .probability-bar, svg')).toHaveCount(0);
  await expect(page.locator('section.related')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Read more' })).toHaveCount(0);
});

test('sets the document title and meta description', async ({ page }) => {
  await expect(page).toHaveTitle(documentTitle(seed.title));
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', seed.teaser);
  await expect(page.locator('meta[name="description"]')).toHaveCount(1);
});

test('a click on citation [3] expands its source under the fact, a second click closes it', async ({ page }) => {
  const button = page.locator('#fact-2 .citation', { hasText: '[3]' });
  const panel = page.locator('#fact-2 #fact-2-citation-2');
  await expect(panel).toBeHidden();

  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(button).toHaveAttribute('aria-controls', 'fact-2-citation-2');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('[3] NIS');
  // Several facts may be open at once.
  await page.locator('#fact-1 .citation').click();
  await expect(page.locator('#fact-1-citation-1')).toContainText('[1] NBC');
  await expect(panel).toBeVisible();

  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();
});

test('citations work from the keyboard alone: Enter and Space toggle, Escape closes and keeps focus', async ({ page }) => {
  const button = page.locator('#fact-1 .citation');
  const panel = page.locator('#fact-1-citation-1');
  for (let presses = 0; presses < 10 && !(await button.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(button).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await page.keyboard.press('Space');
  await expect(panel).toBeHidden();
  await page.keyboard.press('Space');
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();
});

test('has no axe-core violations with a citation expanded', async ({ page }) => {
  await page.locator('#fact-2 .citation', { hasText: '[3]' }).click();
  await expect(page.locator('#fact-2-citation-2')).toBeVisible();
  await expectNoAxeViolations(page, 'the seed story with citation [3] expanded');
});

for (const colorScheme of ['light', 'dark']) {
  test(`has no axe-core violations in the ${colorScheme} colour scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
      colorScheme === 'dark',
    );
    await expect(page.locator('section.narratives')).toBeVisible();
    await expectNoAxeViolations(page, `the seed story (${colorScheme})`);
  });
}

test('does not scroll sideways at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await expect(page.locator('section.narratives')).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(320);
});

test.describe('a reader in Seoul', () => {
  test.use({ timezoneId: 'Asia/Seoul' });

  test('is told the publication time in UTC, on a page rendered ahead of time for any reader', async ({ page }) => {
    await expect(page.locator('p.byline time')).toHaveText('October 18, 2024 at 9:00 AM UTC');
    // Dates drawn once the app has started go by the same clock, as the page says.
    await page.goto(story(BIKE_LANES_SLUG));
    await appStarted(page);
    await page.locator('#fact-1 a.citation').first().click();
    await expect(page.locator('#fact-1-citation-1 time')).toHaveText('March 13, 2026 at 3:00 AM UTC');
  });
});

for (const [zone, time] of [['Asia/Seoul', '5:00 PM'], ['America/Los_Angeles', '1:00 AM']]) {
  test.describe(`a reader in ${zone}`, () => {
    test.use({ timezoneId: zone });

    test('sees the publication time of a story the app draws in their own time zone', async ({ page }) => {
      const late = loadFixture(LATE_SLUG);
      await page.goto(story(LATE_SLUG));
      await expect(page.locator('p.byline time')).toHaveText(`May 20, 2026 at ${time}`);
      expect(late.published_at).toBe('2026-05-20T08:00:00Z');
    });
  });
}

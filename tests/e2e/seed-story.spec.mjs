// The seed story, end to end: everything the original page shows, from the sample JSON.
import { test, expect } from '@playwright/test';
import { SEED_SLUG, documentTitle, expectNoAxeViolations, loadSample, story } from './support.mjs';

const seed = loadSample(SEED_SLUG);

test.beforeEach(async ({ page }) => {
  await page.goto(story(SEED_SLUG));
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
    await expect(item.locator('a.citation')).toHaveText(expectedNumbers[index]);
    await expect(item.locator('.citation-missing')).toHaveCount(0);
  }
  // Each citation links to its source and names it for screen readers.
  const second = page.locator('#fact-2 a.citation');
  await expect(second.nth(0)).toHaveAttribute('href', '#source-2');
  await expect(second.nth(0)).toHaveAttribute('aria-label', 'Source 2: Associated Press');
  await expect(second.nth(1)).toHaveAttribute('href', '#source-3');
  await expect(second.nth(1)).toHaveAttribute('aria-label', 'Source 3: NIS');
});

test('lists the sources in citation order', async ({ page }) => {
  await expect(page.locator('section.sources h2')).toHaveText('Sources');
  await expect(page.locator('section.sources li.source')).toHaveText([
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

test('has no Predictions or Read more section', async ({ page }) => {
  await expect(page.locator('section.narratives')).toBeVisible();
  await expect(page.locator('section.predictions')).toHaveCount(0);
  await expect(page.locator('section.related')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Predictions' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Read more' })).toHaveCount(0);
});

test('sets the document title and meta description', async ({ page }) => {
  await expect(page).toHaveTitle(documentTitle(seed.title));
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', seed.teaser);
  await expect(page.locator('meta[name="description"]')).toHaveCount(1);
});

test('citation [3] jumps to source 3', async ({ page }) => {
  // A short viewport, so that source 3 starts out of view.
  await page.setViewportSize({ width: 800, height: 400 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const target = page.locator('li.source#source-3');
  await expect(target).not.toBeInViewport();

  await page.locator('#fact-2 a.citation', { hasText: '[3]' }).click();
  await expect(page).toHaveURL(new RegExp(`${story(SEED_SLUG)}#source-3$`));
  await expect(target).toBeInViewport();
  await expect(page.locator('h1.story-title')).toHaveText(seed.title);
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

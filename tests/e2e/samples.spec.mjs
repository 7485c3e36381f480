// The home page and every sample story in public/stories/index.json.
import {
  BIKE_LANES_SLUG,
  DROUGHT_SLUG,
  LATE_PICTURED_SLUG,
  LATE_SLUG,
  LONG_SLUG,
  documentTitle,
  expect,
  loadFixture,
  loadIndex,
  loadSample,
  numberedSources,
  shownPredictions,
  story,
  test,
} from './support.mjs';

const index = loadIndex();

test.describe('home page', () => {
  test('lists every story in the index with a link to it', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('h1')).toHaveText('Stories');
    await expect(page).toHaveTitle(documentTitle('Balanced news stories'));
    const links = page.locator('ul.story-index li.story-summary h2 a');
    await expect(links).toHaveText(index.stories.map((s) => s.title));
    for (const [i, summary] of index.stories.entries()) {
      await expect(links.nth(i)).toHaveAttribute('href', story(summary.slug));
    }
    await expect(page.locator('li.story-summary p.teaser')).toHaveText(index.stories.map((s) => s.teaser));
  });

  test('opens a story as its own page, and back and forward work', async ({ page }) => {
    const [first] = index.stories;
    await page.goto('/');
    const link = page.locator('ul.story-index a', { hasText: first.title });
    await expect(link).toBeVisible();

    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(story(first.slug));
    await expect(page.locator('h1.story-title')).toHaveText(first.title);
    await expect(page).toHaveTitle(documentTitle(first.title));
    // A new page: keyboard users start from its top, where the skip link is first.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

    await page.goBack();
    await expect(page).toHaveURL('/');
    await expect(page.locator('h1')).toHaveText('Stories');
    await expect(page.locator('ul.story-index li.story-summary')).toHaveCount(index.stories.length);

    await page.goForward();
    await expect(page).toHaveURL(story(first.slug));
    await expect(page.locator('h1.story-title')).toHaveText(first.title);
  });

  test('from a story the app draws, another opens client-side, and back and forward work', async ({ page }) => {
    const next = loadFixture(LATE_PICTURED_SLUG);
    await page.goto(story(LATE_SLUG));
    const link = page.locator('li.related-story a', { hasText: next.title });
    await expect(link).toBeVisible();
    // Survives only if the page is not reloaded: proves the router handled the click.
    await page.evaluate(() => {
      window.__noReload = true;
    });

    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(story(LATE_PICTURED_SLUG));
    await expect(page.locator('h1.story-title')).toHaveText(next.title);
    // Focus moves to the new page's content, not back to the top of the document.
    await expect(page.locator('main#main')).toBeFocused();
    await expect(page).toHaveTitle(documentTitle(next.title));
    expect(await page.evaluate(() => window.__noReload)).toBe(true);

    await page.goBack();
    await expect(page).toHaveURL(story(LATE_SLUG));
    await expect(page.locator('h1.story-title')).toHaveText(loadFixture(LATE_SLUG).title);

    await page.goForward();
    await expect(page).toHaveURL(story(LATE_PICTURED_SLUG));
    await expect(page.locator('h1.story-title')).toHaveText(next.title);
    expect(await page.evaluate(() => window.__noReload)).toBe(true);
  });
});

test.describe('every sample story', () => {
  for (const { slug } of index.stories) {
    test(`renders ${slug} from its JSON`, async ({ page }) => {
      const sample = loadSample(slug);
      await page.goto(story(slug));
      await expect(page.locator('h1.story-title')).toHaveText(sample.title);
      await expect(page).toHaveTitle(documentTitle(sample.title));

      await expect(page.locator('li.fact')).toHaveCount(sample.facts.length);
      await expect(page.locator('li.fact span.fact-text')).toHaveText(sample.facts.map((f) => f.text));
      await expect(page.locator('li.source')).toHaveCount(sample.sources.length);
      await expect(page.locator('li.source')).toHaveText(
        numberedSources(sample).map((s, i) => new RegExp(`^\\[${i + 1}\\] ${escape(s.outlet)}`)),
      );
      await expect(page.locator('.citation-missing')).toHaveCount(0);

      const narratives = sample.narratives ?? [];
      await expect(page.locator('li.narrative')).toHaveCount(narratives.length);
      await expect(page.locator('section.narratives')).toHaveCount(narratives.length ? 1 : 0);

      const predictions = shownPredictions(sample);
      await expect(page.locator('li.prediction')).toHaveCount(predictions.length);
      await expect(page.locator('section.predictions')).toHaveCount(predictions.length ? 1 : 0);

      const related = sample.related ?? [];
      await expect(page.locator('section.related li')).toHaveCount(related.length);
      await expect(page.locator('section.related')).toHaveCount(related.length ? 1 : 0);

      await expect(page.locator('figure.story-image')).toHaveCount(sample.image ? 1 : 0);
      if (sample.image) {
        await expect(page.locator('figure.story-image img')).toHaveAttribute('alt', sample.image.alt);
      }
      await expect(page.locator('p.byline .byline-author')).toHaveCount(sample.byline ? 1 : 0);
      await expect(page.locator(`p.byline time[datetime="${sample.published_at}"]`)).toHaveCount(1);
    });
  }

  test('the drought story leaves out the sections it has no data for', async ({ page }) => {
    const drought = loadSample(DROUGHT_SLUG);
    await page.goto(story(drought.slug));
    await expect(page.locator('h1.story-title')).toHaveText(drought.title);
    await expect(page.locator('section.facts')).toBeVisible();
    await expect(page.locator('section.sources')).toBeVisible();
    for (const absent of ['figure.story-image', 'section.narratives', 'section.predictions', 'section.related']) {
      await expect(page.locator(absent), absent).toHaveCount(0);
    }
    // A date without a time is shown as that calendar day.
    await expect(page.locator('time[datetime="2026-05-04"]')).toContainText('2026');
    // A source without a URL is plain text, the others are links.
    await expect(page.locator('li.source', { hasText: "Valley Growers' Union" }).locator('.source-entry a')).toHaveCount(0);
    await expect(page.locator('li.source .source-entry a')).toHaveCount(2);
  });

  test('the long story shows all 52 facts', async ({ page }) => {
    const long = loadSample(LONG_SLUG);
    expect(long.facts).toHaveLength(52);
    await page.goto(story(LONG_SLUG));
    await expect(page.locator('li.fact')).toHaveCount(52);
    await expect(page.locator('li.fact#fact-52 span.fact-text')).toHaveText(long.facts[51].text);
    await page.locator('li.fact#fact-52').scrollIntoViewIfNeeded();
    await expect(page.locator('li.fact#fact-52')).toBeInViewport();
  });
});

test.describe('bike-lanes story', () => {
  const bikes = loadSample(BIKE_LANES_SLUG);

  test.beforeEach(async ({ page }) => {
    await page.goto(story(BIKE_LANES_SLUG));
    await expect(page.locator('h1.story-title')).toHaveText(bikes.title);
  });

  test('shows the predictions as percentages', async ({ page }) => {
    await expect(page.locator('section.predictions h2')).toHaveText('Predictions');
    await expect(page.locator('li.prediction .probability-value')).toHaveText(['62%', '35%', '8%']);
    await expect(page.locator('li.prediction .prediction-question')).toHaveText(
      bikes.predictions.map((p) => p.question),
    );
    // The forecaster links only where the story gives a URL.
    await expect(page.locator('li.prediction').nth(0).getByRole('link', { name: 'Harbor Forecasting Club' }))
      .toHaveAttribute('href', bikes.predictions[0].url);
    await expect(page.locator('li.prediction').nth(2).locator('a')).toHaveCount(0);
    await expect(page.locator('li.prediction').nth(2)).toContainText('Civic Odds');
  });

  test('links every source to its https URL', async ({ page }) => {
    const sources = numberedSources(bikes);
    const items = page.locator('section.sources li.source');
    await expect(items).toHaveCount(sources.length);
    for (const [i, source] of sources.entries()) {
      const link = items.nth(i).locator('.source-entry a');
      await expect(link).toHaveCount(1);
      await expect(link).toHaveText(source.outlet);
      await expect(link).toHaveAttribute('href', source.url);
      expect(source.url).toMatch(/^https:\/\//);
      await expect(items.nth(i).locator('cite')).toHaveText(source.title);
    }
  });

  test('links related stories to /stories/<slug>, and following one loads it', async ({ page }) => {
    const section = page.locator('section.related');
    await expect(section.locator('h2')).toHaveText('Read more');
    const links = section.locator('a');
    await expect(links).toHaveText(bikes.related.map((r) => r.title));
    for (const [i, related] of bikes.related.entries()) {
      await expect(links.nth(i)).toHaveAttribute('href', story(related.slug));
    }

    const target = loadSample(bikes.related[0].slug);
    await links.nth(0).click();
    await expect(page).toHaveURL(story(target.slug));
    await expect(page.locator('h1.story-title')).toHaveText(target.title);
    await expect(page.locator('li.fact')).toHaveCount(target.facts.length);
  });
});

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

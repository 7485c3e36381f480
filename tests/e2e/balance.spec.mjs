// How a story is told from each side: narrative perspectives, Read more and Compare, source
// leans, forecasts over time, and the reading aids (reading time, Share, print). The
// bike-lanes sample carries every one of these; its JSON is the expectation.
import { APP_ORIGIN, BIKE_LANES_SLUG, appStarted, expect, expectNoAxeViolations, loadSample, numberedSources, story, test } from './support.mjs';

const bikes = loadSample(BIKE_LANES_SLUG);
const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 800 };
const DOCUMENTED = ['left', 'right', 'pro-establishment', 'establishment-critical'];

async function openBikes(page) {
  await page.goto(story(BIKE_LANES_SLUG));
  await expect(page.locator('h1.story-title')).toHaveText(bikes.title);
  await appStarted(page);
}

test.describe('narratives', () => {
  test('each card takes its colour and mark from a documented perspective, others are neutral', async ({ page }) => {
    await openBikes(page);
    const cards = page.locator('li.narrative');
    const expected = bikes.narratives.map((n) => (DOCUMENTED.includes(n.perspective) ? n.perspective : 'neutral'));
    expect(expected).toEqual(expect.arrayContaining(['left', 'right', 'neutral']));
    for (const [i, perspective] of expected.entries()) {
      await expect(cards.nth(i)).toHaveAttribute('data-perspective', perspective);
    }
    const look = (i) =>
      cards.nth(i).evaluate((card) => ({
        border: getComputedStyle(card).borderLeftColor,
        mark: getComputedStyle(card.querySelector('.narrative-heading'), '::before').content,
      }));
    const [left, right, neutral] = await Promise.all(['left', 'right', 'neutral'].map((p) => look(expected.indexOf(p))));
    expect(new Set([left.border, right.border, neutral.border]).size, 'three different colours').toBe(3);
    expect([left.mark, right.mark, neutral.mark]).toEqual(['"◀" / ""', '"▶" / ""', '"◆" / ""']);
  });

  test('a long narrative shows its first paragraph until Read more, by keyboard too', async ({ page }) => {
    await openBikes(page);
    const long = page.locator('li.narrative').first();
    const [first, ...rest] = bikes.narratives[0].text.split('\n\n');
    expect(rest.length).toBeGreaterThan(0);
    const more = long.locator('.narrative-more > p');
    await expect(long.locator('.narrative-text > p')).toHaveText(first);
    await expect(more.first()).toBeHidden();
    // A native disclosure: its summary is the control, its label follows the state.
    const disclosure = long.locator('details.narrative-more');
    const summary = disclosure.locator('summary');
    await expect(disclosure).toHaveJSProperty('open', false);
    await expect(summary).toHaveAccessibleName('Read more of the Pro-cycling narrative');

    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(more).toHaveText(rest);
    await expect(more.first()).toBeVisible();
    await expect(disclosure).toHaveJSProperty('open', true);
    await expect(summary).toHaveAccessibleName('Show less of the Pro-cycling narrative');
    await expect(summary).toBeFocused();
    await page.keyboard.press('Space');
    await expect(more.first()).toBeHidden();
    await expect(disclosure).toHaveJSProperty('open', false);
    // Short narratives have nothing to expand.
    await expect(page.locator('li.narrative').nth(1).locator('.read-more')).toHaveCount(0);
  });

  test('Compare lays the narratives side by side on wide screens, by keyboard alone, for the rest of the visit', async ({ page, context }) => {
    await page.setViewportSize(WIDE);
    await openBikes(page);
    const toggle = page.getByRole('button', { name: 'Compare side by side' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');

    // Only the keyboard from the top of the page.
    await page.locator('body').press('Tab');
    for (let presses = 0; presses < 60 && !(await toggle.evaluate((b) => b === document.activeElement)); presses += 1) {
      await page.keyboard.press('Tab');
    }
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    const view = page.getByRole('region', { name: 'Narratives side by side' });
    await expect(view).toBeVisible();
    const boxes = await page.locator('li.narrative').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON()));
    expect(boxes[1].top, 'the second card beside the first').toBe(boxes[0].top);
    expect(boxes[1].left).toBeGreaterThan(boxes[0].right - 1);
    const inSight = boxes.filter((box) => box.right <= WIDE.width && box.left >= 0).length;
    expect(inSight, 'two or three narratives in sight at once').toBeGreaterThanOrEqual(2);
    expect(inSight).toBeLessThanOrEqual(3);
    // Compared, every narrative is whole and Read more has nothing to do.
    await expect(page.locator('li.narrative').first().locator('.narrative-more > p').first()).toBeVisible();
    await expect(page.locator('.read-more')).toBeHidden();

    // The row scrolls with the keyboard once it has focus.
    await page.keyboard.press('Tab');
    await expect(view).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => view.evaluate((v) => v.scrollLeft)).toBeGreaterThan(0);

    await expectNoAxeViolations(page, 'narratives compared (light)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'narratives compared (dark)');

    await page.reload();
    await expect(page.getByRole('button', { name: 'Compare side by side' })).toHaveAttribute('aria-pressed', 'true');
    const fresh = await context.browser().newPage({ viewport: WIDE });
    await fresh.goto(`${APP_ORIGIN}${story(BIKE_LANES_SLUG)}`);
    await expect(fresh.getByRole('button', { name: 'Compare side by side' })).toHaveAttribute('aria-pressed', 'false');
    await fresh.close();

    await page.getByRole('button', { name: 'Compare side by side' }).click();
    await expect(view).toHaveCount(0);
  });

  test('phones get no Compare button: the cards stay one under another', async ({ page }) => {
    // Even when the reader compared in a wider window earlier in the visit.
    await page.addInitScript(() => sessionStorage.setItem('storyline-compare-narratives', 'on'));
    await page.setViewportSize(PHONE);
    await openBikes(page);
    await expect(page.locator('.compare-toggle')).toBeHidden();
    await expect(page.getByRole('region', { name: 'Narratives side by side' })).toHaveCount(0);
    await expect(page.locator('li.narrative').first().locator('.narrative-more > p').first()).toBeHidden();
    const [first, second] = await page.locator('li.narrative').evaluateAll((cards) => cards.slice(0, 2).map((c) => c.getBoundingClientRect().toJSON()));
    expect(second.top).toBeGreaterThan(first.bottom - 1);
  });
});

test.describe('source leans', () => {
  test('Sources shows where the cited sources stand, with a legend and in words', async ({ page }) => {
    await openBikes(page);
    const figures = page.locator('section.sources figure.lean-figure');
    await expect(figures.locator('figcaption')).toHaveText([
      'Where the cited sources stand, left to right',
      'Where the cited sources stand, establishment-critical to pro-establishment',
    ]);
    const ratings = (axis) => bikes.sources.map((s) => s.lean?.[axis]);
    const count = (axis, r) => ratings(axis).filter((x) => x === r).length;
    // Every sample source is cited; one has no left–right rating.
    expect(count('lr', undefined)).toBe(1);
    await expect(figures.first().getByRole('img')).toHaveAttribute(
      'aria-label',
      `Of ${bikes.sources.length} cited sources: ${count('lr', 1)} left, ${count('lr', 2)} lean left, ${count('lr', 3)} center, ${count('lr', 4)} lean right; 1 not rated.`,
    );
    await expect(figures.first().locator('.lean-legend li')).toHaveText([
      `Left ${count('lr', 1)}`,
      `Lean left ${count('lr', 2)}`,
      `Center ${count('lr', 3)}`,
      `Lean right ${count('lr', 4)}`,
      `Right ${count('lr', 5)}`,
      'Not rated 1',
    ]);
    await expect(figures.first().locator('.lean-segment')).toHaveCount(5);

    // Each entry names its ratings.
    const labels = { lr: ['Left', 'Lean left', 'Center', 'Lean right', 'Right'], pe: ['Establishment-critical', 'Leans establishment-critical', 'Establishment-neutral', 'Leans pro-establishment', 'Pro-establishment'] };
    const entries = page.locator('li.source .source-lean');
    await expect(entries).toHaveText(
      numberedSources(bikes).map((s) => ['lr', 'pe'].filter((a) => s.lean?.[a]).map((a) => ` · ${labels[a][s.lean[a] - 1]}`).join('')),
    );
  });

  test('a fact sourced from one side only says so, and no other fact does', async ({ page }) => {
    await openBikes(page);
    const oneSided = bikes.facts.map((fact) => {
      const lr = [...new Set(fact.sources)].map((id) => bikes.sources.find((s) => s.id === id).lean?.lr);
      return lr.length > 1 && (lr.every((r) => r <= 2) || lr.every((r) => r >= 4));
    });
    expect(oneSided.filter(Boolean)).toHaveLength(1);
    const notes = page.locator('li.fact .fact-note');
    await expect(notes).toHaveCount(1);
    await expect(page.locator(`#fact-${oneSided.indexOf(true) + 1} .fact-note`)).toHaveText(
      'Single-side sourcing: every source cited here leans left.',
    );
  });
});

test('forecasts with a history draw a line and say the same in words', async ({ page }) => {
  await openBikes(page);
  const items = page.locator('li.prediction');
  const [grant, opening, repeal] = bikes.predictions;
  await expect(items.nth(0).locator('.trend-summary')).toHaveText(
    `Rose from ${grant.history[0].probability * 100}% to ${grant.probability * 100}% since January 15, 2026.`,
  );
  await expect(items.nth(1).locator('.trend-summary')).toHaveText(
    `Fell from ${opening.history[0].probability * 100}% to ${opening.probability * 100}% since January 15, 2026.`,
  );
  expect(repeal.history).toBeUndefined();
  await expect(items.nth(2).locator('.prediction-trend')).toHaveCount(0);

  const line = items.nth(0).locator('svg.sparkline');
  await expect(line).toHaveAttribute('aria-hidden', 'true');
  const points = (await line.locator('polyline').getAttribute('points')).split(' ');
  expect(points).toHaveLength(grant.history.length + 1);
  // Rising: each later point is drawn higher (smaller y) than the first.
  const ys = points.map((p) => Number(p.split(',')[1]));
  expect(ys.at(-1)).toBeLessThan(ys[0]);
  // Still the number and the bar, the as-of date and the forecaster's link, and no iframe.
  await expect(items.nth(0).locator('.probability-value')).toHaveText(`${grant.probability * 100}%`);
  await expect(items.nth(0).getByRole('link', { name: grant.source })).toHaveAttribute('href', grant.url);
  await expect(page.locator('iframe')).toHaveCount(0);
});

test.describe('reading aids', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the header gives the reading time', async ({ page }) => {
    await openBikes(page);
    const words = [bikes.title, bikes.teaser, ...bikes.facts.map((f) => f.text), ...bikes.narratives.map((n) => n.text), ...bikes.predictions.map((p) => p.question)]
      .join(' ')
      .split(/\s+/)
      .filter(Boolean).length;
    await expect(page.locator('p.byline')).toContainText(` · ${Math.ceil(words / 230)} min read`);
  });

  test('Share copies the link where there is no share sheet, and says so', async ({ page }) => {
    await openBikes(page);
    expect(await page.evaluate(() => 'share' in navigator), 'this Chromium has no share sheet').toBe(false);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.locator('.share-status')).toHaveText('Link to this story copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${APP_ORIGIN}${story(BIKE_LANES_SLUG)}`);
  });

  test('Share hands title and link to the share sheet where there is one', async ({ page }) => {
    // Headless Chromium on Linux has no share sheet; this stands in for the system's.
    await page.addInitScript(() => {
      navigator.share = async (data) => {
        window.sharedData = data;
      };
    });
    await openBikes(page);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => page.evaluate(() => window.sharedData)).toEqual({
      title: bikes.title,
      url: `${APP_ORIGIN}${story(BIKE_LANES_SLUG)}`,
    });
    await expect(page.locator('.share-status')).toBeEmpty();
  });

  test('printing gives the article alone, narratives whole and each source with its address', async ({ page }) => {
    await openBikes(page);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.story-actions', '.fact-tools', '.read-more', '.site-footer']) {
      await expect(page.locator(hidden).first(), hidden).toBeHidden();
    }
    await expect(page.locator('li.narrative').first().locator('.narrative-more > p').first()).toBeVisible();
    const written = await page.locator('li.source .source-entry a').first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(written).toBe(`" <${numberedSources(bikes)[0].url}>"`);
  });
});

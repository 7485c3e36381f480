// Citations: hover and keyboard previews, back-links from sources, deep links to facts,
// copy controls, touch, narrow screens and reduced motion.
import { SEED_SLUG, appStarted, expect, expectNoAxeViolations, loadSample, story, test } from './support.mjs';

const seed = loadSample(SEED_SLUG);
const citation = (page, fact, number) =>
  page.locator(`#fact-${fact} .citation`, { hasText: `[${number}]` });

test.describe('on a device with a mouse', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(story(SEED_SLUG));
    await appStarted(page);
    await expect(page.locator('li.fact')).toHaveCount(seed.facts.length);
  });

  test('hovering a citation previews its source, which stays while the pointer is on it', async ({ page }) => {
    const preview = page.locator('#fact-2-citation-2-preview');
    await citation(page, 2, 3).hover();
    await expect(preview).toBeVisible();
    await expect(preview).toContainText('[3] NIS');
    await expect(preview).toHaveRole('tooltip');

    await preview.hover();
    await page.waitForTimeout(600); // well past the grace time
    await expect(preview).toBeVisible();

    await page.mouse.move(0, 0);
    await expect(preview).toBeHidden();
  });

  test('a pointer passing straight over a citation shows no preview', async ({ page }) => {
    const box = await citation(page, 2, 3).boundingBox();
    await page.mouse.move(box.x - 40, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2, { steps: 2 });
    await page.waitForTimeout(400);
    await expect(page.locator('#fact-2-citation-2-preview')).toBeHidden();
  });

  test('Escape dismisses a hover preview', async ({ page }) => {
    const button = citation(page, 1, 1);
    await button.hover();
    const preview = page.locator('#fact-1-citation-1-preview');
    await expect(preview).toBeVisible();
    await button.focus();
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();
  });

  test('has no axe-core violations with a preview shown', async ({ page }) => {
    await citation(page, 2, 3).hover();
    await expect(page.locator('#fact-2-citation-2-preview')).toBeVisible();
    await expectNoAxeViolations(page, 'the seed story with a citation preview');
  });
});

test('keyboard focus previews a citation without trapping focus', async ({ page }) => {
  await page.goto(story(SEED_SLUG));
  await appStarted(page);
  const button = citation(page, 1, 1);
  await expect(button).toBeVisible();
  for (let presses = 0; presses < 10 && !(await button.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(button).toBeFocused();
  const preview = page.locator('#fact-1-citation-1-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('[1] NBC');

  // Tab moves on to the next control, and the preview goes.
  await page.keyboard.press('Tab');
  await expect(button).not.toBeFocused();
  await expect(preview).toBeHidden();
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });

  test('a tap expands the source and shows no preview', async ({ page }) => {
    await page.goto(story(SEED_SLUG));
    await appStarted(page);
    await citation(page, 2, 3).tap();
    await expect(page.locator('#fact-2-citation-2')).toBeVisible();
    await expect(page.locator('#fact-2-citation-2-preview')).toBeHidden();
  });
});

test.describe('back-links from the Sources list', () => {
  test('show how often each source is cited, lettered when several', async ({ page }) => {
    await page.goto(story(SEED_SLUG));
    await appStarted(page);
    const ap = page.locator('#source-2 .source-backlinks');
    await expect(ap).toHaveText('Cited in 2 facts: a b');
    await expect(ap.locator('a').nth(0)).toHaveAttribute('href', '#fact-2');
    await expect(ap.locator('a').nth(1)).toHaveAttribute('href', '#fact-4');
    await expect(ap.locator('a').nth(1)).toHaveAccessibleName('b: back to fact 4');
    await expect(page.locator('#source-1 .source-backlinks a')).toHaveAccessibleName('Back to fact 1');
    await expect(page.locator('#source-1 .source-backlinks')).toHaveText('Cited in 1 fact: ↑');
  });

  test('following one scrolls to the fact, highlights it and moves focus to it', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 500 });
    await page.goto(story(SEED_SLUG));
    await appStarted(page);
    const fact = page.locator('#fact-4');
    const backlink = page.locator('#source-2 .source-backlinks a', { hasText: 'b' });
    await backlink.scrollIntoViewIfNeeded();
    await expect(fact).not.toBeInViewport();

    await backlink.focus();
    await page.keyboard.press('Enter');
    await expect(fact).toBeFocused();
    await expect(fact).toBeInViewport();
    await expect(fact).toHaveClass(/is-highlighted/);
    await expect(page).toHaveURL(new RegExp(`${story(SEED_SLUG)}#fact-4$`));
    await expect(fact).not.toHaveClass(/is-highlighted/, { timeout: 4000 });
  });

  test('a click on a back-link does the same', async ({ page }) => {
    await page.goto(story(SEED_SLUG));
    await appStarted(page);
    await page.locator('#source-7 .source-backlinks a').click();
    const fact = page.locator('#fact-6');
    await expect(fact).toBeFocused();
    await expect(fact).toHaveClass(/is-highlighted/);
  });
});

test('expanded citations and back-links leave back and forward working', async ({ page }) => {
  await page.goto('/');
  await page.locator('ul.story-index a', { hasText: seed.title }).click();
  await citation(page, 2, 3).click();
  await page.locator('#source-2 .source-backlinks a', { hasText: 'b' }).click();
  await expect(page).toHaveURL(new RegExp(`${story(SEED_SLUG)}#fact-4$`));

  await page.goBack();
  await expect(page.locator('h1')).toHaveText('Stories');
  await page.goForward();
  await expect(page.locator('h1.story-title')).toHaveText(seed.title);
  await expect(page.locator('#fact-2-citation-2')).toBeHidden();
  await citation(page, 2, 3).click();
  await expect(page.locator('#fact-2-citation-2')).toBeVisible();
});

test('opening a link to #fact-5 scrolls to that fact, highlights it and focuses it', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 400 });
  await page.goto(`${story(SEED_SLUG)}#fact-5`);
  await appStarted(page);
  const fact = page.locator('#fact-5');
  await expect(fact).toBeFocused();
  await expect(fact).toBeInViewport();
  await expect(fact).toHaveClass(/is-highlighted/);
});

test.describe('copy controls', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copy a link to a fact and the fact as text with its sources', async ({ page, baseURL }) => {
    await page.goto(story(SEED_SLUG));
    await appStarted(page);
    const status = page.locator('.copy-status');

    await page.getByRole('button', { name: 'Copy link to fact 3' }).click();
    await expect(status).toHaveText('Link to fact 3 copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${baseURL}${story(SEED_SLUG)}#fact-3`,
    );

    // From the keyboard too.
    await page.getByRole('button', { name: 'Copy text of fact 2 with its sources' }).focus();
    await page.keyboard.press('Enter');
    await expect(status).toHaveText('Fact 2 copied with its sources.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${seed.facts[1].text} [2] Associated Press; [3] NIS`,
    );
  });
});

test('at 320 px an expanded citation and a preview fit without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(story(SEED_SLUG));
  await appStarted(page);
  await citation(page, 2, 3).click();
  await citation(page, 4, 5).hover();
  await expect(page.locator('#fact-2-citation-2')).toBeVisible();
  await expect(page.locator('#fact-4-citation-2-preview')).toBeVisible();
  expect(await page.evaluate(() => document.scrollingElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page, 'the seed story at 320 px with a citation expanded');
});

test('with reduced motion the highlight does not animate', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${story(SEED_SLUG)}#fact-2`);
  await appStarted(page);
  const fact = page.locator('#fact-2');
  await expect(fact).toHaveClass(/is-highlighted/);
  expect(await fact.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
});

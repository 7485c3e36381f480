// The embeddable widget on a publisher's page served from another origin
// (tests/fixtures/host on port 4174), loading widget.js from the app's port.
import { test, expect } from '@playwright/test';
import { BIKE_LANES_SLUG, RECEIVER_URL, SEED_SLUG, loadSample, uniqueEmail } from './support.mjs';

const HOST_PAGE = 'http://127.0.0.1:4174/';
const APP = 'http://127.0.0.1:4173/';
const seed = loadSample(SEED_SLUG);
const bikes = loadSample(BIKE_LANES_SLUG);

test.beforeEach(async ({ page }) => {
  await page.goto(HOST_PAGE);
  await expect(page.locator('#seed-widget h1.story-title')).toHaveText(seed.title);
});

test('each story widget renders its own story inside a shadow root', async ({ page }) => {
  await expect(page.locator('#bike-widget h1.story-title')).toHaveText(bikes.title);
  await expect(page.locator('#seed-widget li.fact')).toHaveCount(seed.facts.length);
  await expect(page.locator('#bike-widget li.fact')).toHaveCount(bikes.facts.length);
  expect(await page.locator('#seed-widget').evaluate((el) => el.shadowRoot?.mode)).toBe('open');
  // The host's own light DOM stays empty: everything lives in the shadow root.
  expect(await page.locator('#seed-widget').evaluate((el) => el.children.length)).toBe(0);
});

test('citations expand inside a widget, without touching the host URL or title', async ({ page }) => {
  const button = page.locator('#seed-widget #fact-2 button.citation', { hasText: '[3]' });
  await button.click();
  await expect(page.locator('#seed-widget #fact-2-citation-2')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('#seed-widget #fact-2-citation-2')).toBeHidden();

  await page.locator('#seed-widget #source-2 .source-backlinks a', { hasText: 'b' }).click();
  await expect(page.locator('#seed-widget #fact-4')).toHaveClass(/is-highlighted/);
  expect(page.url()).toBe(HOST_PAGE);
  await expect(page).toHaveTitle("A publisher's page");
});

test('links to other stories open the app, not a route on the host', async ({ page }) => {
  const related = page.locator('#bike-widget section.related a').first();
  await expect(related).toHaveAttribute('href', `${APP}stories/${bikes.related[0].slug}`);
});

test('data-theme="dark" gives that widget dark colours whatever the host prefers', async ({ page }) => {
  const dark = await page.locator('#bike-widget').evaluate((el) => getComputedStyle(el).backgroundColor);
  const light = await page.locator('#seed-widget').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(dark).toBe('rgb(18, 20, 23)');
  expect(light).toBe('rgb(255, 255, 255)');
});

test('the signup widget posts to the receiver named in its attributes', async ({ page, request }) => {
  const email = uniqueEmail('widget');
  const widget = page.locator('#signup-widget');
  await widget.getByLabel('Email address').fill(email);
  await widget.getByRole('button', { name: 'Subscribe' }).click();
  await expect(widget.getByRole('heading', { name: 'Success! Now Check Your Email' })).toBeVisible();
  const signups = await (await request.get(`${RECEIVER_URL}/signups?email=${encodeURIComponent(email)}`)).json();
  expect(signups).toHaveLength(1);
  expect(JSON.parse(signups[0].body)).toEqual({ email, story: null, page: HOST_PAGE });
});

test('a widget with an unreachable story shows its error while the others work', async ({ page }) => {
  await expect(page.locator('#broken-widget .widget-error')).toContainText('Storyline could not show this story');
  await expect(page.locator('#broken-widget .widget-error')).toContainText('not found');
  await expect(page.locator('#bike-widget h1.story-title')).toHaveText(bikes.title);
});

test('the host page keeps its own styles, and widgets keep theirs', async ({ page }) => {
  const hostText = page.locator('#host-text');
  const hostFont = await hostText.evaluate((el) => getComputedStyle(el).fontFamily);
  expect(hostFont).not.toContain('Charter');
  // The widget's own typography applies inside it.
  const widgetFont = await page
    .locator('#seed-widget')
    .evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.teaser')).fontFamily);
  expect(widgetFont).toContain('Charter');
});

test('a widget added later mounts, and a removed one unmounts', async ({ page }) => {
  await page.evaluate((url) => {
    const element = document.createElement('div');
    element.id = 'late-widget';
    element.dataset.storylineStory = url;
    document.querySelector('main').append(element);
  }, `${APP}stories/${SEED_SLUG}.json`);
  await expect(page.locator('#late-widget h1.story-title')).toHaveText(seed.title);

  const contents = await page.evaluate(async () => {
    const element = document.getElementById('late-widget');
    const root = element.shadowRoot.querySelector('.storyline-widget');
    element.remove();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return root.childElementCount;
  });
  expect(contents).toBe(0);
  await expect(page.locator('#seed-widget h1.story-title')).toHaveText(seed.title);
});

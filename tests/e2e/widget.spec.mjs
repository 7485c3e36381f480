// The embeddable widget: public/embed-demo.html, with its hostile CSS, served as a
// publisher's page from another origin and loading widget.js from the app's.
import {
  APP_ORIGIN,
  BIKE_LANES_SLUG,
  HOST_ORIGIN,
  RECEIVER_URL,
  SEED_SLUG,
  expect,
  expectNoAxeViolations,
  loadSample,
  test,
  uniqueEmail,
} from './support.mjs';

const HOST_PAGE = `${HOST_ORIGIN}/embed-demo.html`;
const APP = `${APP_ORIGIN}/`;
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
  const button = page.locator('#seed-widget #fact-2 .citation', { hasText: '[3]' });
  await button.click();
  await expect(page.locator('#seed-widget #fact-2-citation-2')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('#seed-widget #fact-2-citation-2')).toBeHidden();

  await page.locator('#seed-widget #source-2 .source-backlinks a', { hasText: 'b' }).click();
  await expect(page.locator('#seed-widget #fact-4')).toHaveClass(/is-highlighted/);
  expect(page.url()).toBe(HOST_PAGE);
  await expect(page).toHaveTitle("Storyline embed demo: a publisher's page");
});

/** Adds a widget element to the host page, as a publisher's script might. */
async function addWidget(page, id, attributes) {
  await page.evaluate(({ id, attributes }) => {
    const element = document.createElement('div');
    element.id = id;
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    document.querySelector('main').append(element);
  }, { id, attributes });
}

test('links to other stories open the app, not a route on the host', async ({ page }) => {
  await addWidget(page, 'related-widget', { 'data-storyline-story': `${APP}stories/${BIKE_LANES_SLUG}.json`, 'data-sections': 'related' });
  const related = page.locator('#related-widget section.related a').first();
  await expect(related).toHaveAttribute('href', `${APP}stories/${bikes.related[0].slug}`);
  await expect(page.locator('#related-widget section.facts')).toHaveCount(0);
});

test('data-format="verity" reads a story in Verity\'s shape; an unknown format is explained', async ({ page }) => {
  await addWidget(page, 'verity-widget', { 'data-storyline-story': `${APP}stories/verity-sample.json`, 'data-format': 'verity' });
  await addWidget(page, 'rss-widget', { 'data-storyline-story': `${APP}stories/verity-sample.json`, 'data-format': 'rss' });
  await addWidget(page, 'v1-widget', { 'data-storyline-story': `${APP}stories/verity-sample.json` });
  const widget = page.locator('#verity-widget');
  await expect(widget.locator('h1.story-title')).toHaveText('Seoul: N.Korean Troops Arrive in Russia to Fight Ukraine');
  await expect(widget.locator('li.fact')).toHaveCount(6);
  await expect(page.locator('#rss-widget')).toContainText('"rss" is not a story format Storyline reads');
  await expect(page.locator('#v1-widget')).toContainText(`This is a story in Verity's shape, not Storyline's format v1: add data-format="verity" to the embed.`);
});

test('data-sections picks what a widget shows', async ({ page }) => {
  const bike = page.locator('#bike-widget');
  await expect(bike.locator('section.facts')).toBeVisible();
  await expect(bike.locator('section.sources')).toBeVisible();
  await expect(bike.locator('section.predictions')).toBeVisible();
  await expect(bike.locator('section.narratives')).toHaveCount(0);
  await expect(bike.locator('section.related')).toHaveCount(0);
  await expect(page.locator('#seed-widget section.narratives')).toBeVisible();
});

test('data-theme="dark" gives that widget dark colours whatever the host prefers', async ({ page }) => {
  const background = (id) =>
    page.locator(id).evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.storyline-widget')).backgroundColor);
  const dark = await background('#bike-widget');
  const light = await background('#seed-widget');
  expect(dark).toBe('rgb(18, 20, 23)');
  expect(light).toBe('rgb(255, 255, 255)');

  // data-theme="auto" follows the reader's preference; "dark" stays dark either way.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background('#seed-widget')).toBe('rgb(18, 20, 23)');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background('#seed-widget')).toBe('rgb(255, 255, 255)');
  expect(await background('#bike-widget')).toBe('rgb(18, 20, 23)');
});

test('a signup widget posts to the receiver named in its attributes', async ({ page, request }) => {
  await addWidget(page, 'test-signup', { 'data-storyline-signup': '', 'data-newsletter-endpoint': `${RECEIVER_URL}/subscribe` });
  const email = uniqueEmail('widget');
  const widget = page.locator('#test-signup');
  await widget.getByLabel('Email address').fill(email);
  await widget.getByRole('button', { name: 'Subscribe' }).click();
  await expect(widget.getByRole('heading', { name: 'Success! Now Check Your Email' })).toBeVisible();
  const signups = await (await request.get(`${RECEIVER_URL}/signups?email=${encodeURIComponent(email)}`)).json();
  expect(signups).toHaveLength(1);
  expect(JSON.parse(signups[0].body)).toEqual({ email, story: null, page: HOST_PAGE });
});

test('a signup widget for a form service posts the form itself, from its shadow root, in a new tab', async ({ page, request }) => {
  const endpoint = `${RECEIVER_URL}/forms/buttondown/api/emails/embed-subscribe/storyline`;
  await addWidget(page, 'form-signup', { 'data-storyline-signup': '', 'data-newsletter-provider': 'buttondown', 'data-newsletter-endpoint': endpoint });
  const email = uniqueEmail('widget-form');
  const widget = page.locator('#form-signup');
  await widget.getByLabel('Email address').fill(email);
  const [tab] = await Promise.all([page.waitForEvent('popup'), widget.getByRole('button', { name: 'Subscribe' }).click()]);
  await expect(tab.getByRole('heading', { name: 'Almost finished' })).toBeVisible();
  await expect(widget.locator('p.newsletter-message')).toHaveText('The signup continues at Buttondown, in a new tab.');
  await expect(widget.getByLabel('Email address')).toHaveValue(email);
  const signups = await (await request.get(`${RECEIVER_URL}/signups?email=${encodeURIComponent(email)}`)).json();
  expect(signups.map((signup) => signup.fields)).toEqual([{ email, embed: '1' }]);
});

test('bad attributes show a small error in that widget while the others work', async ({ page }) => {
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await addWidget(page, 'unreachable', { 'data-storyline-story': `${APP}stories/no-such-story.json` });
  await addWidget(page, 'no-url', { 'data-storyline-story': '' });
  await addWidget(page, 'bad-section', { 'data-storyline-story': `${APP}stories/${SEED_SLUG}.json`, 'data-sections': 'facts,comments' });

  await expect(page.locator('#unreachable .widget-error')).toContainText('the story was not found at its URL');
  await expect(page.locator('#no-url .widget-error')).toContainText("needs the URL of a story's JSON");
  await expect(page.locator('#bad-section .widget-error')).toContainText('unknown section "comments"');
  expect(errors.filter((text) => text.startsWith('Storyline widget:'))).toHaveLength(3);
  await expect(page.locator('#bike-widget h1.story-title')).toHaveText(bikes.title);
  await expect(page.locator('#host-text')).toBeVisible();
});

test('hostile host styles do not reach into widgets', async ({ page }) => {
  const inWidget = (selector, property) =>
    page.locator('#seed-widget').evaluate(
      (el, [selector, property]) => getComputedStyle(el.shadowRoot.querySelector(selector))[property],
      [selector, property],
    );
  // button { display: none }, div { color: #9b0000 }, p { text-align: right }, h1 uppercase…
  await expect(page.locator('#seed-widget .share-button')).toBeVisible();
  expect(await inWidget('.share-button', 'display')).not.toBe('none');
  await expect(page.locator('#seed-widget .citation').first()).toBeVisible();
  expect(await inWidget('.teaser', 'color')).not.toBe('rgb(155, 0, 0)');
  expect(await inWidget('.teaser', 'textAlign')).not.toBe('right');
  expect(await inWidget('.teaser', 'fontFamily')).toContain('Charter');
  expect(await inWidget('h1', 'textTransform')).toBe('none');
  // The documented brand property does reach in.
  expect(await inWidget('.citation', 'color')).toBe('rgb(109, 40, 217)');
});

test("widget styles do not leak out onto the host's elements", async ({ page, browser }) => {
  const hostStyles = (p) =>
    p.locator('#host-text').evaluate((el) => {
      const style = getComputedStyle(el);
      return [style.color, style.fontFamily, style.textAlign, style.lineHeight, style.backgroundColor];
    });
  const headOf = (p) => p.evaluate(() => [...document.head.children].map((el) => el.outerHTML));
  const withWidgets = await hostStyles(page);
  // The same page with widget.js blocked: what the host's styles alone give.
  const bare = await browser.newPage();
  await bare.route('**/widget.js', (route) => route.abort());
  await bare.goto(HOST_PAGE);
  expect(await hostStyles(bare)).toEqual(withWidgets);
  // Nothing added to the host's <head>, and the page was not scrolled.
  expect(await headOf(page)).toEqual(await headOf(bare));
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await bare.close();
});

test('a widget added later mounts, and a removed one unmounts', async ({ page }) => {
  await addWidget(page, 'late-widget', { 'data-storyline-story': `${APP}stories/${SEED_SLUG}.json` });
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

test('the demo page with its widgets has no axe-core violations', async ({ page }) => {
  await expect(page.locator('#bike-widget h1.story-title')).toHaveText(bikes.title);
  await expect(page.locator('#signup-widget')).toBeAttached();
  await expectNoAxeViolations(page, 'the embed demo');
});

test.describe('each page loads only the widget code it runs', () => {
  /**
   * Opens a publisher's page without widgets (tests/fixtures/host) in a browser context of
   * its own, so that nothing is cached yet, and adds `widgets` (id → attributes) to it.
   * `modules` lists the widget modules the page loads, as they load.
   */
  async function publisherPage(browser, widgets) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const modules = [];
    page.on('request', (request) => {
      const module = request.url().match(/\/(storyline-widget(?:-signup)?)-[0-9a-f]+_bg\.wasm$/)?.[1];
      if (module) modules.push(module);
    });
    await page.goto(`${HOST_ORIGIN}/publisher.html`);
    for (const [id, attributes] of Object.entries(widgets)) await addWidget(page, id, attributes);
    return { page, modules };
  }

  test('signup widgets alone load the signup module, not the stories\'', async ({ browser, request }) => {
    const { page, modules } = await publisherPage(browser, {
      'only-signup': { 'data-storyline-signup': '', 'data-newsletter-endpoint': `${RECEIVER_URL}/subscribe` },
    });
    const widget = page.locator('#only-signup');
    const email = uniqueEmail('signup-only');
    await widget.getByLabel('Email address').fill(email);
    await widget.getByRole('button', { name: 'Subscribe' }).click();
    await expect(widget.getByRole('heading', { name: 'Success! Now Check Your Email' })).toBeVisible();
    expect(await (await request.get(`${RECEIVER_URL}/signups?email=${encodeURIComponent(email)}`)).json()).toHaveLength(1);
    expect(modules).toEqual(['storyline-widget-signup']);
  });

  test("a story widget's form comes with the signup module once a reader gets near it, where room was kept for it", async ({ browser, request }) => {
    const { page, modules } = await publisherPage(browser, {
      story: { 'data-storyline-story': `${APP}stories/${SEED_SLUG}.json`, 'data-newsletter-endpoint': `${RECEIVER_URL}/subscribe` },
    });
    const widget = page.locator('#story');
    await expect(widget.locator('li.fact')).toHaveCount(seed.facts.length);
    const place = widget.locator('div.newsletter-place');
    await expect(place).toBeAttached();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
    expect(modules, 'the form is more than a screen away').toEqual(['storyline-widget']);
    const kept = await place.evaluate((element) => element.getBoundingClientRect().height);

    await place.scrollIntoViewIfNeeded();
    const email = widget.getByLabel('Email address', { exact: true });
    await expect(email).toBeEditable();
    expect(modules).toEqual(['storyline-widget', 'storyline-widget-signup']);
    const drawn = await place.evaluate((element) => element.getBoundingClientRect().height);
    expect(Math.abs(drawn - kept), `room kept ${kept}px, form ${drawn}px`).toBeLessThan(48);
    // The form belongs to its story: named with the story's headline, and sent with its slug.
    await expect(widget.getByRole('region', { name: `Subscribe to Our Newsletter ${seed.title}` })).toBeVisible();
    const address = uniqueEmail('story-widget');
    await email.fill(address);
    await widget.getByRole('button', { name: 'Subscribe' }).click();
    await expect(widget.getByRole('heading', { name: 'Success! Now Check Your Email' })).toBeVisible();
    const [signup] = await (await request.get(`${RECEIVER_URL}/signups?email=${encodeURIComponent(address)}`)).json();
    expect(JSON.parse(signup.body)).toMatchObject({ email: address, story: SEED_SLUG });
  });
});

// Shared helpers for the end-to-end tests: the sample data as the app reads it, URLs,
// and an axe-core check that prints what it found.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { PORTS } from '../../playwright.config.mjs';

export { expect };

/**
 * Playwright's `test`, failing any test whose page breaks its Content-Security-Policy
 * (the release index.html carries a strict one): a blocked script, style, image or
 * request is a bug even when the page still looks right.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const violations = [];
    await page.exposeFunction('reportCspViolation', (violation) => violations.push(violation));
    await page.addInitScript(() => {
      document.addEventListener(
        'securitypolicyviolation',
        (event) => window.reportCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || event.sample}`),
        true,
      );
    });
    await use(page);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },
});

/** The repository root (tests/e2e/../..). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const SEED_SLUG = 'seoul-n-korean-troops-arrive-in-russia-to-fight-ukraine';
export const BIKE_LANES_SLUG = 'harbor-city-council-approves-riverside-bike-lanes';
export const LONG_SLUG = 'marlow-bay-coastal-rail-inquiry-final-report';
export const DROUGHT_SLUG = 'river-valley-water-board-adopts-drought-plan';
/**
 * Stories served beside the build but not in its index, as if added after it: they have
 * no page of their own, so the app shell draws them (tests/fixtures/stories). The second
 * has an image, which the first leaves out for tests whose stories come from another host.
 */
export const LATE_SLUG = 'harbor-ferry-adds-night-crossings';
export const LATE_PICTURED_SLUG = 'coastal-line-reopens-after-repairs';

// The servers of this run, on the ports make test-e2e chose (playwright.config.mjs).
export const APP_ORIGIN = `http://127.0.0.1:${PORTS.app}`;
/** The publisher's page: the embed demo on another origin, loading widgets from the app's. */
export const HOST_ORIGIN = `http://127.0.0.1:${PORTS.host}`;
export const RECEIVER_URL = `http://127.0.0.1:${PORTS.receiver}`;
export const FAULTY_STORY_URL = `http://127.0.0.1:${PORTS.faultyStory}`;
/** A real Ghost 5 site (tools/ghost.sh), for the Ghost stage. */
export const GHOST_URL = `http://127.0.0.1:${PORTS.ghost}`;
export const SIGNUPS_FILE = `${ROOT}target/e2e-signups.jsonl`;

/**
 * Waits until the app has started on the page (src/mount/page.rs marks <html>): from then
 * on every control works. Before, a page rendered ahead of time is plain HTML, in which a
 * citation is a link to its source; tests of what readers do with the app wait for this.
 */
export const appStarted = (page) => expect(page.locator('html')).toHaveAttribute('data-storyline-live', '');

/** The app's address of a story. */
export const story = (slug) => `/stories/${slug}`;

function readJson(relativePath) {
  return JSON.parse(readFileSync(`${ROOT}${relativePath}`, 'utf8'));
}

/** A sample story exactly as public/stories/<slug>.json holds it. */
export const loadSample = (slug) => readJson(`public/stories/${slug}.json`);

/** A fixture story exactly as tests/fixtures/stories/<slug>.json holds it. */
export const loadFixture = (slug) => readJson(`tests/fixtures/stories/${slug}.json`);

/** public/stories/index.json. */
export const loadIndex = () => readJson('public/stories/index.json');

/** The document title the app sets for a page titled `title`. */
export const documentTitle = (title) => `${title} · Storyline`;

/**
 * The sources in the order the app numbers them (an independent statement of the rule):
 * by first citation across the facts, then the uncited ones in the order listed.
 */
export function numberedSources(storyJson) {
  const byId = new Map();
  storyJson.sources.forEach((source, index) => {
    if (!byId.has(source.id)) byId.set(source.id, index);
  });
  const order = [];
  for (const fact of storyJson.facts) {
    for (const id of fact.sources) {
      const index = byId.get(id);
      if (index !== undefined && !order.includes(index)) order.push(index);
    }
  }
  storyJson.sources.forEach((_, index) => {
    if (!order.includes(index)) order.push(index);
  });
  return order.map((index) => storyJson.sources[index]);
}

/**
 * Predictions the app shows: those with a probability between 0 and 1, and those without
 * one that link to their forecast.
 */
export const shownPredictions = (storyJson) =>
  (storyJson.predictions ?? []).filter((p) =>
    p.probability === undefined || p.probability === null
      ? /^https?:\/\//i.test(p.url ?? '')
      : p.probability >= 0 && p.probability <= 1,
  );

/** Fails with a readable list of every axe-core violation on the page as it is now. */
export async function expectNoAxeViolations(page, label = 'page') {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations
    .map((v) => {
      const nodes = v.nodes
        .map((node) => `    ${JSON.stringify(node.target)}\n      ${node.failureSummary?.replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  ${v.id} (${v.impact}): ${v.help}\n${nodes}`;
    })
    .join('\n');
  expect(violations.map((v) => v.id), `axe-core violations on ${label}:\n${report}`).toEqual([]);
}

/** Where the receiver takes json and form signups. */
export const SUBSCRIBE_URL = `${RECEIVER_URL}/subscribe`;
/** The receiver's stand-in for a Ghost site (the site URL, not an API path). */
export const GHOST_SITE_URL = `${RECEIVER_URL}/ghost`;
/** The receiver's stand-in for a Listmonk server, and its lists (tools/newsletter-receiver.mjs). */
export const LISTMONK_URL = `${RECEIVER_URL}/listmonk`;
export const LISTMONK_DOUBLE_OPTIN_LIST = '0d0c1c6e-7a51-4c55-9d8e-5e1d1f0a0001';
export const LISTMONK_SINGLE_OPTIN_LIST = '0d0c1c6e-7a51-4c55-9d8e-5e1d1f0a0002';

/** A signup address no other test (or earlier run) uses. */
export const uniqueEmail = (prefix = 'reader') =>
  `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 10)}@example.com`;

/**
 * Serves every app page (`/`, `/stories/{slug}`) this `page` loads as `edit` rewrites its
 * HTML, as a publisher editing the built index.html would. Chromium refuses such a
 * rewritten page access to other loopback ports, so only tests that need no receiver
 * may use it.
 */
export async function rewriteAppPages(page, edit) {
  const isAppPage = (url) => url.origin === APP_ORIGIN && !/\.\w+$/.test(url.pathname);
  await page.route(isAppPage, async (route) => {
    const response = await route.fetch();
    // The body is re-sent decoded, so the original encoding and length no longer apply.
    const { 'content-encoding': _, 'content-length': __, ...headers } = response.headers();
    await route.fulfill({ response, headers, body: edit(await response.text()) });
  });
}

/**
 * Adds `<meta name content>` tags to the head of every page this `page` loads, as soon as
 * the parser creates the head, as a publisher would write them in index.html. They go
 * first, so they win over index.html's own (such as its empty storyline-data-base). Unlike
 * rewriteAppPages, the document stays the server's own, so the page may still reach the
 * local receivers. Entries without content are skipped.
 */
export async function addMetaTags(page, tags) {
  await page.addInitScript((tags) => {
    const observer = new MutationObserver(() => {
      if (!document.head) return;
      observer.disconnect();
      for (const [name, content] of Object.entries(tags)) {
        if (content === undefined || content === null) continue;
        const tag = document.createElement('meta');
        tag.name = name;
        tag.content = content;
        document.head.prepend(tag);
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  }, tags);
}

/**
 * Configures the newsletter signup the documented way: `storyline-newsletter-*` meta tags.
 * `provider` defaults to json and its endpoint to the receiver's (its Ghost site or
 * Listmonk server for those); `timeout` is in seconds, `lists` and `labels`
 * comma-separated, and `field` the generic form service's field, all as strings. The receiver's origin is in the test build's connect-src
 * (Makefile, test-e2e).
 */
export async function configureNewsletter(page, { provider = 'json', endpoint, timeout, lists, labels, field } = {}) {
  const receiverEndpoint = { ghost: GHOST_SITE_URL, listmonk: LISTMONK_URL }[provider] ?? SUBSCRIBE_URL;
  await addMetaTags(page, {
    'storyline-newsletter-endpoint': endpoint ?? receiverEndpoint,
    'storyline-newsletter-provider': provider,
    'storyline-newsletter-timeout': timeout,
    'storyline-newsletter-lists': lists,
    'storyline-newsletter-labels': labels,
    'storyline-newsletter-field': field,
  });
}

/**
 * The seed story's signup form, configured by `settings` (as configureNewsletter), once
 * the app has started and the form, woken as a reader nears it, takes input.
 */
export async function openWokenSignup(page, settings) {
  await configureNewsletter(page, settings);
  await page.goto(story(SEED_SLUG));
  await appStarted(page);
  const section = page.locator('section.newsletter');
  const form = section.locator('form.newsletter-form');
  const email = form.getByLabel('Email address', { exact: true });
  await email.scrollIntoViewIfNeeded();
  await expect(email).toBeEditable();
  return {
    form,
    email,
    submit: form.locator('button[type="submit"]'),
    message: form.locator('p.newsletter-message'),
    success: section.locator('div.newsletter-success'),
    ok: section.getByRole('button', { name: 'Ok, Thanks' }),
  };
}

/** Makes the receiver answer the next signup for `fault.email` as described (see the receiver). */
export async function injectFault(request, fault) {
  const response = await request.post(`${RECEIVER_URL}/__faults`, { data: fault });
  expect(response.status(), 'the receiver took the fault').toBe(204);
}

/** Every signup request the receiver got for `email`, accepted or not. */
export async function receiverAttempts(request, email) {
  const response = await request.get(`${RECEIVER_URL}/attempts?${new URLSearchParams({ email })}`);
  expect(response.ok()).toBe(true);
  return response.json();
}

/** The signups the receiver accepted for `email`: {provider, content_type, body, fields, received_at}. */
export async function receiverSignups(request, email) {
  const response = await request.get(`${RECEIVER_URL}/signups?${new URLSearchParams({ email })}`);
  expect(response.ok()).toBe(true);
  return response.json();
}

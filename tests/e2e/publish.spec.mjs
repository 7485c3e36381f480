// The publish step (src/publish, the storyline-publish binary that `make build` runs) on
// stories made to break it: every XSS payload in every field, and every malformed or
// hostile story file the app is tested with. Each set becomes a site of its own around the
// build's app shell, is published by the real binary, served beside dist/ and read in
// Chromium, and its feed and sitemap parsed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../tools/bench/server.mjs';
import { armTraps, cleaned, compare, corpus, expand, expectNothingRan, hostileStory, inspect, openCitations, shownTitle } from './hostile.mjs';
import { CASES, caseBody } from './malformed-cases.mjs';
import { RECEIVER_URL, ROOT, SUBSCRIBE_URL, appStarted, documentTitle, expect, receiverSignups, story, test, uniqueEmail } from './support.mjs';

const DIST = join(ROOT, 'dist');
const PUBLISH = join(ROOT, 'target/debug/storyline-publish');

/**
 * A site of `stories` (slug → file contents, or null for none) listed in that order in its
 * index, around the build's app shell, served (after dist/, for the app's own files) and
 * published for its address. `shell` edits the app shell first, as a publisher's settings.
 */
async function publishedSite(stories, { shell = (html) => html } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-publish-'));
  mkdirSync(join(dir, 'stories'));
  writeFileSync(join(dir, 'app.html'), shell(readFileSync(join(DIST, 'app.html'), 'utf8')));
  const index = [...stories.keys()].map((slug) => ({ slug, title: `Story ${slug.slice(0, 40)}` }));
  writeFileSync(join(dir, 'stories/index.json'), JSON.stringify({ stories: index }));
  for (const [slug, body] of stories) {
    if (body !== null) writeFileSync(join(dir, 'stories', `${slug}.json`), body);
  }
  const server = await serveStatic([dir, DIST]);
  expect(existsSync(PUBLISH), `${PUBLISH} (make build builds it)`).toBe(true);
  const run = spawnSync(PUBLISH, [dir], {
    env: { ...process.env, STORYLINE_SITE_URL: server.origin },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const warnings = run.stderr.split('\n').filter((line) => line.startsWith('publish: warning: '));
  return {
    dir,
    origin: server.origin,
    status: run.status,
    stdout: run.stdout,
    warnings: warnings.map((line) => line.slice('publish: warning: '.length)),
    page: (slug) => join(dir, 'stories', `${slug}.html`),
    close() {
      server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fixture: the site of `stories`, published once per worker. */
const siteOf = (stories) => [
  async ({}, use) => {
    const site = await publishedSite(stories);
    await use(site);
    site.close();
  },
  { scope: 'worker', timeout: 120_000 },
];

{
  // Every payload in one site, published once per worker; each payload's page is opened
  // in one page per worker, with the policy bypassed so that anything that would run does.
  // The publication date is a real one, so that every story is in the feed (the app's
  // tests show a payload date as written).
  const hostileWithDate = (slug, p) => ({ ...hostileStory(slug, p), published_at: '2024-10-18T09:00:00Z' });
  const stories = new Map(
    corpus.map((entry, index) => [`xss-${index + 1}`, JSON.stringify(hostileWithDate(`xss-${index + 1}`, expand(entry)))]),
  );
  const hostile = test.extend({
    site: siteOf(stories),
    reader: [
      async ({ browser }, use) => {
        const context = await browser.newContext({ bypassCSP: true });
        const page = await context.newPage();
        const hits = await armTraps(page);
        await use({ page, hits });
        await context.close();
      },
      { scope: 'worker' },
    ],
  });

  hostile('the hostile stories are all published, each problem reported and none stopping the build', async ({ site }) => {
    expect(site.status, site.stdout).toBe(0);
    expect(site.stdout).toContain(`publish: ${stories.size} story pages`);
    for (const slug of stories.keys()) expect(existsSync(site.page(slug)), slug).toBe(true);
  });

  hostile('their feed and sitemap are well-formed, every title in them exactly as read', async ({ site, reader: { page } }) => {
    const text = (file) => readFileSync(join(site.dir, file), 'utf8');
    const read = await page.evaluate(
      ([feed, sitemap]) => {
        const parse = (xml) => new DOMParser().parseFromString(xml, 'application/xml');
        const [atom, urls] = [parse(feed), parse(sitemap)];
        return {
          errors: [...atom.getElementsByTagName('parsererror'), ...urls.getElementsByTagName('parsererror')].map((e) => e.textContent),
          titles: [...atom.querySelectorAll('entry > title')].map((title) => title.textContent),
          pages: urls.getElementsByTagName('url').length,
        };
      },
      [text('feed.xml'), text('sitemap.xml')],
    );
    expect(read.errors).toEqual([]);
    expect(read.titles).toEqual(corpus.map((entry) => cleaned(expand(entry))));
    expect(read.pages).toBe(stories.size + 1);
  });

  hostile.describe('hostile text in every field of a story rendered ahead of time', () => {
    corpus.forEach((entry, index) => {
      const slug = `xss-${index + 1}`;
      hostile(`${entry.category}: ${entry.name}`, async ({ site, reader: { page, hits } }) => {
        for (const list of Object.values(hits)) list.length = 0;
        const payload = cleaned(expand(entry));
        await page.goto(`${site.origin}${story(slug)}`);
        // Woken without a mismatch: a hydration error would stop the app before this.
        await appStarted(page);
        await expect(page.locator('#fact-1 .citation')).toHaveCount(3);

        const expected = [{ slug, payload }];
        await openCitations(page, page, expected, `${site.origin}/`);
        expect(await page.evaluate(inspect, { expected, appOrigin: `${site.origin}/` })).toEqual([]);

        const head = await page.evaluate(() => ({
          titles: [...document.querySelectorAll('title')].map((title) => title.textContent),
          documentTitle: document.title,
          descriptions: [...document.querySelectorAll('meta[name="description"]')].map((meta) => meta.content),
          ogTitles: [...document.querySelectorAll('meta[property="og:title"]')].map((meta) => meta.content),
          jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)),
          data: [...document.querySelectorAll('script[type="application/json"]')].map((s) => JSON.parse(s.textContent)),
          // Scripts the page runs: its loader (wake.js), and none that story text made.
          scripts: document.querySelectorAll('script:not([type^="application/"])').length,
        }));
        expect(head.titles).toHaveLength(1);
        expect(compare(head.titles[0], documentTitle(payload)), 'the <title> text').toBe('same');
        expect(compare(head.documentTitle, shownTitle(documentTitle(payload))), 'document.title').toBe('same');
        expect(head.descriptions).toHaveLength(1);
        expect(compare(head.descriptions[0], payload), 'the meta description').toBe('same');
        expect(compare(head.ogTitles[0], payload), 'og:title').toBe('same');
        expect(head.jsonLd).toHaveLength(1);
        expect(compare(head.jsonLd[0].headline, payload), 'the JSON-LD headline').toBe('same');
        expect(head.data).toHaveLength(1);
        // What the facts' controls read: the cited sources as the page shows them.
        expect(head.data[0].sources.map((source) => compare(source.outlet, payload)), 'outlets the citations show').toEqual(['same', 'same', 'same']);
        expect(compare(head.data[0].sources[0].title, payload), 'a title a citation shows').toBe('same');
        expect(head.scripts).toBe(1);
        expectNothingRan(hits);
      });
    });
  });
}

{
  // Every case of malformed-cases.mjs in one site.
  const files = new Map(
    CASES.map((testCase) => [testCase.fixture ?? testCase.slug, testCase.body || testCase.fixture ? caseBody(testCase) : null]),
  );
  const malformed = test.extend({
    site: siteOf(files),
  });

  malformed('malformed stories are skipped with a warning naming the file and the place, the rest published', async ({ site }) => {
    expect(site.status, site.stdout).toBe(0);
    for (const testCase of CASES) {
      const slug = testCase.fixture ?? testCase.slug;
      const about = site.warnings.filter((warning) => warning.includes(`"${slug}"`) || warning.startsWith(`stories/${slug}.json:`));
      if (testCase.heading === 'Story not found') {
        expect(about, testCase.name).toEqual([`stories/index.json: "${slug}" is not a slug; the home page leaves it out`]);
      } else if (testCase.heading) {
        // The app words the same error for readers: "The story data is not valid: …."
        expect(about, testCase.name).toHaveLength(1);
        const message =
          testCase.message instanceof RegExp
            ? testCase.message
            : testCase.message.replace(/^The story data is not valid: /, '').replace(/\.$/, '');
        expect(about[0], testCase.name).toMatch(message);
        expect(about[0], testCase.name).toMatch(/; no page is rendered for it, and the app shows this error$/);
        expect(existsSync(site.page(slug)), testCase.name).toBe(false);
      } else {
        // What the app reports in the console for a readable story, the build reports;
        // a story without a readable date is also left out of the feed, and said so.
        const problems = about
          .map((warning) => warning.replace(`stories/${slug}.json: `, ''))
          .filter((warning) => !warning.startsWith('left out of the feed'));
        expect(problems, testCase.name).toEqual(testCase.story.problems ?? []);
        expect(existsSync(site.page(slug)), testCase.name).toBe(true);
      }
    }
  });

  const readable = CASES.filter((testCase) => testCase.story && !testCase.budget);
  malformed.describe('the readable part of a hostile story, rendered ahead of time', () => {
    for (const testCase of readable) {
      malformed(testCase.name, async ({ site, page }) => {
        const slug = testCase.fixture ?? testCase.slug;
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${site.origin}${story(slug)}`);
        await appStarted(page);
        const { title, facts } = testCase.story;
        await expect(page.locator('h1.story-title')).toHaveText(title);
        await expect(page.locator('li.fact')).toHaveCount(typeof facts === 'number' ? facts : facts.length);
        expect(errors).toEqual([]);
      });
    }
  });

  malformed('a story that cannot be read keeps its address, where the app explains', async ({ site, page }) => {
    const broken = CASES.find((testCase) => testCase.fixture === 'bad-missing-title');
    await page.goto(`${site.origin}${story(broken.fixture)}`);
    await expect(page.locator('div.load-error h1')).toHaveText(broken.heading);
    await expect(page.locator('div.load-error')).toContainText(broken.message);
  });
}

test('settings in the shell at build time: the signup is in the page, its code comes when a reader gets near it, and nothing moves when it wakes', async ({ browser }) => {
  const late = readFileSync(join(ROOT, 'tests/fixtures/stories/harbor-ferry-adds-night-crossings.json'), 'utf8');
  const site = await publishedSite(new Map([['harbor-ferry-adds-night-crossings', late]]), {
    shell: (html) =>
      html.replace('</head>', `<meta name="storyline-newsletter-endpoint" content="${SUBSCRIBE_URL}"></head>`),
  });
  try {
    const html = readFileSync(site.page('harbor-ferry-adds-night-crossings'), 'utf8');
    expect(html).toContain('Subscribe to Our Newsletter');
    expect(html).toMatch(/<fieldset[^>]*disabled/);

    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.layoutShift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const signupCode = [];
    page.on('request', (request) => {
      if (/\/storyline-signup-[0-9a-f]+/.test(request.url())) signupCode.push(request.url());
    });
    await page.setViewportSize({ width: 1280, height: 400 });
    await page.goto(`${site.origin}${story('harbor-ferry-adds-night-crossings')}`);
    await appStarted(page);
    const email = page.getByLabel('Email address', { exact: true });
    await expect(email).toBeDisabled();
    expect(signupCode, 'the signup form is more than a screen away').toEqual([]);
    await email.scrollIntoViewIfNeeded();
    await expect(email).toBeEditable();
    expect(signupCode).toHaveLength(2);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))));
    expect(await page.evaluate(() => window.layoutShift), 'cumulative layout shift').toBe(0);
    await page.close();
  } finally {
    site.close();
  }
});

test('a form service set in the shell at build time: the signup works as plain HTML, with JavaScript off and before its code wakes it', async ({ browser, request }) => {
  const slug = 'harbor-ferry-adds-night-crossings';
  const late = readFileSync(join(ROOT, `tests/fixtures/stories/${slug}.json`), 'utf8');
  const endpoint = `${RECEIVER_URL}/forms/buttondown/api/emails/embed-subscribe/storyline`;
  const site = await publishedSite(new Map([[slug, late]]), {
    shell: (html) =>
      html.replace(
        '</head>',
        `<meta name="storyline-newsletter-provider" content="buttondown"><meta name="storyline-newsletter-endpoint" content="${endpoint}"></head>`,
      ),
  });
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${site.origin}${story(slug)}`);
    const form = page.locator('section.newsletter form.newsletter-form');
    const email = form.getByLabel('Email address', { exact: true });
    await expect(email).toBeEditable();
    await expect(email).toHaveAttribute('required', '');
    const address = uniqueEmail('no-script');
    await email.fill(address);
    const [tab] = await Promise.all([page.waitForEvent('popup'), form.locator('button[type="submit"]').click()]);
    await expect(tab.getByRole('heading', { name: 'Almost finished' })).toBeVisible();
    const [received] = await receiverSignups(request, address);
    expect(received.fields).toEqual({ email: address, embed: '1' });
    await expect(email).toHaveValue(address);

    // With JavaScript, an address typed before the form's code arrives is still there
    // once the code has woken the form.
    const live = await browser.newPage();
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await live.route(/\/storyline-signup-[0-9a-f]+_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await live.goto(`${site.origin}${story(slug)}`);
    await appStarted(live);
    const liveForm = live.locator('section.newsletter form.newsletter-form');
    const early = uniqueEmail('early');
    await liveForm.getByLabel('Email address', { exact: true }).fill(early);
    await expect(liveForm).not.toHaveAttribute('novalidate');
    release();
    // Woken: the app checks addresses from now on, not the browser.
    await expect(liveForm).toHaveAttribute('novalidate', '');
    await expect(liveForm.getByLabel('Email address', { exact: true })).toHaveValue(early);
    await live.close();
  } finally {
    await context.close();
    site.close();
  }
});

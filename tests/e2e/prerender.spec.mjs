// Pages rendered ahead of time by the publish step (src/publish): what a crawler, a feed
// reader or a link preview gets from a plain GET, the page without JavaScript or without
// the wasm, and how the app wakes it: on the nodes it arrived with, nothing moving and
// nothing the reader did lost.
import {
  APP_ORIGIN,
  BIKE_LANES_SLUG,
  LATE_SLUG,
  SEED_SLUG,
  appStarted,
  documentTitle,
  expect,
  expectNoAxeViolations,
  loadFixture,
  loadIndex,
  loadSample,
  numberedSources,
  shownPredictions,
  story,
  test,
} from './support.mjs';

// The test build names the address the tests serve it at (Makefile, test-e2e).
const SITE = APP_ORIGIN;
const index = loadIndex();
const seed = loadSample(SEED_SLUG);
const bikes = loadSample(BIKE_LANES_SLUG);

/** What a crawler reads of a page: the document as a browser parses it, nothing run. */
async function crawl(page, request, path) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type'], path).toContain('text/html');
  const html = await response.text();
  return page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const all = (selector, read = (el) => el.textContent) => [...doc.querySelectorAll(selector)].map(read);
    const meta = (key) => all(`meta[name="${key}"], meta[property="${key}"]`, (el) => el.getAttribute('content'));
    const json = (selector) => all(selector).map((text) => JSON.parse(text));
    return {
      title: doc.title,
      meta: Object.fromEntries(
        [
          'description', 'og:type', 'og:title', 'og:description', 'og:url', 'og:site_name', 'og:image', 'og:image:alt',
          'article:published_time', 'article:modified_time', 'twitter:card', 'twitter:title', 'twitter:image',
        ].map((key) => [key, meta(key)]),
      ),
      tags: meta('article:tag'),
      canonical: all('link[rel="canonical"]', (el) => el.getAttribute('href')),
      feeds: all('link[rel="alternate"][type="application/atom+xml"]', (el) => el.getAttribute('href')),
      jsonLd: json('script[type="application/ld+json"]'),
      data: json('script[type="application/json"]'),
      headline: all('h1.story-title'),
      facts: all('li.fact .fact-text'),
      citations: all('li.fact a.citation', (el) => [el.textContent, el.getAttribute('href')]),
      sourceIds: all('li.source', (el) => el.id),
      outlets: all('li.source .source-entry'),
      narrativeHeadings: all('.narrative-heading'),
      narrativeTexts: all('li.narrative .narrative-text', (el) => [...el.querySelectorAll('p')].map((p) => p.textContent)),
      predictions: all('.prediction-question'),
      storyLinks: all('ul.story-index a', (el) => el.getAttribute('href')),
      noscript: all('noscript').length,
    };
  }, html);
}

test.describe('a plain GET, as crawlers, feed readers and link previews make it', () => {
  for (const { slug } of index.stories) {
    test(`${slug}: the whole article and the head a link preview reads`, async ({ page, request }) => {
      const sample = loadSample(slug);
      const got = await crawl(page, request, story(slug));
      const url = `${SITE}${story(slug)}`;

      expect(got.headline).toEqual([sample.title]);
      expect(got.facts).toEqual(sample.facts.map((fact) => fact.text));
      const sources = numberedSources(sample);
      expect(got.outlets.map((entry) => entry.split(' ').slice(1).join(' '))).toEqual(
        sources.map((source) => expect.stringContaining(source.outlet)),
      );
      // Each [n] leads to its entry in Sources without any script.
      for (const [label, href] of got.citations) {
        expect(href).toBe(`#source-${label.slice(1, -1)}`);
        expect(got.sourceIds).toContain(href.slice(1));
      }
      const narratives = sample.narratives ?? [];
      expect(got.narrativeHeadings).toHaveLength(narratives.length);
      narratives.forEach((narrative, i) => {
        expect(got.narrativeHeadings[i]).toContain(narrative.label);
        expect(got.narrativeTexts[i]).toEqual(narrative.text.split('\n\n').map((p) => p.trim()));
      });
      expect(got.predictions).toEqual(shownPredictions(sample).map((p) => p.question));
      expect(got.noscript, 'no note that the page needs JavaScript: it does not').toBe(0);

      expect(got.title).toBe(documentTitle(sample.title));
      expect(got.canonical).toEqual([url]);
      expect(got.feeds).toEqual(['/feed.xml']);
      const description = sample.teaser ?? sample.title;
      expect(got.meta).toEqual({
        description: [description],
        'og:type': ['article'],
        'og:title': [sample.title],
        'og:description': [description],
        'og:url': [url],
        'og:site_name': ['Storyline'],
        'og:image': sample.image ? [`${SITE}/stories/${sample.image.src}`] : [],
        'og:image:alt': sample.image ? [sample.image.alt] : [],
        'article:published_time': [sample.published_at],
        'article:modified_time': [sample.updated_at ?? sample.published_at],
        'twitter:card': [sample.image ? 'summary_large_image' : 'summary'],
        'twitter:title': [sample.title],
        'twitter:image': sample.image ? [`${SITE}/stories/${sample.image.src}`] : [],
      });
      expect(got.tags).toEqual(sample.topics ?? []);

      expect(got.jsonLd).toHaveLength(1);
      const [article] = got.jsonLd;
      expect(article).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: sample.title,
        url,
        mainEntityOfPage: url,
        datePublished: sample.published_at,
        dateModified: sample.updated_at ?? sample.published_at,
        publisher: { '@type': 'Organization', name: 'Storyline' },
      });
      if (sample.byline) expect(article.author).toEqual([{ '@type': 'Person', name: sample.byline }]);
      if (sample.image) expect(article.image).toEqual([`${SITE}/stories/${sample.image.src}`]);
      const cited = new Set(sample.facts.flatMap((fact) => fact.sources));
      expect(article.citation.map((work) => work.publisher.name)).toEqual(
        sources.filter((source) => cited.has(source.id)).map((source) => source.outlet),
      );

      // What the page's facts' controls read: the story's address, its sources in
      // citation-number order, and each fact's citations by number.
      expect(got.data).toHaveLength(1);
      expect(got.data[0].href).toBe(story(slug));
      expect(got.data[0].sources.map((source) => source.outlet)).toEqual(sources.map((source) => source.outlet));
      const number = (id) => sources.findIndex((source) => source.id === id) + 1;
      expect(got.data[0].facts).toEqual(sample.facts.map((fact) => fact.sources.map(number)));
    });
  }

  test('the home page lists every story', async ({ page, request }) => {
    const got = await crawl(page, request, '/');
    expect(got.storyLinks).toEqual(index.stories.map((summary) => story(summary.slug)));
    expect(got.title).toBe(documentTitle('Balanced news stories'));
    expect(got.canonical).toEqual([`${SITE}/`]);
    expect(got.meta['og:type']).toEqual(['website']);
    expect(got.feeds).toEqual(['/feed.xml']);
  });

  test('a story added after the build has no page: the app shell answers, and draws it', async ({ page, request }) => {
    const got = await crawl(page, request, story(LATE_SLUG));
    expect(got.headline).toEqual([]);
    expect(got.data).toEqual([]);
    const late = loadFixture(LATE_SLUG);
    await page.goto(story(LATE_SLUG));
    await expect(page.locator('h1.story-title')).toHaveText(late.title);
    await expect(page.locator('li.fact')).toHaveCount(late.facts.length);
    await expect(page).toHaveTitle(documentTitle(late.title));
  });

  test('the feed and the sitemap are well-formed and list every story; robots.txt names the sitemap', async ({ page, request }) => {
    const read = async (path, type) => {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toContain(type);
      return response.text();
    };
    const [feed, sitemap, robots] = await Promise.all([
      read('/feed.xml', 'xml'),
      read('/sitemap.xml', 'xml'),
      read('/robots.txt', 'text/plain'),
    ]);
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap.xml`);

    const parsed = await page.evaluate(
      ([feed, sitemap]) => {
        const xml = (text) => new DOMParser().parseFromString(text, 'application/xml');
        const errors = (doc) => [...doc.getElementsByTagName('parsererror')].map((error) => error.textContent);
        const atom = xml(feed);
        const urls = xml(sitemap);
        const child = (el, name) => el.getElementsByTagName(name)[0];
        return {
          errors: [...errors(atom), ...errors(urls)],
          entries: [...atom.getElementsByTagName('entry')].map((entry) => ({
            title: child(entry, 'title').textContent,
            link: child(entry, 'link').getAttribute('href'),
            published: child(entry, 'published')?.textContent,
            updated: child(entry, 'updated').textContent,
            categories: [...entry.getElementsByTagName('category')].map((category) => category.getAttribute('term')),
            content: new DOMParser().parseFromString(child(entry, 'content').textContent, 'text/html').body,
          })).map((entry) => ({
            ...entry,
            facts: [...entry.content.querySelectorAll('ol')[0]?.children ?? []].map((li) => li.textContent),
            sourceLinks: [...entry.content.querySelectorAll('a')].map((a) => a.getAttribute('href')),
            content: undefined,
          })),
          pages: [...urls.getElementsByTagName('url')].map((url) => ({
            loc: child(url, 'loc').textContent,
            lastmod: child(url, 'lastmod')?.textContent,
          })),
        };
      },
      [feed, sitemap],
    );
    expect(parsed.errors).toEqual([]);
    const same = (a, b) => new Date(a).getTime() === new Date(b).getTime();
    expect(parsed.entries.map((entry) => entry.link)).toEqual(index.stories.map((s) => `${SITE}${story(s.slug)}`));
    for (const [i, { slug }] of index.stories.entries()) {
      const sample = loadSample(slug);
      const entry = parsed.entries[i];
      expect(entry.title).toBe(sample.title);
      expect(same(entry.published, sample.published_at), `${slug} published`).toBe(true);
      expect(same(entry.updated, sample.updated_at ?? sample.published_at), `${slug} updated`).toBe(true);
      expect(entry.categories).toEqual(sample.topics ?? []);
      // Each fact in full, followed by its citations.
      const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(entry.facts).toEqual(sample.facts.map((fact) => expect.stringMatching(new RegExp(`^${escaped(fact.text)}( \\[\\d+\\])+$`))));
      for (const source of sample.sources.filter((s) => s.url)) expect(entry.sourceLinks).toContain(source.url);
    }
    expect(parsed.pages.map((p) => p.loc)).toEqual([`${SITE}/`, ...index.stories.map((s) => `${SITE}${story(s.slug)}`)]);
    for (const [i, { slug }] of index.stories.entries()) {
      const sample = loadSample(slug);
      expect(parsed.pages[i + 1].lastmod).toBe((sample.updated_at ?? sample.published_at).toUpperCase());
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, timezoneId: 'Asia/Seoul' });

  test('a story page is a complete article: citations and back-links lead where they say, figures are drawn', async ({ page }) => {
    await page.goto(story(BIKE_LANES_SLUG));
    await expect(page.locator('h1.story-title')).toHaveText(bikes.title);
    await expect(page.locator('li.fact')).toHaveCount(bikes.facts.length);
    await expect(page.locator('li.source')).toHaveCount(bikes.sources.length);

    await page.locator('#fact-1 a.citation').first().click();
    await expect(page).toHaveURL(/#source-1$/);
    await expect(page.locator('#source-1')).toBeInViewport();
    await page.locator('#source-1 a.backlink').first().click();
    await expect(page).toHaveURL(/#fact-1$/);
    await expect(page.locator('#fact-1')).toBeInViewport();

    // Figures are markup, not styles set by a script.
    for (const bar of await page.locator('svg.lean-bar').all()) {
      await expect(bar).toBeVisible();
      const widths = await bar.locator('rect').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
      expect(widths.length).toBeGreaterThan(0);
      expect(widths.every((width) => width > 0)).toBe(true);
    }
    const fill = await page.locator('.probability-fill').first().evaluate((rect) => rect.getBoundingClientRect().width);
    const bar = await page.locator('.probability-bar').first().evaluate((svg) => svg.getBoundingClientRect().width);
    expect(fill / bar).toBeCloseTo(shownPredictions(bikes)[0].probability, 1);
    await expect(page.locator('svg.sparkline').first()).toBeVisible();

    // Read more is the browser's own disclosure.
    const long = page.locator('li.narrative').first();
    await long.locator('summary').click();
    await expect(long.locator('.narrative-more > p').first()).toBeVisible();

    // What needs the app is not offered; dates are what they were written as, in UTC.
    await expect(page.locator('.share-button')).toBeHidden();
    await expect(page.locator('.fact-tool').first()).toBeHidden();
    await expect(page.locator('.compare-toggle')).toBeHidden();
    await expect(page.locator('p.byline time')).toHaveText(['March 12, 2026 at 11:30 PM UTC', 'March 13, 2026 at 1:15 PM UTC']);
  });

  test('the home page lists every story', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('ul.story-index li.story-summary')).toHaveCount(index.stories.length);
    await expect(page.locator('ul.story-index a').first()).toHaveText(index.stories[0].title);
  });
});

test('with the wasm refused, the article still reads, its links still work and it passes axe', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(story(BIKE_LANES_SLUG));
  await expect(page.locator('li.fact')).toHaveCount(bikes.facts.length);
  await page.locator('#fact-2 a.citation').first().click();
  await expect(page).toHaveURL(/#source-\d+$/);
  await expect(page.locator('html')).not.toHaveAttribute('data-storyline-live');
  // As it stands before the app starts, and for good without it.
  await expectNoAxeViolations(page, 'a story page before the app starts (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'a story page before the app starts (dark)');
});

test.describe('waking a page rendered ahead of time', () => {
  test.use({ timezoneId: 'Asia/Seoul' });

  test('keeps the nodes it arrived with, moves nothing and logs nothing', async ({ page }) => {
    const logged = [];
    page.on('console', (message) => ['warning', 'error'].includes(message.type()) && logged.push(message.text()));
    page.on('pageerror', (error) => logged.push(error.message));
    await page.addInitScript(() => {
      window.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      document.addEventListener('DOMContentLoaded', () => {
        window.arrived = ['h1', 'li.fact', 'a.citation', 'li.source', 'li.narrative', 'time'].map((s) => document.querySelector(s));
        window.utcDate = document.querySelector('p.byline time').textContent;
      });
    });
    await page.goto(story(SEED_SLUG));
    await appStarted(page);
    const kept = await page.evaluate(() =>
      ['h1', 'li.fact', 'a.citation', 'li.source', 'li.narrative', 'time'].map((s, i) => document.querySelector(s) === window.arrived[i]),
    );
    expect(kept).toEqual([true, true, true, true, true, true]);
    // Dates stay as they arrived: in UTC, and saying so.
    expect(await page.evaluate(() => window.utcDate)).toBe('October 18, 2024 at 9:00 AM UTC');
    await expect(page.locator('p.byline time')).toHaveText('October 18, 2024 at 9:00 AM UTC');
    await expect(page.locator('a.citation').first()).toHaveAttribute('role', 'button');
    await expect(page.locator('.share-button')).toBeEnabled();
    // Let anything late settle before reading the shifts.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))));
    expect(await page.evaluate(() => window.layoutShift), 'cumulative layout shift').toBe(0);
    expect(logged, 'warnings and errors in the console').toEqual([]);
  });

  test('lets the reader see the article before its code is fetched, compiled and started', async ({ page }) => {
    // A last script holds the parser until the page's loader has long arrived and run, as
    // on a long page or a slow connection.
    let loaderArrived;
    const arrived = new Promise((resolve) => {
      loaderArrived = resolve;
    });
    page.on('requestfinished', (request) => request.url().endsWith('/wake.js') && loaderArrived());
    await page.route('**/held-back.js', async (route) => {
      await arrived;
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.fulfill({ contentType: 'text/javascript', body: '' });
    });
    await page.route(`**${story(SEED_SLUG)}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('</body>', '<script src="/held-back.js"></script></body>');
      await route.fulfill({ response, body });
    });
    await page.addInitScript(() => {
      window.order = [];
      const compile = WebAssembly.compileStreaming;
      WebAssembly.compileStreaming = (...args) => {
        window.order.push('compiling');
        return compile(...args);
      };
      addEventListener('TrunkApplicationStarted', () => window.order.push('code started'));
      // Listening before wake.js does, this frame is the first its code could wait for.
      document.addEventListener('DOMContentLoaded', () => {
        window.order.push('article parsed');
        requestAnimationFrame(() => setTimeout(() => window.order.push('article painted')));
      });
    });
    await page.goto(story(SEED_SLUG));
    await appStarted(page);
    expect(await page.evaluate(() => window.order)).toEqual([
      'article parsed',
      'compiling',
      'article painted',
      'code started',
    ]);
    // Not even asked for before: the page hints at none of it.
    const askedAfterParsing = await page.evaluate(() => {
      const parsed = performance.getEntriesByType('navigation')[0].domContentLoadedEventStart;
      return performance
        .getEntriesByType('resource')
        .filter((entry) => /\/storyline-page-\w+(\.js|_bg\.wasm)$/.test(entry.name))
        .map((entry) => entry.startTime >= parsed);
    });
    expect(askedAfterParsing).toEqual([true, true]);
  });

  test('keeps where the reader scrolled to and what they selected before it started', async ({ page }) => {
    let release;
    const released = new Promise((resolve) => {
      release = resolve;
    });
    await page.route('**/*.wasm', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(story(SEED_SLUG));
    const selected = await page.evaluate(() => {
      scrollTo({ top: document.querySelector('#fact-4').offsetTop - 100, behavior: 'instant' });
      const text = document.querySelector('#fact-3 .fact-text').firstChild;
      getSelection().setBaseAndExtent(text, 4, text, 40);
      return { text: getSelection().toString(), scroll: scrollY };
    });
    expect(selected.scroll).toBeGreaterThan(0);

    release();
    await appStarted(page);
    const after = await page.evaluate(() => ({
      text: getSelection().toString(),
      scroll: scrollY,
      inFact: getSelection().anchorNode?.parentElement?.closest('#fact-3') !== null,
    }));
    expect(after).toEqual({ text: selected.text, scroll: selected.scroll, inFact: true });
  });
});

// Hostile story data: every payload of tests/fixtures/xss-payloads.json is put into every
// string field of an otherwise valid story, which is served from a route (so the corpus
// stays one data file) and opened in the app and, for the nastiest, in a widget.
//
// Corpus entries: {name, category, payload, head?, repeat?, tail?}; the string used is
// head + payload repeated `repeat` times + tail, so 100,000-character cases stay small.
// Payloads call window.__xss(name), alert() and friends or load from beacon.evil.example,
// so anything that runs is caught here whichever way it runs.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ROOT, documentTitle } from './support.mjs';

const corpus = JSON.parse(readFileSync(`${ROOT}tests/fixtures/xss-payloads.json`, 'utf8'));
const expand = ({ payload, head = '', repeat = 1, tail = '' }) => head + payload.repeat(repeat) + tail;

const APP = 'http://127.0.0.1:4173/';
const HOST_PAGE = 'http://127.0.0.1:4174/embed-demo.html';
/** The stand-in image host: fulfilled with a tiny GIF, so images load without a network. */
const IMAGE = 'https://images.storyline.test/xss.gif';
const ARTICLE = 'https://news.storyline.test/article';
const BEACON_HOST = 'beacon.evil.example';
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * A format-v1 story with `p` in every string field. Where a field must keep a particular
 * shape for the rest to render, the payload goes next to a valid value instead:
 * - `slug` stays valid: the route is built from it and an invalid one is "not found";
 * - `image.src` stays an http(s) URL, or the figure with its alt and credit is left out;
 *   the raw payload is a related story's image src instead, and is appended to a valid URL
 *   in the other (the app resolves relative paths, so both kinds reach <img src>);
 * - sources are cited by id, so one source has the payload as its id and a fact cites it,
 *   and a third citation names a missing id containing the payload (shown as a problem);
 * - a related story keeps a valid slug so its link is drawn; the other has the payload;
 * - each URL field holds the raw payload once and a valid URL with the payload appended
 *   once, so both the "shown as text" and the "becomes a link" paths see it.
 * Dates hold the raw payload: the app shows an unparseable date as written.
 */
function hostileStory(slug, p) {
  return {
    slug,
    title: p,
    teaser: p,
    byline: p,
    published_at: p,
    updated_at: p,
    image: { src: IMAGE, alt: p, credit: p, credit_url: p },
    topics: [p, p],
    sources: [
      { id: 'raw', outlet: p, title: p, url: p, published_at: p },
      { id: p, outlet: p, title: p, url: `${ARTICLE}?q=${p}`, published_at: p },
      { id: 'uncited', outlet: p, title: p, url: p },
    ],
    facts: [
      { text: p, sources: ['raw', p, `missing ${p}`] },
      { text: `${p}\n\n${p}`, sources: [p] },
    ],
    narratives: [
      { label: p, perspective: p, outlet: p, url: p, text: `${p}\n\n${p}` },
      { label: p, perspective: p, outlet: p, url: `${ARTICLE}#${p}`, text: p },
    ],
    predictions: [
      { question: p, probability: 0.42, source: p, url: p, as_of: p },
      { question: p, probability: 0.5, source: p, url: `${ARTICLE}?p=${p}`, as_of: p },
    ],
    related: [
      // Its link, unique to this story, also tells that this story (not the last) is shown.
      { slug: `related-to-${slug}`, title: p, image: { src: p, alt: p } },
      { slug: p, title: p, image: { src: `${IMAGE}?${p}`, alt: p } },
    ],
  };
}

/**
 * Traps for anything a payload could run: window.__xss and the dialog functions report to
 * the test through a binding (present in every frame, even opaque-origin ones), dialogs
 * that open anyway, uncaught errors, and requests to the beacon host. Routes answer every
 * other host, so nothing leaves the machine.
 */
async function armTraps(page) {
  const hits = { calls: [], dialogs: [], errors: [], beacons: [] };
  await page.exposeBinding('__xssReport', ({ frame }, kind, detail) => {
    hits.calls.push(`${kind}(${String(detail).slice(0, 80)}) in ${frame.url().slice(0, 80)}`);
  });
  await page.addInitScript(() => {
    const report = (kind) => (...args) => {
      window.__xssReport(kind, args.map(String).join(', '));
    };
    Object.defineProperty(window, '__xss', { value: report('__xss'), configurable: false });
    for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) window[name] = report(name);
  });
  page.on('dialog', async (dialog) => {
    hits.dialogs.push(`${dialog.type()}: ${dialog.message().slice(0, 80)}`);
    await dialog.dismiss();
  });
  page.on('pageerror', (error) => hits.errors.push(error.message.slice(0, 200)));
  page.on('console', (message) => {
    if (message.type() === 'error' && /panick|unreachable/i.test(message.text())) {
      hits.errors.push(message.text().slice(0, 200));
    }
  });
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === BEACON_HOST) hits.beacons.push(url.href.slice(0, 120));
      if (route.request().resourceType() === 'image') {
        return route.fulfill({ status: 200, contentType: 'image/gif', body: GIF });
      }
      return route.abort();
    },
  );
  return hits;
}

/** Answers /stories/<slug>.json with `story`, readable from any origin as the real ones are. */
async function serveStories(page, stories) {
  await page.route('**/stories/xss-*.json', (route) => {
    const slug = new URL(route.request().url()).pathname.replace(/^\/stories\/|\.json$/g, '');
    const story = stories.get(slug);
    if (!story) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({
      status: 200,
      contentType: 'application/json; charset=utf-8',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: JSON.stringify(story),
    });
  });
}

function expectNothingRan(hits) {
  expect(hits.calls, 'trap or dialog functions called').toEqual([]);
  expect(hits.dialogs, 'dialogs opened').toEqual([]);
  expect(hits.beacons, 'requests to the beacon host').toEqual([]);
  expect(hits.errors, 'uncaught errors or panics').toEqual([]);
}

/**
 * Runs in the page. Walks the document and every open shadow root and returns what is
 * wrong: links that are not http(s), same-origin paths or fragments; elements or
 * attributes that story text could only have made as markup; and, for each article in
 * `expected` (found by the widget host's id, or the page's own), any place where the
 * payload is not exactly the text it should be.
 */
function inspect({ expected, appOrigin }) {
  const problems = [];
  const short = (s) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…(${s.length} chars)` : s);
  const describe = (el) =>
    `<${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}>`;

  const elements = [];
  const collect = (root) => {
    for (const el of root.querySelectorAll('*')) {
      elements.push(el);
      if (el.shadowRoot) collect(el.shadowRoot);
    }
  };
  collect(document);

  // What the article is drawn with; anything else in it came from somewhere else.
  const articleTags = new Set(
    'article header h1 h2 h3 figure img figcaption p span a section ul ol li button strong cite time div bdi wbr svg polyline'.split(' '),
  );
  const articleAttributes = new Set(
    ('class id href src alt rel decoding fetchpriority loading type tabindex role datetime data-perspective style dir ' +
      'hidden viewBox preserveAspectRatio focusable points').split(' '),
  );
  const neverAnywhere = new Set('iframe frame frameset object embed applet svg math portal xmp noembed'.split(' '));
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'ping', 'srcset', 'srcdoc'];
  const stripped = (value) => value.replace(/[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, '');

  const safeHref = (raw) => {
    if (/^#/.test(raw)) return true;
    if (/^\/(?![/\\])/.test(raw)) return new URL(raw, location.href).origin === location.origin;
    return /^https?:\/\/[^/\\\s]/i.test(raw) && ['http:', 'https:'].includes(new URL(raw, location.href).protocol);
  };

  for (const el of elements) {
    const tag = el.localName;
    // The one drawing the app makes: a forecast's sparkline, a bare line.
    const isSparkline = (svg) =>
      svg.matches('svg.sparkline') && [...svg.children].every((child) => child.localName === 'polyline' && !child.childElementCount);
    if (neverAnywhere.has(tag) && !(tag === 'svg' && isSparkline(el))) problems.push(`${describe(el)} exists`);
    // tools/serve-static.mjs gives the publisher's page a <base> pointing at the app.
    if (tag === 'base' && !(el.parentNode === document.head && el.getAttribute('href') === appOrigin)) {
      problems.push(`<base href=${short(String(el.getAttribute('href')))}> exists`);
    }
    if (tag === 'script' && /__xss|evil\.example/.test(`${el.src} ${el.textContent}`)) {
      problems.push(`a script from story data: ${short(el.outerHTML)}`);
    }
    if (tag === 'meta' && el.httpEquiv && el.httpEquiv.toLowerCase() === 'refresh') problems.push('a meta refresh exists');
    for (const { name, value } of el.attributes) {
      if (/^on/i.test(name)) problems.push(`${describe(el)} has an event handler attribute ${name}=${short(value)}`);
      if (urlAttributes.includes(name.toLowerCase()) && /^(javascript|vbscript|data|livescript):/i.test(stripped(value))) {
        problems.push(`${describe(el)} has ${name}=${short(value)}`);
      }
    }
    if ((tag === 'a' || tag === 'area') && el.hasAttribute('href') && !safeHref(el.getAttribute('href'))) {
      problems.push(`${describe(el)} links to ${short(el.getAttribute('href'))} (protocol ${el.protocol})`);
    }
    if (tag === 'link' && el.hasAttribute('href') && !safeHref(el.getAttribute('href'))) {
      problems.push(`<link> to ${short(el.getAttribute('href'))}`);
    }

    const article = el.closest('article.story');
    if (!article) continue;
    if (!articleTags.has(tag)) problems.push(`${describe(el)} inside the article`);
    for (const { name, value } of el.attributes) {
      if (!articleAttributes.has(name) && !name.startsWith('aria-')) {
        problems.push(`${describe(el)} inside the article has attribute ${name}=${short(value)}`);
      }
    }
    const style = el.getAttribute('style');
    const drawnStyle =
      (el.matches('.probability-fill') && /^width: [\d.]+%;?$/.test(style)) ||
      (el.matches('.lean-segment') && /^flex-grow: \d+;?$/.test(style));
    if (el.hasAttribute('style') && !drawnStyle) {
      problems.push(`${describe(el)} has style=${short(el.getAttribute('style'))}`);
    }
    if (tag === 'img' && !['http:', 'https:'].includes(new URL(el.src, location.href).protocol)) {
      problems.push(`${describe(el)} has src ${short(el.getAttribute('src'))}`);
    }
  }

  // The Rust side trims Unicode White_Space, which (unlike String.prototype.trim) keeps U+FEFF.
  const rustTrim = (s) =>
    s.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, '');
  // What the browser does to the whitespace of a normal-flow text when it is shown.
  const collapse = (s) => s.replace(/[\t\n\f\r ]+/g, ' ').trim();

  for (const { host, slug, payload: p } of expected) {
    const root = host ? document.getElementById(host)?.shadowRoot : document;
    const article = root?.querySelector('article.story');
    if (!article) {
      problems.push(`no article for ${host ?? 'the page'}`);
      continue;
    }
    const label = rustTrim(p);
    const heading = label.toLowerCase().endsWith('narrative') ? label : `${label} narrative`;
    const exact = [
      ['h1.story-title', p],
      ['p.teaser', p],
      ['.byline-author', `by ${p}`],
      ['figcaption.image-credit', `Image credit: ${p}`],
      ['#fact-1 .fact-text', p],
      ['#fact-1 .citation-problem', `Source missing: facts[0].sources[2]: unknown source "missing ${p}"`],
      ['#source-1 .source-entry', `[1] ${p}: ${p}, ${p}`],
      ['#source-1 cite', p],
      ['#source-2 cite', p],
      ['.narrative-heading', heading],
      ['.narrative-provider', `as provided by ${p}`],
      ['.prediction-question', p],
      // The " · " between the two is drawn by CSS.
      ['.prediction-meta > span:first-child', `Forecast by ${p}`],
      ['.prediction-meta > span + span', `as of ${p}`],
      ['.related-title', p],
      ['.citation-panel strong', p],
      ['.citation-preview strong', p],
    ];
    for (const [selector, text] of exact) {
      for (const el of article.querySelectorAll(selector)) {
        if (el.textContent !== text) {
          problems.push(`${selector} reads ${short(el.textContent)}, not ${short(text)}`);
        }
      }
    }
    for (const [selector, min] of [['h1.story-title', 1], ['.fact-text', 2], ['.related-title', 2], ['.narrative-text p', 2]]) {
      const found = article.querySelectorAll(selector);
      if (found.length < min) problems.push(`expected at least ${min} × ${selector}, found ${found.length}`);
      for (const el of found) {
        if (el.childElementCount) problems.push(`${selector} holds elements: ${short(el.innerHTML)}`);
      }
    }
    const title = article.querySelector('h1.story-title');
    if (title && collapse(title.innerText) !== collapse(p)) {
      problems.push(`the headline shows ${short(title.innerText)}, not ${short(p)}`);
    }
    const alt = article.querySelector('figure.story-image img')?.getAttribute('alt');
    if (alt !== p) problems.push(`the image alt is ${short(String(alt))}`);
    for (const narrative of article.querySelectorAll('li.narrative')) {
      // The perspective picks one of the documented styles; the payload itself is never an attribute.
      const documented = ['left', 'right', 'pro-establishment', 'establishment-critical', 'neutral'];
      if (!documented.includes(narrative.dataset.perspective)) problems.push(`data-perspective is ${short(String(narrative.dataset.perspective))}`);
    }
    // The first related story's image src is the raw payload: unless that is an absolute
    // http(s) URL, it is a path beside the story and must not reach another host.
    const thumbnail = article.querySelector('li.related-story')?.querySelector('img');
    if (thumbnail && !/^\s*https?:\/\//i.test(p) && new URL(thumbnail.src).origin !== new URL(appOrigin).origin) {
      problems.push(`the relative image path ${short(p)} loads from ${short(thumbnail.src)}`);
    }
    if (!article.querySelector(`a[href="${host ? appOrigin : '/'}stories/related-to-${slug}"]`)) {
      problems.push('the related story with a valid slug is not a link');
    }
  }
  return problems;
}

const citation = (scope, fact, number) =>
  scope.locator(`#fact-${fact} button.citation:not(.citation-missing)`, { hasText: `[${number}]` });

/** Shows a hover preview and both panels, checking the document while each is open. */
async function openCitations(page, scope, expected) {
  await citation(scope, 1, 2).hover();
  // Waits frame by frame (expect() polls in coarser steps): the preview takes 150 ms.
  await scope.locator('#fact-1-citation-2-preview').waitFor();
  expect(await page.evaluate(inspect, { expected, appOrigin: APP }), 'with a preview shown').toEqual([]);
  await citation(scope, 1, 1).click();
  await citation(scope, 1, 2).click();
  await expect(scope.locator('#fact-1 .citation-panel')).toHaveCount(2);
  await page.mouse.move(0, 0);
}

/** Chromium's document.title: control characters and spaces collapse to one space, trimmed. */
const shownTitle = (text) => text.replace(/[\u0000-\u0020\u007f]+/g, ' ').replace(/^ | $/g, '');

/** "same", or both strings cut short: a failure must not print 100,000 characters. */
const compare = (actual, expected) => {
  const short = (s) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…(${s.length} chars)` : s);
  return actual === expected ? 'same' : `${short(String(actual))} instead of ${short(expected)}`;
};

const stories = new Map(
  corpus.map((entry, index) => [`xss-${index + 1}`, hostileStory(`xss-${index + 1}`, expand(entry))]),
);

// Declared first so that it runs beside the corpus rather than after it. The embed has no
// CSP of its own (the host page decides one), and it mounts in shadow roots.
const NASTIEST = [
  'script-plain',
  'img-onerror',
  'attr-double-quote',
  'js-url-tab',
  'data-text-html',
  'svg-foreignobject-iframe',
  'math-mglyph-style',
  'polyglot-url-and-markup',
  'rtl-override-markup',
];

test('widgets on a publisher page render the nastiest payloads as text', async ({ page }) => {
  const chosen = NASTIEST.map((name) => {
    const index = corpus.findIndex((entry) => entry.name === name);
    expect(index, `${name} is in the corpus`).toBeGreaterThanOrEqual(0);
    return { slug: `xss-${index + 1}`, host: `xss-widget-${index + 1}`, payload: expand(corpus[index]) };
  });
  const hits = await armTraps(page);
  await serveStories(page, stories);
  await page.goto(HOST_PAGE);
  const hostTitle = await page.title();

  await page.evaluate(({ chosen, app }) => {
    for (const { slug, host } of chosen) {
      const element = document.createElement('div');
      element.id = host;
      element.dataset.storylineStory = `${app}stories/${slug}.json`;
      document.querySelector('main').append(element);
    }
  }, { chosen, app: APP });
  for (const { host } of chosen) {
    const widget = page.locator(`#${host}`);
    await expect(widget.locator('h1.story-title')).toHaveCount(1);
    await openCitations(page, widget, chosen.filter((c) => c.host === host));
  }

  expect(await page.evaluate(inspect, { expected: chosen, appOrigin: APP })).toEqual([]);
  expect(page.url()).toBe(HOST_PAGE);
  await expect(page).toHaveTitle(hostTitle);
  expectNothingRan(hits);
});

const withSharedPage = test.extend({
  // One page per worker, moving from story to story inside the app as a reader would:
  // loading and compiling the wasm again for each of a hundred payloads would take minutes.
  // The release build's Content-Security-Policy would stop an injected inline script
  // before the trap saw it; bypassing it tests that the app never makes markup at all.
  reader: [
    async ({ browser }, use) => {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      const hits = await armTraps(page);
      await serveStories(page, stories);
      await use({ page, hits });
      await context.close();
    },
    { scope: 'worker' },
  ],
});

withSharedPage.describe('hostile text in every field of a story', () => {
  corpus.forEach((entry, index) => {
    const slug = `xss-${index + 1}`;
    const payload = expand(entry);
    withSharedPage(`${entry.category}: ${entry.name}`, async ({ reader: { page, hits } }) => {
      // Whatever a payload ran would be named in the report (each calls __xss with its
      // name), so one reported late, during the next payload's test, is still traced.
      for (const list of Object.values(hits)) list.length = 0;
      const path = `/stories/${slug}`;
      if (page.url().startsWith(APP)) {
        await page.evaluate((path) => {
          history.pushState(null, '', path);
          dispatchEvent(new PopStateEvent('popstate'));
        }, path);
      } else {
        await page.goto(`${APP}${path.slice(1)}`);
      }
      await expect(page.locator(`article.story a[href="/stories/related-to-${slug}"]`)).toHaveCount(1);
      await expect(page.locator('#fact-1 button.citation')).toHaveCount(3);

      const expected = [{ slug, payload }];
      await openCitations(page, page, expected);
      expect(await page.evaluate(inspect, { expected, appOrigin: APP })).toEqual([]);

      // Title and description are set from strings, never parsed.
      const head = await page.evaluate(() => ({
        titles: [...document.querySelectorAll('title')].map((title) => title.textContent),
        documentTitle: document.title,
        descriptions: [...document.querySelectorAll('meta[name="description"]')].map((meta) => meta.content),
      }));
      expect(head.titles).toHaveLength(1);
      expect(compare(head.titles[0], documentTitle(payload)), 'the <title> text').toBe('same');
      expect(compare(head.documentTitle, shownTitle(documentTitle(payload))), 'document.title').toBe('same');
      expect(head.descriptions).toHaveLength(1);
      expect(compare(head.descriptions[0], payload), 'the meta description').toBe('same');

      expect(new URL(page.url()).pathname, 'no navigation away').toBe(path);
      expectNothingRan(hits);
    });
  });
});

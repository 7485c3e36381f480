// Hostile story data shared by the tests that render it: xss.spec.mjs (drawn by the app,
// on its page and in widgets) and publish.spec.mjs (rendered ahead of time by the publish
// step). Every payload of tests/fixtures/xss-payloads.json goes into every string field
// of an otherwise valid story; traps catch anything that runs, and `inspect` walks the
// document for anything story text could only have made as markup.
//
// Corpus entries: {name, category, payload, head?, repeat?, tail?}; the string used is
// head + payload repeated `repeat` times + tail, so 100,000-character cases stay small.
// Payloads call window.__xss(name), alert() and friends or load from beacon.evil.example,
// so anything that runs is caught here whichever way it runs.
import { readFileSync } from 'node:fs';
import { ROOT, expect } from './support.mjs';

export const corpus = JSON.parse(readFileSync(`${ROOT}tests/fixtures/xss-payloads.json`, 'utf8'));
export const expand = ({ payload, head = '', repeat = 1, tail = '' }) => head + payload.repeat(repeat) + tail;

/**
 * A story string as Storyline reads it (src/model/text.rs, `clean`): control characters
 * other than tab and newline removed, line ends made newlines. What readers are shown.
 */
export const cleaned = (text) => text.replace(/\r\n?/g, '\n').replace(/[\0-\x08\x0b-\x1f\x7f\ufffe\uffff]/g, '');

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
export function hostileStory(slug, p) {
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
export async function armTraps(page) {
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

export function expectNothingRan(hits) {
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
export function inspect({ expected, appOrigin }) {
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
  // A page rendered ahead of time wraps the parts that wake in <leptos-island>, and the
  // markup inside them that they leave as it is in <leptos-children>.
  const articleTags = new Set(
    ('article header h1 h2 h3 figure img figcaption p span a section ul ol li button strong cite time div bdi wbr ' +
      'details summary svg polyline rect leptos-island leptos-children').split(' '),
  );
  const articleAttributes = new Set(
    ('class id href src alt rel decoding fetchpriority loading type tabindex role datetime data-perspective dir ' +
      'hidden disabled open viewBox preserveAspectRatio focusable points x width height data-component data-props ' +
      'data-copy data-position').split(' '),
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
    // The drawings the app makes: a forecast's sparkline, bare lines; probability and lean
    // bars, bare rectangles.
    const isDrawing = (svg) =>
      (svg.matches('svg.sparkline') && [...svg.children].every((child) => child.localName === 'polyline' && !child.childElementCount)) ||
      (svg.matches('svg.probability-bar, svg.lean-bar') && [...svg.children].every((child) => child.localName === 'rect' && !child.childElementCount));
    if (neverAnywhere.has(tag) && !(tag === 'svg' && isDrawing(el))) problems.push(`${describe(el)} exists`);
    // tools/serve-static.mjs gives the publisher's page a <base> pointing at the app.
    if (tag === 'base' && !(el.parentNode === document.head && el.getAttribute('href') === appOrigin)) {
      problems.push(`<base href=${short(String(el.getAttribute('href')))}> exists`);
    }
    // A page rendered ahead of time carries its story, payloads and all, as JSON data.
    const isData = tag === 'script' && /^application\/(ld\+)?json$/.test(el.type);
    if (tag === 'script' && !isData && /__xss|evil\.example/.test(`${el.src} ${el.textContent}`)) {
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
    if (el.hasAttribute('style')) problems.push(`${describe(el)} has style=${short(el.getAttribute('style'))}`);
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
  scope.locator(`#fact-${fact} a.citation`, { hasText: `[${number}]` });

/** Shows a hover preview and both panels, checking the document while each is open. */
export async function openCitations(page, scope, expected, appOrigin) {
  await citation(scope, 1, 2).hover();
  // Waits frame by frame (expect() polls in coarser steps): the preview takes 150 ms.
  await scope.locator('#fact-1-citation-2-preview').waitFor();
  expect(await page.evaluate(inspect, { expected, appOrigin }), 'with a preview shown').toEqual([]);
  await citation(scope, 1, 1).click();
  await citation(scope, 1, 2).click();
  await expect(scope.locator('#fact-1 .citation-panel')).toHaveCount(2);
  await page.mouse.move(0, 0);
}

/** Chromium's document.title: control characters and spaces collapse to one space, trimmed. */
export const shownTitle = (text) => text.replace(/[\u0000-\u0020\u007f]+/g, ' ').replace(/^ | $/g, '');

/** "same", or both strings cut short: a failure must not print 100,000 characters. */
export const compare = (actual, expected) => {
  const short = (s) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…(${s.length} chars)` : s);
  return actual === expected ? 'same' : `${short(String(actual))} instead of ${short(expected)}`;
};

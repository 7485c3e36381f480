// `make bench`: one run on this machine against the release build in dist/. Prints one
// table (code weight, time to article against static HTML, a 1,000-fact story, Lighthouse),
// each figure beside its target, and writes the same results to target/bench.json.
// Missed targets are reported, not failed: the exit status is non-zero only when something
// could not be measured.
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { saveStaticRendition, timeToArticle } from './bench/article.mjs';
import { launchBrowser } from './bench/browser.mjs';
import { CATEGORIES, runLighthouse } from './bench/lighthouse.mjs';
import { checkTargets, formatReport } from './bench/report.mjs';
import { SCALE, SCALE_SLUG, measureScaleRender, measureScaleToggles, publishWithScaleStory } from './bench/scale.mjs';
import { serveStatic } from './bench/server.mjs';
import { codeWeight } from './bench/weight.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
// What the bench serves: a copy of dist/ with the generated story published in it, then
// the static renditions. Never committed.
const PUBLISHED = join(ROOT, 'target/bench/published');
const SITE = join(ROOT, 'target/bench/site');
// The publish step `make build` has just built and run.
const PUBLISH = join(ROOT, 'target/debug/storyline-publish');
const RESULTS = join(ROOT, 'target/bench.json');

const CONFIG = {
  // The story the project started from (README).
  seedSlug: 'seoul-n-korean-troops-arrive-in-russia-to-fight-ukraine',
  cpuRate: 4,
  articleLoads: 41,
  scaleLoads: 5,
  toggles: 20,
  scale: SCALE,
};

// Printed under the table: what exactly each figure measures.
const DEFINITIONS = [
  [
    'Times are medians; in brackets, the middle half of the samples (25th to 75th percentile),',
    'to show how much they varied.',
  ],
  [
    'Code weight: the wasm, JS and CSS each kind of page loads, compressed here with node:zlib:',
    'a story page rendered ahead of time (wake.js and the page module; the signup module, which',
    'it loads when the form comes within a screen of the viewport, apart), the app shell',
    '(/app.html, the app module) and a page with a story widget (widget.js and the widget module,',
    'whose styles are in its wasm; the widget-signup module, which a signup widget loads, and a',
    'story widget once its form comes within a screen of the viewport, apart). The bench server',
    "sends the release build's own .br files, as deploy/nginx.conf does; the story page's figure",
    'with a target is what its loads actually downloaded',
    '(Resource Timing encodedBodySize of every .wasm, .js and .css request, the largest load).',
  ],
  [
    "Time to article: when the seed story's article is visible on its page, rendered ahead of",
    'time: the end of the frame that first paints its facts (a requestAnimationFrame callback,',
    'then a setTimeout, once every li.fact is in the document, as a MutationObserver that an init',
    "script starts before the page's own code sees; \"in the document\" is that moment itself,",
    'which a slowed CPU reaches long before the frame). Each load in a fresh browser context (no',
    `HTTP or compiled-wasm cache), with Emulation.setCPUThrottlingRate ${CONFIG.cpuRate}, app and static`,
    "alternating. The static page is the story's page as shown once the app has started,",
    'saved without its scripts and JS/wasm preloads, served by the same server.',
  ],
  [
    'Interactive: when the app has started on the page (data-storyline-live on <html>, set once',
    'every island is woken and its first effects have run) and its facts are painted: from then',
    "a citation click opens its source in place. It is compared with the static article's time",
    'above, since that is when its citations work, as the links to the sources they are there.',
    "Layout shift: the page's layout-shift entries summed from navigation until then",
    '(Cumulative Layout Shift), the largest of the loads.',
  ],
  [
    'Milestones: responseEnd of the HTML, the JS module, the wasm and the story JSON',
    '(Resource Timing; "story asked" is its startTime, on pages the app draws); "started":',
    'TrunkApplicationStarted, once the wasm is compiled and instantiated and its main() has',
    'run; "painted": the end of the frame after the facts are in; "live": interactive.',
  ],
  [
    "Scale, its page: the generated story's page, rendered ahead of time by the build's own",
    'publish step, against its static rendition, timed as the seed story is (fewer loads).',
  ],
  [
    'Scale, drawn by the app: the app shell (/app.html) is opened in a fresh context, and once',
    'it is idle a link to the story is clicked (the router shows it without a page load, as for',
    'a story added after the build); from responseEnd of the story JSON to all 1,000 li.fact in',
    'the document (same MutationObserver): reading, parsing and validating the JSON and building',
    'the whole article. No throttling.',
  ],
  [
    'Citation click → panel painted: button.click() at the start of a frame (in a',
    'requestAnimationFrame callback) to the setTimeout after the frame in which the panel is',
    'visible and filled: app work plus style, layout and paint, without idling until vsync.',
    `${CONFIG.toggles} different citations spread over the facts of the generated story's page,`,
    'once its code has started, each scrolled into view first and closed after. No throttling.',
  ],
  [
    'Lighthouse: default config (mobile emulation, simulated slow 4G and 4× CPU), in headless',
    'Chromium with background networking off.',
  ],
].map((lines) => lines.join(' '));

const progress = (message) => process.stderr.write(`bench: ${message}\n`);

// Ends the run through process.exit so the 'exit' handlers stop the server and browsers.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

const factCount = (slug) =>
  JSON.parse(readFileSync(join(DIST, 'stories', `${slug}.json`), 'utf8')).facts.length;

async function browserMeasurements(origin) {
  const storyPath = `/stories/${CONFIG.seedSlug}.json`;
  const appUrl = `${origin}/stories/${CONFIG.seedSlug}`;
  const facts = factCount(CONFIG.seedSlug);
  const browser = await launchBrowser();
  try {
    progress('saving the static rendition of the seed story');
    // Beside the story's page, so that relative URLs in it resolve alike.
    const staticFile = join(SITE, 'stories', `${CONFIG.seedSlug}-static.html`);
    await saveStaticRendition(browser, appUrl, facts, staticFile);
    const article = await timeToArticle(browser, {
      appUrl,
      staticUrl: `${appUrl}-static.html`,
      storyPath,
      facts,
      cpuRate: CONFIG.cpuRate,
      loads: CONFIG.articleLoads,
      progress,
    });
    const scaleUrl = `${origin}/stories/${SCALE_SLUG}`;
    progress('saving the static rendition of the generated story');
    await saveStaticRendition(browser, scaleUrl, SCALE.facts, join(SITE, 'stories', `${SCALE_SLUG}-static.html`));
    const scale = {
      page: await timeToArticle(browser, {
        appUrl: scaleUrl,
        staticUrl: `${scaleUrl}-static.html`,
        storyPath: `/stories/${SCALE_SLUG}.json`,
        facts: SCALE.facts,
        cpuRate: CONFIG.cpuRate,
        loads: CONFIG.scaleLoads,
        progress,
      }),
      render: await measureScaleRender(browser, {
        // The app shell, which routes links to stories itself.
        startUrl: `${origin}/app.html`,
        loads: CONFIG.scaleLoads,
        progress,
      }),
      toggle: await measureScaleToggles(browser, { pageUrl: scaleUrl, toggles: CONFIG.toggles, progress }),
    };
    return { browserVersion: browser.version(), article, scale };
  } finally {
    await browser.close();
  }
}

async function lighthouseMeasurement(url) {
  progress('Lighthouse');
  return runLighthouse(url).catch((error) => ({ error: error.message }));
}

async function main() {
  const machine = {
    cpus: cpus().length,
    // Other work on the machine moves every time; the load averages say how much there was.
    loadAverageAtStart: loadavg()[0].toFixed(2),
    node: process.version,
  };
  progress('code weight');
  const weight = codeWeight(DIST, join('stories', `${CONFIG.seedSlug}.html`));
  await rm(SITE, { recursive: true, force: true });
  progress('publishing the generated story beside the build\'s');
  const storyBytes = await publishWithScaleStory({ dist: DIST, site: PUBLISHED, publish: PUBLISH });

  const server = await serveStatic([PUBLISHED, SITE]);
  let measured;
  let lighthouse;
  try {
    measured = await browserMeasurements(server.origin);
    lighthouse = await lighthouseMeasurement(`${server.origin}/stories/${CONFIG.seedSlug}`);
  } finally {
    server.stop();
  }

  const { browserVersion, article, scale } = measured;
  const figures = {
    pageCodeBytes: article.codeBytes,
    widgetBrotliBytes: weight.widget.total.brotli,
    articleRatio: article.ratio,
    interactiveRatio: article.interactiveRatio,
    layoutShift: article.layoutShift,
    scaleArticleRatio: scale.page.ratio,
    scaleInteractiveRatio: scale.page.interactiveRatio,
    scaleRenderMs: scale.render.medianMs,
    toggleMs: scale.toggle.medianMs,
    ...Object.fromEntries(CATEGORIES.map((category) => [category, lighthouse.scores?.[category]])),
  };
  const results = {
    ranAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: {
      ...machine,
      loadAverageAtEnd: loadavg()[0].toFixed(2),
      browser: `Chromium ${browserVersion}`,
    },
    config: CONFIG,
    definitions: DEFINITIONS,
    checks: checkTargets(figures),
    weight,
    article,
    scale: { storyBytes, ...scale },
    lighthouse,
  };
  await mkdir(join(ROOT, 'target'), { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatReport(results));
  console.log(`\nResults: ${RESULTS}`);
  if (lighthouse.error) process.exitCode = 1;
}

await main();

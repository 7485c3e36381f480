// Time to article: the seed story's page as the build serves it (rendered ahead of time,
// then woken by the app), against a static HTML page of the very same article (same DOM,
// same CSS, same origin) that needs no JavaScript at all: when each is visible, and when a
// click on a citation does all it will do (on the story page, once the app has started).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { coldLoad } from './browser.mjs';
import { median, middleHalf } from './stats.mjs';

/**
 * Saves the app's rendering of `appUrl` as plain HTML: the document as it stands once
 * the article is shown, without scripts and without the preloads of the JS and wasm.
 */
export async function saveStaticRendition(browser, appUrl, facts, file) {
  const page = await browser.newPage();
  try {
    await page.goto(appUrl, { waitUntil: 'networkidle' });
    await page.waitForFunction((count) =>
      document.querySelectorAll('li.fact').length >= count, facts);
    const html = await page.evaluate(() => {
      const root = document.documentElement.cloneNode(true);
      const code = [
        'script',
        'link[rel="modulepreload"]',
        'link[rel="preload"][href$=".wasm"]',
        'link[rel="preload"][href$=".js"]',
      ];
      root.querySelectorAll(code.join(', ')).forEach((element) => element.remove());
      return `<!doctype html>\n${root.outerHTML}\n`;
    });
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, html);
  } finally {
    await page.close();
  }
}

const CODE = /\.(wasm|js|css)$/;

/**
 * Milestones of one app load, in ms from navigation start, its layout shift, and the bytes
 * of code (wasm, JS, CSS) it downloaded.
 */
function appMilestones(timings, storyPath) {
  const ending = (suffix) => timings.resources.find((resource) => resource.path.endsWith(suffix));
  const story = ending(storyPath);
  return {
    codeBytes: timings.resources
      .filter((resource) => CODE.test(resource.path))
      .reduce((total, resource) => total + resource.bytes, 0),
    document: timings.document,
    js: ending('.js')?.end,
    wasm: ending('.wasm')?.end,
    appStarted: timings.appStarted,
    storyRequested: story?.start,
    storyArrived: story?.end,
    facts: timings.facts,
    painted: timings.painted,
    live: timings.live,
    layoutShift: timings.layoutShift,
  };
}

const staticMilestones = (timings) => ({
  document: timings.document,
  css: timings.resources.find((resource) => resource.path.endsWith('.css'))?.end,
  facts: timings.facts,
  painted: timings.painted,
});

/** The median of each milestone over several loads. */
const medianMilestones = (loads) =>
  Object.fromEntries(
    Object.keys(loads[0]).map((key) => [key, median(loads.map((load) => load[key]))]),
  );

/**
 * Cold loads of the app and of the static page, alternating so that whatever else the
 * machine is doing weighs on both alike. Returns the samples and medians, in ms.
 */
export async function timeToArticle(
  browser,
  { appUrl, staticUrl, storyPath, facts, cpuRate, loads, progress },
) {
  const app = [];
  const plain = [];
  for (let round = 1; round <= loads; round++) {
    progress(`time to article: cold load ${round} of ${loads}, app and static`);
    app.push(appMilestones(await coldLoad(browser, appUrl, { facts, cpuRate, live: true }), storyPath));
    plain.push(staticMilestones(await coldLoad(browser, staticUrl, { facts, cpuRate })));
  }
  // Each rendition's article counts as visible at the end of the frame that first paints
  // its facts; it is in the document earlier, but under a slowed CPU long before anyone
  // can see it. A citation can be clicked only once it is painted: on the static page it
  // then works as the link it is, on the story page it opens in place once the app is
  // live as well.
  const spreadOf = (times) => ({ medianMs: median(times), middleHalfMs: middleHalf(times) });
  const summary = (samples) => ({
    ...spreadOf(samples.map((sample) => sample.painted)),
    inDocument: spreadOf(samples.map((sample) => sample.facts)),
    milestonesMs: medianMilestones(samples),
    samples,
  });
  const result = { app: summary(app), static: summary(plain) };
  result.ratio = result.app.medianMs / result.static.medianMs;
  result.inDocumentRatio = result.app.inDocument.medianMs / result.static.inDocument.medianMs;
  result.interactive = spreadOf(app.map((sample) => Math.max(sample.live, sample.painted)));
  result.interactiveRatio = result.interactive.medianMs / result.static.medianMs;
  result.layoutShift = Math.max(...app.map((sample) => sample.layoutShift));
  result.codeBytes = Math.max(...app.map((sample) => sample.codeBytes));
  return result;
}

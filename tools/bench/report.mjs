// The targets from the "Performance" issue, and the one table the bench prints.
import { CATEGORIES } from './lighthouse.mjs';

const KB = 1024;

export const TARGETS = {
  pageCodeBytes: { op: '≤', limit: 100 * KB, shown: '≤ 100 KB brotli' },
  widgetBrotliBytes: { op: '≤', limit: 200 * KB, shown: '≤ 200 KB brotli' },
  articleRatio: { op: '≤', limit: 1.1, shown: '≤ 1.1×' },
  interactiveRatio: { op: '≤', limit: 2.0, shown: '≤ 2.0×' },
  layoutShift: { op: '≤', limit: 0, shown: '0' },
  scaleArticleRatio: { op: '≤', limit: 1.2, shown: '≤ 1.2×' },
  scaleInteractiveRatio: { op: '≤', limit: 2.0, shown: '≤ 2.0×' },
  scaleRenderMs: { op: '<', limit: 300, shown: '< 300 ms' },
  toggleMs: { op: '<', limit: 16, shown: '< 16 ms' },
  performance: { op: '≥', limit: 98, shown: '≥ 98' },
  accessibility: { op: '≥', limit: 100, shown: '100' },
  'best-practices': { op: '≥', limit: 100, shown: '100' },
  seo: { op: '≥', limit: 100, shown: '100' },
};

const meets = {
  '≤': (value, limit) => value <= limit,
  '<': (value, limit) => value < limit,
  '≥': (value, limit) => value >= limit,
};

/** Each figure with a target, its value and whether it made it (null: not measured). */
export function checkTargets(figures) {
  return Object.entries(TARGETS).map(([name, target]) => {
    const value = figures[name];
    const measured = typeof value === 'number' && Number.isFinite(value);
    return {
      name,
      value: measured ? value : null,
      target: target.shown,
      pass: measured ? meets[target.op](value, target.limit) : null,
    };
  });
}

const CATEGORY_NAMES = {
  performance: 'performance',
  accessibility: 'accessibility',
  'best-practices': 'best practices',
  seo: 'SEO',
};
const APP_MILESTONES = {
  document: 'HTML',
  js: 'JS',
  wasm: 'wasm',
  storyRequested: 'story asked',
  appStarted: 'started',
  storyArrived: 'story in',
  facts: 'facts',
  painted: 'painted',
  live: 'live',
};
const STATIC_MILESTONES = { document: 'HTML', css: 'CSS', facts: 'facts', painted: 'painted' };

const kb = (bytes) => (bytes / KB).toFixed(1);
const sizes = ({ raw, gzip, brotli }) => `${kb(raw)} / ${kb(gzip)} / ${kb(brotli)}`;
const ms = (value) => (value === undefined ? '–' : `${value.toFixed(value < 100 ? 1 : 0)} ms`);
const count = (number) => number.toLocaleString('en');
/** A median with the middle half of its samples, to show how much the runs varied. */
const spread = ({ medianMs, middleHalfMs: [low, high] }) =>
  `${ms(medianMs)} [${low.toFixed(low < 100 ? 1 : 0)}–${ms(high)}]`;

/** The row of a figure with a target: its value, the target and pass or MISS. */
const checked = (measure, value, check) => ({
  measure,
  value,
  target: TARGETS[check.name].shown,
  result: check.pass === null ? 'ERROR' : check.pass ? 'pass' : 'MISS',
});

/** "HTML 33 · JS 341 · … ms" in the order they happened, leaving out what a page lacks. */
const timeline = (labels, milestones) =>
  `${Object.entries(labels)
    .filter(([key]) => milestones[key] !== undefined)
    .sort(([a], [b]) => milestones[a] - milestones[b])
    .map(([key, label]) => `${label} ${milestones[key].toFixed(0)}`)
    .join(' · ')} ms`;

const BUNDLES = {
  page: 'story page rendered ahead of time',
  signup: 'its signup form, loaded when near the viewport',
  app: 'app shell (/app.html)',
  widget: 'story widget (widget.js and the stories\' module)',
  widgetSignup: 'signup widget, and a story widget\'s form once near the viewport',
};

function weightRows({ weight, article }, checks) {
  const bundle = (name) => [
    { measure: `  ${BUNDLES[name]}`, value: sizes(weight[name].total) },
    ...weight[name].files.map((file) => ({
      measure: `    ${file.kind.padEnd(5)}${file.file}`,
      value: sizes(file),
    })),
  ];
  return [
    { section: 'Code weight of dist/ by kind of page, KB (1 KB = 1,024 B): raw / gzip -9 / brotli -q 11' },
    ...bundle('page'),
    checked('  story page: downloaded by its loads, brotli', kb(article.codeBytes), checks.pageCodeBytes),
    ...bundle('signup'),
    ...bundle('app'),
    ...bundle('widget'),
    checked('  widget total, brotli', kb(weight.widget.total.brotli), checks.widgetBrotliBytes),
    ...bundle('widgetSignup'),
  ];
}

function articleRows({ article, config }, checks) {
  const { app, static: plain } = article;
  return [
    {
      section:
        `Time to article /stories/${config.seedSlug}: navigation start → the end of the frame ` +
        `that first paints the facts, ${config.cpuRate}× CPU slowdown, loopback, ` +
        `median of ${config.articleLoads} cold loads each`,
    },
    { measure: '  story page (rendered ahead of time)', value: spread(app) },
    { measure: '  static HTML rendition', value: spread(plain) },
    checked('  ratio story page / static', `${article.ratio.toFixed(2)}×`, checks.articleRatio),
    { measure: '  facts in the document, story page', value: spread(app.inDocument) },
    { measure: '  facts in the document, static', value: spread(plain.inDocument) },
    { measure: '  ratio in the document, story page / static', value: `${article.inDocumentRatio.toFixed(2)}×` },
    { measure: '  interactive: the app has started, citations open in place', value: spread(article.interactive) },
    checked('  ratio interactive / static article (its links work once painted)', `${article.interactiveRatio.toFixed(2)}×`, checks.interactiveRatio),
    checked('  layout shift from navigation to interactive, largest', article.layoutShift.toFixed(3), checks.layoutShift),
    { note: `    app milestones, medians: ${timeline(APP_MILESTONES, app.milestonesMs)}` },
    { note: `    static milestones, medians: ${timeline(STATIC_MILESTONES, plain.milestonesMs)}` },
  ];
}

function scaleRows({ scale, config }, checks) {
  const { facts, citationsPerFact, sources, narratives } = config.scale;
  const { page } = scale;
  return [
    {
      section:
        `Scale: generated story, ${count(facts)} facts, ${count(facts * citationsPerFact)} citations, ` +
        `${sources} sources, ${narratives} narratives (${kb(scale.storyBytes)} KB JSON)`,
    },
    { note: `  its page, rendered ahead of time, ${config.cpuRate}× CPU slowdown, median of ${config.scaleLoads} cold loads each:` },
    { measure: '    page: navigation start → facts painted', value: spread(page.app) },
    { measure: '    static HTML rendition', value: spread(page.static) },
    checked('    ratio page / static', `${page.ratio.toFixed(2)}×`, checks.scaleArticleRatio),
    { measure: '    ratio with facts in the document, page / static', value: `${page.inDocumentRatio.toFixed(2)}×` },
    { measure: '    interactive: its code has started, citations open in place', value: spread(page.interactive) },
    checked('    ratio interactive / static article', `${page.interactiveRatio.toFixed(2)}×`, checks.scaleInteractiveRatio),
    { note: `      milestones, medians: ${timeline(APP_MILESTONES, page.app.milestonesMs)}` },
    checked(
      `    citation click → panel painted, unthrottled, median of ${scale.toggle.samplesMs.length}`,
      spread(scale.toggle),
      checks.toggleMs,
    ),
    checked(
      `  drawn by the app (no page): story JSON in → facts in DOM, unthrottled, median of ${config.scaleLoads}`,
      spread(scale.render),
      checks.scaleRenderMs,
    ),
    { note: `    to the end of the next frame (painted), median: ${ms(scale.render.paintedMedianMs)}` },
  ];
}

function lighthouseRows({ lighthouse, config }, checks) {
  const page = `/stories/${config.seedSlug}`;
  const section = lighthouse.error
    ? `Lighthouse (mobile preset) ${page}: ${lighthouse.error}`
    : `Lighthouse ${lighthouse.version} (mobile preset, simulated throttling) ${page}`;
  return [
    { section },
    ...CATEGORIES.map((category) =>
      checked(
        `  ${CATEGORY_NAMES[category]}`,
        String(lighthouse.scores?.[category] ?? '–'),
        checks[category],
      ),
    ),
    ...(lighthouse.warnings ?? []).map((warning) => ({ note: `    Lighthouse warning: ${warning}` })),
  ];
}

/** Aligns the rows in columns; sections and notes run across them and set no widths. */
function formatRows(rows) {
  const columns = ['measure', 'value', 'target', 'result'];
  const header = { measure: 'Measure', value: 'Value', target: 'Target', result: 'Result' };
  const fullWidth = (row) => row.section ?? row.note;
  const cells = [header, ...rows.filter((row) => fullWidth(row) === undefined)];
  const width = (column) => Math.max(...cells.map((row) => (row[column] ?? '').length));
  const widths = columns.map(width);
  const line = (row) =>
    columns
      .map((column, index) => (row[column] ?? '').padEnd(widths[index]))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map((row) => fullWidth(row) ?? line(row))].join('\n');
}

function failingAuditLines(lighthouse) {
  const below = CATEGORIES.filter((category) => lighthouse.scores?.[category] < 100);
  if (below.length === 0) return [];
  const audit = ({ id, displayValue }) => `    ${id}${displayValue ? `  ${displayValue}` : ''}`;
  const lines = below.flatMap((category) => [
    `  ${CATEGORY_NAMES[category]} (${lighthouse.scores[category]}):`,
    ...lighthouse.failing[category].map(audit),
  ]);
  return ['', 'Lighthouse audits that cost points:', ...lines];
}

/** `text` in lines of at most `width` characters, indented, later lines a little more. */
function wrap(text, width) {
  const lines = [];
  let line = '  ';
  for (const word of text.split(' ')) {
    if (line.trim() && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `    ${word}`;
    } else {
      line = line.trim() ? `${line} ${word}` : `${line}${word}`;
    }
  }
  return [...lines, line];
}

/** The whole printout: heading, the table, the failing audits and what each figure means. */
export function formatReport(results) {
  const checks = Object.fromEntries(results.checks.map((check) => [check.name, check]));
  const { machine } = results;
  const heading =
    `Storyline bench, ${results.ranAt} · ${machine.browser} · ` +
    `${machine.cpus} CPUs, load average ${machine.loadAverageAtStart} at start, ` +
    `${machine.loadAverageAtEnd} at end`;
  const table = formatRows([
    ...weightRows(results, checks),
    ...articleRows(results, checks),
    ...scaleRows(results, checks),
    ...lighthouseRows(results, checks),
  ]);
  return [
    heading,
    '',
    table,
    ...failingAuditLines(results.lighthouse),
    '',
    'Definitions:',
    ...results.definitions.flatMap((text) => wrap(text, 100)),
  ].join('\n');
}

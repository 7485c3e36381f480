// Shared helpers for the end-to-end tests: the sample data as the app reads it, URLs,
// and an axe-core check that prints what it found.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

/** The repository root (tests/e2e/../..). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const SEED_SLUG = 'seoul-n-korean-troops-arrive-in-russia-to-fight-ukraine';
export const BIKE_LANES_SLUG = 'harbor-city-council-approves-riverside-bike-lanes';
export const LONG_SLUG = 'marlow-bay-coastal-rail-inquiry-final-report';
export const DROUGHT_SLUG = 'river-valley-water-board-adopts-drought-plan';

export const RECEIVER_URL = 'http://127.0.0.1:8788';
export const SIGNUPS_FILE = `${ROOT}target/e2e-signups.jsonl`;

/** The app's address of a story. */
export const story = (slug) => `/stories/${slug}`;

function readJson(relativePath) {
  return JSON.parse(readFileSync(`${ROOT}${relativePath}`, 'utf8'));
}

/** A sample story exactly as public/stories/<slug>.json holds it. */
export const loadSample = (slug) => readJson(`public/stories/${slug}.json`);

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

/** Predictions the app shows: those with a probability between 0 and 1. */
export const shownPredictions = (storyJson) =>
  (storyJson.predictions ?? []).filter((p) => p.probability >= 0 && p.probability <= 1);

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

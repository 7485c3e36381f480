// Stories in Verity's own API shape (public/stories/verity-sample.json), read with
// ?format=verity on the app's page and data-format="verity" on a widget.
import { APP_ORIGIN, documentTitle, expect, story, test } from './support.mjs';
import { readFileSync } from 'node:fs';

const verity = JSON.parse(readFileSync(new URL('../../public/stories/verity-sample.json', import.meta.url)));
const SLUG = 'verity-sample';
const spins = verity.spinSection.filter((section) => !/metaculus\.com/.test(section.spins[0].url));
const forecast = verity.spinSection.find((section) => /metaculus\.com/.test(section.spins[0].url));

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('?format=verity reads facts, their inline sources, spins and a Metaculus forecast', async ({ page }) => {
  await page.goto(`${story(SLUG)}?format=verity`);
  await expect(page.locator('h1.story-title')).toHaveText(verity.storyData.title);
  await expect(page).toHaveTitle(documentTitle(verity.storyData.title));
  await expect(page.locator('li.fact .fact-text')).toHaveText(verity.facts.map((fact) => fact.title));
  // Sources repeated across facts are listed once each.
  const outlets = new Set(verity.facts.flatMap((fact) => fact.source.map((source) => source.url)));
  await expect(page.locator('li.source')).toHaveCount(outlets.size);
  await expect(page.locator('.narrative-heading')).toHaveText(spins.map((section) => section.title));
  await expect(page.locator('.narrative .narrative-text')).toHaveText(spins.map((section) => section.description));
  await expect(page.locator('.prediction-question')).toHaveText([forecast.spins[0].title]);
  await expect(page.locator('.probability-value')).toHaveText([`${forecast.spins[0].probability}%`]);
  await expect(page.locator('figure.story-image img')).toHaveJSProperty('complete', true);

  // A shared fact link reads the story the same way.
  await page.locator('#fact-2').getByRole('button', { name: 'Copy link to fact 2' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${APP_ORIGIN}/stories/${SLUG}?format=verity#fact-2`);
});

test('a Metaculus question without a number links to the forecast; a section without text is left out, and said so', async ({ page }) => {
  // As Verity serves a forecast it shows in Metaculus's own frame: a question and a link.
  const shaped = structuredClone(verity);
  const question = shaped.spinSection.find((section) => /metaculus\.com/.test(section.spins[0].url));
  delete question.spins[0].probability;
  question.description = '';
  shaped.spinSection.push({ title: 'A section with nothing to say', spins: [] });
  await page.route(`**/stories/${SLUG}.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(shaped) }),
  );
  const warnings = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));

  await page.goto(`${story(SLUG)}?format=verity`);
  await expect(page.locator('.prediction-question')).toHaveText([question.spins[0].title]);
  const link = page.getByRole('link', { name: 'See the current forecast at Metaculus' });
  await expect(link).toHaveAttribute('href', question.spins[0].url);
  await expect(page.locator('section.predictions .probability-value, section.predictions svg')).toHaveCount(0);
  // Neither the question nor the empty section is a narrative card.
  await expect(page.locator('.narrative-heading')).toHaveText(spins.map((section) => section.title));
  await expect
    .poll(() => warnings)
    .toContain(`story ${SLUG}: narratives[${spins.length}].text: the narrative has no text; left out`);
});

test('the same file without ?format=verity says how to read it', async ({ page }) => {
  await page.goto(story(SLUG));
  const error = page.locator('div.load-error[role="alert"]');
  await expect(error.locator('h1')).toHaveText('This story cannot be shown');
  await expect(error.locator('p').first()).toHaveText(
    "This is a story in Verity's shape, not Storyline's format v1: add ?format=verity to the address.",
  );
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
});

test('an unknown format is named back with the ones Storyline reads', async ({ page }) => {
  await page.goto(`${story(SLUG)}?format=rss`);
  const error = page.locator('div.load-error[role="alert"]');
  await expect(error.locator('h1')).toHaveText('This story cannot be shown');
  await expect(error).toContainText('"rss" is not a story format Storyline reads; use "v1" (the default) or "verity".');
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
});

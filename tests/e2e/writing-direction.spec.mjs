// Story strings may be written right to left, or carry bidi controls that try to reorder
// what follows them. Each story string is isolated: it takes its own direction from its
// first strong letter and cannot turn the app's own words or buttons around.
import { expect, story, test } from './support.mjs';

const RLO = '\u202e';

async function serve(page, value) {
  await page.route(`**/stories/${value.slug}.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(value) }),
  );
  await page.goto(story(value.slug));
  await expect(page.locator('h1.story-title')).toHaveText(value.title);
}

/** Left edges of each locator's first box, in order, to compare where things are drawn. */
const lefts = (...locators) => Promise.all(locators.map(async (l) => (await l.boundingBox()).x));

test('an unbalanced right-to-left override stays inside the story string it is in', async ({ page }) => {
  await serve(page, {
    slug: 'bidi-override',
    title: `Override at the end${RLO}`,
    byline: `Ann Writer${RLO}`,
    published_at: '2024-10-18',
    sources: [
      { id: 'ap', outlet: `Associated Press${RLO}`, title: 'Headline', url: 'https://apnews.com/x' },
      { id: 'nbc', outlet: 'NBC News' },
    ],
    facts: [{ text: `A fact that ends in an override${RLO}`, sources: ['ap', 'nbc'] }],
    narratives: [{ label: `Pro-Ukraine${RLO}`, outlet: 'The Kyiv Independent', text: 'Text.' }],
  });

  const [one, two] = await lefts(page.locator('#fact-1 .citation').nth(0), page.locator('#fact-1 .citation').nth(1));
  expect(one, '[1] is drawn before [2]').toBeLessThan(two);
  const [author, date] = await lefts(page.locator('.byline bdi'), page.locator('.byline time'));
  expect(author, 'the date follows the author').toBeLessThan(date);
  const entry = page.locator('#source-1');
  const [outlet, headline] = await lefts(entry.getByRole('link', { name: /Associated Press/ }), entry.locator('cite'));
  expect(outlet, 'the headline follows the outlet').toBeLessThan(headline);

  // The app's word "narrative" comes after the label and reads left to right.
  const heading = page.locator('.narrative-heading');
  await expect(heading).toHaveText(`Pro-Ukraine${RLO} narrative`);
  const order = await heading.evaluate((h3) => {
    const label = h3.querySelector('bdi').getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(h3.lastChild);
    const words = range.getClientRects();
    return { labelRight: label.right, wordLeft: words[0].left, wordRight: words[words.length - 1].right };
  });
  expect(order.labelRight, '"narrative" follows the label').toBeLessThanOrEqual(order.wordLeft + 0.5);
});

test('a right-to-left story reads right to left inside a left-to-right page', async ({ page }) => {
  await serve(page, {
    slug: 'bidi-arabic',
    title: 'مجلس المدينة يوافق على مسارات الدراجات',
    published_at: '2024-10-18',
    sources: [{ id: 'a', outlet: 'الجزيرة' }],
    facts: [{ text: 'وافق المجلس بأغلبية سبعة أصوات.', sources: ['a'] }],
  });
  const direction = (locator) => locator.evaluate((element) => getComputedStyle(element).direction);
  expect(await direction(page.locator('h1.story-title'))).toBe('rtl');
  expect(await direction(page.locator('#fact-1 .fact-text'))).toBe('rtl');
  expect(await direction(page.locator('main'))).toBe('ltr');
  // The citation still follows the fact in the page's own direction.
  const [text, citation] = await lefts(page.locator('#fact-1 .fact-text'), page.locator('#fact-1 .citation'));
  expect(text).toBeLessThan(citation);
});

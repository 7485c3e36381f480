// Malformed and hostile story files, one table for the tests that read them: the app
// (malformed.spec.mjs) and the publish step (publish.spec.mjs). Small cases are files in
// tests/fixtures/stories/bad-*.json, served at /stories/<name>.json like the other
// fixtures (the slug rule allows no subfolders). Huge or binary bodies (10 MB,
// 100,000-deep nesting, invalid UTF-8, UTF-16) are built here, so they never enter the
// repository.
import { readFileSync } from 'node:fs';
import { ROOT } from './support.mjs';

const CANNOT_SHOW = 'This story cannot be shown';
const MB10 = 10 * 1024 * 1024;

// The story most fixtures vary: two sources, two facts, a date without a time (so the
// dateline does not depend on the browser's time zone).
const AP_FACT = 'The first fact cites the Associated Press.';
const NBC_FACT = 'The second fact cites NBC News.';
const BOTH_SOURCES = ['[1] Associated Press', '[2] NBC News'];
export const baseStory = (slug, title, extra = {}) => ({
  slug,
  title,
  published_at: '2024-10-18',
  sources: [
    { id: 'ap', outlet: 'Associated Press' },
    { id: 'nbc', outlet: 'NBC News' },
  ],
  facts: [
    { text: AP_FACT, sources: ['ap'] },
    { text: NBC_FACT, sources: ['nbc'] },
  ],
  ...extra,
});
export const json = (value) => JSON.stringify(value);
/** `value` with `junk` spliced in as the raw JSON text of a field named `name`. */
const withRawField = (value, before, name, junk) =>
  json(value).replace(`"${before}":`, `"${name}":${junk},"${before}":`);
const nestedArrays = (depth) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObjects = (depth) => '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth);

/** About 10 MB of short facts: the size of a story, spent on the count of facts. */
export function manyShortFacts() {
  const facts = [];
  for (let size = 0, i = 0; size < MB10; i += 1) {
    const fact = { text: `Fact ${i + 1}: ${'x'.repeat(80)}`, sources: [i % 2 ? 'nbc' : 'ap'] };
    facts.push(fact);
    size += json(fact).length + 1;
  }
  return facts;
}
export const MANY_SHORT_FACTS = manyShortFacts().length;
const ENDLESS_WORD = '\u0628'.repeat(100_000);

/** A message in the "cannot be shown" view; the reader sees "The story data is not valid: …". */
const invalid = (message) => ({ heading: CANNOT_SHOW, message });

// name → how the file is served → what the reader sees.
//   fixture: tests/fixtures/stories/<fixture>.json (fileStartsWith: bytes it must begin
//     with); or slug + body(): answered through page.route.
//   heading + message: the error view; `message` is a substring (or pattern) of its text.
//   story: the article, with only what the case is about spelled out: title; facts (texts,
//     or a count); citations (fact number → its buttons); citedOutlets (fact number → the
//     sources its citations name); missing (the reasons beside each [?]); sources (entries,
//     [] when the section is left out) and sourceNotes ("Cited in …"); narratives
//     (headings shown); predictions (questions shown); dateline; images; related and relatedLinks; problems (what the
//     console reports, none unless listed); factLink (Copy link leads back to the
//     address the story was read at).
//   budget: how long a reader may wait for the headline or the message (ms); slow: extra
//     time the test may take beyond it.
export const CASES = [
  // Huge and deeply nested: built here, never committed. First, so that the slow ones
  // start while the other worker takes the small ones.
  {
    name: 'a 10 MB title',
    slug: 'bad-huge-title',
    body: () => json(baseStory('bad-huge-title', 'H'.repeat(MB10))),
    story: { title: 'H'.repeat(MB10), facts: [AP_FACT, NBC_FACT], sources: BOTH_SOURCES },
    budget: 20_000,
  },
  {
    // Shaped as one run, a word like this held the page for 4 to 10 s per field; it is
    // laid out in pieces now, and the text is still exactly the story's.
    name: 'a word of 100,000 joined Arabic letters in a fact, an outlet and a narrative',
    slug: 'bad-endless-arabic-word',
    body: () =>
      json(
        baseStory('bad-endless-arabic-word', 'A Story With an Endless Word', {
          sources: [{ id: 'ap', outlet: ENDLESS_WORD }, { id: 'nbc', outlet: 'NBC News' }],
          facts: [{ text: ENDLESS_WORD, sources: ['ap'] }, { text: NBC_FACT, sources: ['nbc'] }],
          narratives: [{ label: ENDLESS_WORD, text: ENDLESS_WORD }],
        }),
      ),
    story: { title: 'A Story With an Endless Word', facts: [ENDLESS_WORD, NBC_FACT], sources: [`[1] ${ENDLESS_WORD}`, '[2] NBC News'] },
    budget: 5_000,
  },
  {
    name: '10 MB of facts: 1,000 facts of 10 KB',
    slug: 'bad-huge-facts',
    body: () =>
      json(
        baseStory('bad-huge-facts', 'A Story With 10 MB of Facts', {
          facts: Array.from({ length: 1000 }, (_, i) => ({ text: `Fact ${i + 1}: ${'y'.repeat(10 * 1024)}`, sources: ['ap'] })),
        }),
      ),
    story: { title: 'A Story With 10 MB of Facts', facts: 1000, sources: ['[1] Associated Press', '[2] NBC News'] },
    budget: 20_000,
  },
  {
    name: '10,000 nested arrays in an unknown field',
    slug: 'bad-deep-unknown-field',
    body: () => withRawField(baseStory('bad-deep-unknown-field', 'A Story Carrying Deep Junk'), 'facts', 'junk', nestedArrays(10_000)),
    story: { title: 'A Story Carrying Deep Junk', facts: [AP_FACT, NBC_FACT], sources: BOTH_SOURCES },
  },
  {
    name: '100,000 nested objects in an unknown field of a fact',
    slug: 'bad-deep-fact-field',
    body: () => json(baseStory('bad-deep-fact-field', 'A Story With a Deep Fact')).replace(`{"text":"${NBC_FACT}"`, `{"meta":${nestedObjects(100_000)},"text":"${NBC_FACT}"`),
    story: { title: 'A Story With a Deep Fact', facts: [AP_FACT, NBC_FACT], sources: BOTH_SOURCES },
  },
  {
    name: 'the title as 10,000 nested arrays',
    slug: 'bad-deep-title',
    body: () => json(baseStory('bad-deep-title', 'TITLE')).replace('"TITLE"', nestedArrays(10_000)),
    ...invalid('title: invalid type: sequence, expected a string'),
  },
  {
    name: 'the facts as 100,000 nested arrays',
    slug: 'bad-deep-facts',
    body: () => `{"slug":"bad-deep-facts","title":"T","published_at":"2024-10-18","sources":[],"facts":${nestedArrays(100_000)}}`,
    ...invalid('facts[0][0]: invalid type: sequence, expected a string'),
  },
  {
    name: '100,000 unclosed brackets',
    slug: 'bad-unclosed-brackets',
    body: () => '{"slug":"bad-unclosed-brackets","junk":' + '['.repeat(100_000),
    ...invalid(/not valid JSON \(.* at line 1 column \d+\)/),
  },

  // Not JSON, or not a JSON object.
  { name: 'empty file', fixture: 'bad-empty-file', ...invalid('not valid JSON (EOF while parsing a value at line 1 column 0)') },
  { name: 'whitespace only', fixture: 'bad-whitespace-only', ...invalid('not valid JSON (EOF while parsing a value at line 4 column 0)') },
  { name: 'null', fixture: 'bad-null', ...invalid('invalid type: null, expected a story object') },
  { name: 'the number 42', fixture: 'bad-number', ...invalid('invalid type: integer `42`, expected a story object') },
  { name: 'a JSON string', fixture: 'bad-string', ...invalid('invalid type: string "string", expected a story object') },
  { name: 'true', fixture: 'bad-true', ...invalid('invalid type: boolean `true`, expected a story object') },
  { name: 'an empty array', fixture: 'bad-empty-array', ...invalid('expected an object, found a list') },
  { name: 'the story inside an array', fixture: 'bad-array-of-story', ...invalid('expected an object, found a list') },
  { name: 'truncated JSON', fixture: 'bad-truncated', ...invalid('not valid JSON (EOF while parsing a value at line 9 column 6)') },
  { name: 'trailing garbage after the object', fixture: 'bad-trailing-garbage', ...invalid('not valid JSON (trailing characters at line 26 column 1)') },
  { name: 'two stories in one file', fixture: 'bad-two-documents', ...invalid('not valid JSON (trailing characters at line 26 column 1)') },
  { name: 'a trailing comma', fixture: 'bad-trailing-comma', ...invalid('not valid JSON (trailing comma at line 24 column 3)') },
  { name: 'a // comment', fixture: 'bad-comments', ...invalid('not valid JSON (expected value at line 1 column 1)') },
  { name: 'single quotes', fixture: 'bad-single-quotes', ...invalid('not valid JSON (key must be a string at line 1 column 3)') },
  { name: 'a raw line break inside a string', fixture: 'bad-raw-newline-in-string', ...invalid('not valid JSON (control character (\\u0000-\\u001F) found while parsing a string at line 4 column 0)') },
  { name: 'a lone surrogate escape', fixture: 'bad-lone-surrogate', ...invalid(/not valid JSON \(.* at line 3 column 33\)/) },
  { name: 'an HTML page served as the story', fixture: 'bad-html-page', ...invalid('not valid JSON (expected value at line 1 column 1)') },
  {
    name: 'a byte-order mark before a valid story',
    fixture: 'bad-bom-valid',
    fileStartsWith: [0xef, 0xbb, 0xbf],
    story: { title: 'A Story Saved With a Byte-Order Mark', facts: [AP_FACT, NBC_FACT], sources: BOTH_SOURCES },
  },
  {
    name: 'a byte-order mark before invalid JSON',
    fixture: 'bad-bom-invalid',
    fileStartsWith: [0xef, 0xbb, 0xbf],
    ...invalid('not valid JSON (EOF while parsing a list at line 6 column 0)'),
  },
  {
    name: 'invalid UTF-8 bytes inside a string',
    slug: 'bad-invalid-utf8-in-string',
    // Latin-1 "Café": 0xE9 alone is not UTF-8. Browsers decode it as U+FFFD, as for any page.
    body: () => {
      const [before, after] = json(baseStory('bad-invalid-utf8-in-string', 'Caf<E9> in Latin-1')).split('<E9>');
      return Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(after)]);
    },
    story: { title: 'Caf\ufffd in Latin-1', facts: [AP_FACT, NBC_FACT], sources: BOTH_SOURCES },
  },
  {
    name: 'invalid UTF-8 bytes between tokens',
    slug: 'bad-invalid-utf8-between-tokens',
    body: () => Buffer.concat([Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(json(baseStory('bad-invalid-utf8-between-tokens', 'T')))]),
    ...invalid('not valid JSON (expected value at line 1 column 1)'),
  },
  {
    name: 'a UTF-16 file',
    slug: 'bad-utf16',
    body: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json(baseStory('bad-utf16', 'A story saved as UTF-16')), 'utf16le')]),
    ...invalid('not valid JSON (expected value at line 1 column 1)'),
  },

  // A required field missing, or of the wrong type.
  { name: 'missing slug', fixture: 'bad-missing-slug', ...invalid('The story data is not valid: missing field `slug`.') },
  { name: 'missing title', fixture: 'bad-missing-title', ...invalid('The story data is not valid: missing field `title`.') },
  { name: 'missing published_at', fixture: 'bad-missing-published-at', ...invalid('The story data is not valid: missing field `published_at`.') },
  { name: 'missing sources', fixture: 'bad-missing-sources', ...invalid('The story data is not valid: missing field `sources`.') },
  { name: 'missing facts', fixture: 'bad-missing-facts', ...invalid('The story data is not valid: missing field `facts`.') },
  { name: 'title as a number', fixture: 'bad-title-number', ...invalid('title: invalid type: integer `1234`, expected a string') },
  { name: 'a key given twice', fixture: 'bad-duplicate-key', ...invalid('title: duplicate field `title`') },
  { name: 'facts as an object', fixture: 'bad-facts-object', ...invalid('facts: invalid type: map, expected a sequence') },
  { name: 'fact text null', fixture: 'bad-fact-text-null', ...invalid('facts[1].text: invalid type: null, expected a string') },
  { name: 'a source given as a bare string', fixture: 'bad-source-as-string', ...invalid('sources[1]: invalid type: string "nbc", expected a source object') },
  { name: 'a number among the cited ids', fixture: 'bad-number-in-citations', ...invalid('facts[1].sources[1]: invalid type: integer `2`, expected a string') },
  { name: 'a number among the topics', fixture: 'bad-number-in-topics', ...invalid('topics[1]: invalid type: integer `7`, expected a string') },
  // The path must name the element that is wrong, not the list holding it.
  { name: 'an object among the topics', fixture: 'bad-object-in-topics', ...invalid('topics[1]: invalid type: map, expected a string') },
  { name: 'a list among the cited ids', fixture: 'bad-list-in-citations', ...invalid('facts[1].sources[1]: invalid type: sequence, expected a string') },
  { name: 'an image without alt', fixture: 'bad-image-without-alt', ...invalid('image: missing field `alt`') },
  { name: 'a narrative without text', fixture: 'bad-narrative-without-text', ...invalid('narratives[0]: missing field `text`') },
  { name: 'probability "NaN"', fixture: 'bad-probability-nan', ...invalid('predictions[0].probability: invalid type: string "NaN", expected f64') },
  // 1e309 is JSON but no f64; serde_json stops at it and says where.
  { name: 'probability 1e309', fixture: 'bad-probability-overflow', ...invalid('number out of range at line 28 column 26') },

  // Readable stories with a part that is wrong: shown without it, or with it marked.
  {
    name: 'an empty facts array',
    fixture: 'bad-empty-facts',
    story: { title: 'A Story With No Facts', facts: [], sources: BOTH_SOURCES, sourceNotes: ['Not cited in any fact', 'Not cited in any fact'] },
  },
  {
    name: 'an empty sources array while facts cite',
    fixture: 'bad-empty-sources',
    story: {
      title: 'A Story Citing Sources It Does Not List',
      facts: [AP_FACT, NBC_FACT],
      citations: { 1: ['[?]'], 2: ['[?]'] },
      missing: ['facts[0].sources[0]: unknown source "ap"', 'facts[1].sources[0]: unknown source "nbc"'],
      sources: [],
      problems: ['facts[0].sources[0]: unknown source "ap"', 'facts[1].sources[0]: unknown source "nbc"'],
    },
  },
  {
    name: 'duplicate source ids',
    fixture: 'bad-duplicate-source-ids',
    story: {
      title: 'A Story Listing One Source Id Twice',
      facts: [AP_FACT, NBC_FACT],
      citations: { 1: ['[1]'], 2: ['[2]'] },
      citedOutlets: { 1: ['Source 1: Associated Press'] },
      sources: [...BOTH_SOURCES, '[3] An Impostor Outlet'],
      sourceNotes: ['Cited in 1 fact', 'Cited in 1 fact', 'Not cited in any fact'],
      problems: ['sources[2].id: duplicate source id "ap"; citations use the first'],
    },
  },
  {
    name: 'a dangling citation',
    fixture: 'bad-dangling-citation',
    story: {
      title: 'A Story With a Dangling Citation',
      facts: [AP_FACT, 'The second fact cites NBC News and a source that is not listed.'],
      citations: { 1: ['[1]'], 2: ['[2]', '[?]'] },
      missing: ['facts[1].sources[1]: unknown source "reuters"'],
      sources: BOTH_SOURCES,
      problems: ['facts[1].sources[1]: unknown source "reuters"'],
    },
  },
  {
    name: 'a fact citing the same source twice',
    fixture: 'bad-same-source-twice',
    story: {
      title: 'A Story Citing One Source Twice in a Fact',
      facts: ['The first fact cites the Associated Press twice.', NBC_FACT],
      citations: { 1: ['[1]', '[1]'], 2: ['[2]'] },
      sources: BOTH_SOURCES,
      sourceNotes: ['Cited in 1 fact', 'Cited in 1 fact'],
    },
  },
  {
    name: 'facts citing themselves',
    fixture: 'bad-self-citation',
    story: {
      title: 'A Story Whose Facts Cite Themselves',
      facts: ['fact-1', 'The second fact cites its own anchor and NBC News.'],
      citations: { 1: ['[?]'], 2: ['[?]', '[1]'] },
      missing: ['facts[0].sources[0]: unknown source "fact-1"', 'facts[1].sources[0]: unknown source "#fact-2"'],
      sources: ['[1] NBC News', '[2] Associated Press'],
      problems: ['facts[0].sources[0]: unknown source "fact-1"', 'facts[1].sources[0]: unknown source "#fact-2"'],
    },
  },
  {
    name: "a source id equal to its fact's text",
    fixture: 'bad-source-cites-itself',
    story: {
      title: 'A Story With a Source Whose Id Is Its Own Fact',
      facts: [AP_FACT, 'The second fact is also the id of its source.'],
      citations: { 1: ['[1]'], 2: ['[2]'] },
      sources: ['[1] Associated Press', '[2] Circular Outlet'],
    },
  },
  {
    name: 'probability 1.7',
    fixture: 'bad-probability-above-one',
    story: {
      title: 'A Story With a Probability of 1.7',
      facts: 2,
      predictions: ['Will the plausible happen?'],
      problems: ['predictions[0].probability: 1.7 is not between 0 and 1; prediction left out'],
    },
  },
  {
    // null is an absent probability, which needs a link to the forecast instead.
    name: 'probability null, and no link to the forecast',
    fixture: 'bad-probability-null',
    story: {
      title: 'A story with a null probability',
      facts: 2,
      predictions: [],
      problems: ['predictions[0]: neither a probability nor an http(s) url of the forecast; prediction left out'],
    },
  },
  {
    name: 'a narrative whose text is blank',
    slug: 'bad-narrative-blank-text',
    body: () =>
      json(
        baseStory('bad-narrative-blank-text', 'A Story With a Blank Narrative', {
          narratives: [
            { label: 'Empty', text: ' \n\n ' },
            { label: 'Full', text: 'A narrative with text.' },
          ],
        }),
      ),
    story: {
      title: 'A Story With a Blank Narrative',
      facts: 2,
      problems: ['narratives[0].text: the narrative has no text; left out'],
      narratives: ['Full narrative'],
    },
  },
  {
    name: 'probability -0.1',
    fixture: 'bad-probability-negative',
    story: {
      title: 'A Story With a Negative Probability',
      facts: 2,
      predictions: [],
      problems: ['predictions[0].probability: -0.1 is not between 0 and 1; prediction left out'],
    },
  },
  {
    name: 'date "yesterday"',
    fixture: 'bad-date-words',
    story: {
      title: 'A Story Published Yesterday',
      facts: 2,
      dateline: 'yesterday · 1 min read',
      problems: ['published_at: "yesterday" is not an RFC 3339 date'],
    },
  },
  {
    name: 'dates 2024-02-30, month 13 and "last week"',
    fixture: 'bad-date-impossible',
    story: {
      title: 'A Story Published on February 30',
      facts: 2,
      dateline: '2024-02-30 · Updated 2024-13-01T25:00:00Z · 1 min read',
      sources: ['[1] Associated Press, last week', '[2] NBC News'],
      problems: [
        'published_at: "2024-02-30" is not an RFC 3339 date',
        'updated_at: "2024-13-01T25:00:00Z" is not an RFC 3339 date',
        'sources[0].published_at: "last week" is not an RFC 3339 date',
      ],
    },
  },
  {
    name: 'a javascript: URL as image src',
    fixture: 'bad-image-javascript',
    story: {
      title: 'A Story Whose Image Is a Script',
      facts: 2,
      images: 0,
      problems: ['image.src: "javascript:alert(document.domain)" is not an image URL; image left out'],
    },
  },
  {
    name: 'a related story with a path for a slug',
    fixture: 'bad-related-slug',
    story: {
      title: 'A Story With a Related Story Outside the Site',
      facts: 2,
      related: ['A related story with a path for a slug', 'A related story with a good slug'],
      relatedLinks: ['/stories/harbor-city-council-approves-riverside-bike-lanes'],
      problems: ['related[0].slug: "../../admin" is not a valid slug; shown without a link'],
    },
  },
  {
    name: 'null for every optional list',
    fixture: 'bad-null-lists',
    story: { title: 'A Story With Null Optional Lists', facts: [AP_FACT, NBC_FACT], sources: BOTH_SOURCES },
  },
  {
    name: 'unknown fields everywhere',
    fixture: 'bad-unknown-fields',
    story: { title: 'A Story From a Newer Producer', facts: [AP_FACT, NBC_FACT], sources: BOTH_SOURCES, factLink: true },
  },
  {
    name: 'a slug with capitals in the file',
    fixture: 'bad-slug-uppercase',
    story: {
      title: 'A Story Whose Slug Has Capitals',
      facts: 2,
      problems: ['slug: "Bad-Slug-Uppercase" is not the slug in the address; links use "bad-slug-uppercase"'],
      // The reader is on /stories/bad-slug-uppercase: a shared fact must lead back here.
      factLink: true,
    },
  },
  {
    name: 'a 100,000-character slug in the file',
    slug: 'bad-slug-too-long',
    body: () => json(baseStory('a'.repeat(100_000), 'A Story With an Endless Slug')),
    story: {
      title: 'A Story With an Endless Slug',
      facts: 2,
      problems: [`slug: "${'a'.repeat(100_000)}" is not the slug in the address; links use "bad-slug-too-long"`],
      factLink: true,
    },
  },
  {
    name: 'a 300-character slug in the address',
    // Never fetched: the slug rule turns it away first.
    slug: 'a'.repeat(300),
    heading: 'Story not found',
    message: 'There is no story at this address.',
  },
];

/** The bytes of a case's story file. */
export function caseBody(testCase) {
  if (testCase.fixture) return readFileSync(`${ROOT}tests/fixtures/stories/${testCase.fixture}.json`);
  const body = testCase.body?.();
  return body === undefined || Buffer.isBuffer(body) ? body : Buffer.from(body);
}

// The Content-Security-Policy: index.html ships a strict one that the app lives within
// (every other spec fails on a violation, see support.mjs), it really blocks injected
// scripts, and a widget works on a publisher's page with an equally strict policy.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as unguarded } from '@playwright/test';
import { APP_ORIGIN as APP, FAULTY_STORY_URL, GHOST_URL, RECEIVER_URL, ROOT, SEED_SLUG, expect, loadSample, rewriteAppPages, story, test } from './support.mjs';

const seed = loadSample(SEED_SLUG);
/** The policy of an index.html, directive → its sources. */
function policyOf(html) {
  const content = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
  expect(content, 'a Content-Security-Policy meta tag').toBeTruthy();
  return Object.fromEntries(
    content.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

for (const [page, path] of [['the app shell', '/app.html'], ['the home page', '/'], ['a story page', story(SEED_SLUG)]]) {
  test(`${page} names every inline script by its hash and allows no inline or eval code`, async ({ request }) => {
    const html = await (await request.get(`${APP}${path}`)).text();
    const policy = policyOf(html);
    expect(policy['script-src']).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    expect(policy['script-src']).not.toContain("'unsafe-eval'");
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    // The test build adds the signup receiver (tools/test-ports.mjs); `make build` has 'self' only.
    expect(policy['form-action']).toEqual(["'self'", RECEIVER_URL]);
    expect(policy['connect-src']).toEqual(["'self'", RECEIVER_URL, FAULTY_STORY_URL, GHOST_URL]);

    // The policy comes before anything it governs (the home page runs no script at all).
    const firstScript = html.indexOf('<script');
    if (path !== '/') expect(html.indexOf('Content-Security-Policy')).toBeLessThan(firstScript);
    else expect(firstScript).toBe(-1);
    // A story page's JSON and JSON-LD are data the browser never runs, so they need no hash.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, content]) => ({
      attributes,
      content,
    }));
    const isData = ({ attributes }) => /\btype="application\/(ld\+)?json"/.test(attributes);
    expect(scripts.filter(isData)).toHaveLength(path === story(SEED_SLUG) ? 2 : 0);
    const inline = scripts.filter((script) => !isData(script) && !/\bsrc=/.test(script.attributes)).map((script) => script.content);
    const hashes = inline.map((script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    const named = policy['script-src'].filter((source) => source.startsWith("'sha256-"));
    if (path === '/app.html') {
      // The policy is made from the shell: its two inline scripts, Trunk's loader and the
      // early story request, and nothing else.
      expect(hashes).toHaveLength(2);
      expect(named).toEqual(hashes);
    } else {
      // Pages made from the shell run no inline script: they load their code from wake.js
      // instead of the inline loader, and have their story without the early request; the
      // home page has nothing to wake, and loads no code.
      expect(hashes).toEqual([]);
      const loaders = scripts.filter((script) => /\bsrc="\/wake\.js"/.test(script.attributes));
      expect(loaders).toHaveLength(path === '/' ? 0 : 1);
    }
  });
}

unguarded('a script injected into the page is blocked while the story still renders', async ({ page }) => {
  const violations = [];
  await page.exposeFunction('reportCspViolation', (directive) => violations.push(directive));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => window.reportCspViolation(event.effectiveDirective), true);
  });
  // As if an attacker had got markup into the page: an inline script and a handler.
  await rewriteAppPages(page, (html) =>
    html
      .replace('</head>', '<script>window.injectedRan = true</script></head>')
      .replace('</body>', '<img src="/nothing.png" alt="" onerror="window.injectedRan = true"></body>'),
  );

  await page.goto(story(SEED_SLUG));
  await expect(page.locator('li.fact')).toHaveCount(seed.facts.length);
  expect(await page.evaluate(() => window.injectedRan)).toBeUndefined();
  await expect.poll(() => violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
});

test('a widget works on a publisher page with a strict policy of its own', async ({ page }) => {
  // tests/fixtures/strict-publisher.html; support.mjs fails the test on any violation.
  await page.goto(`${APP}/strict-publisher.html`);
  await expect(page.locator('#story h1.story-title')).toHaveText(seed.title);
  await expect(page.locator('#story li.fact')).toHaveCount(seed.facts.length);
  await page.locator('#story #fact-1 .citation').click();
  await expect(page.locator('#story #fact-1-citation-1')).toBeVisible();
});

test('form-action adds the origin of a form service set at build time, and no other', async () => {
  /** The policy tools/write-csp.mjs writes into a shell, with `settings` as the build's environment. */
  function policyFor(settings) {
    const dir = mkdtempSync(join(tmpdir(), 'storyline-csp-'));
    try {
      writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><script>start()</script></head></html>');
      const unset = Object.fromEntries(Object.keys(process.env).filter((name) => name.startsWith('STORYLINE_')).map((name) => [name, '']));
      const run = spawnSync('node', ['tools/write-csp.mjs'], {
        cwd: ROOT,
        env: { ...process.env, ...unset, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: 'release', ...settings },
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      return policyOf(readFileSync(join(dir, 'index.html'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const mailchimp = 'https://example.us21.list-manage.com/subscribe/post?u=1a2b3c&id=9f8e7d';
  const posted = policyFor({ STORYLINE_NEWSLETTER_PROVIDER: 'mailchimp', STORYLINE_NEWSLETTER_ENDPOINT: mailchimp });
  expect(posted['form-action']).toEqual(["'self'", 'https://example.us21.list-manage.com']);
  // A service the page fetches from is a connection, not a form's target.
  const fetched = policyFor({ STORYLINE_NEWSLETTER_PROVIDER: 'listmonk', STORYLINE_NEWSLETTER_ENDPOINT: 'https://lists.example.org' });
  expect(fetched['form-action']).toEqual(["'self'"]);
  expect(fetched['connect-src']).toEqual(["'self'", 'https://lists.example.org']);
  const later = policyFor({ STORYLINE_CSP_FORM_ACTION: 'https://buttondown.com/api/emails/embed-subscribe/x' });
  expect(later['form-action']).toEqual(["'self'", 'https://buttondown.com']);
});

// deploy/nginx.conf on Debian's nginx, serving the release build in dist/ as a publisher
// would: precompressed files, caching, CORS, real 404s, pages rendered ahead of time at
// their addresses and the app shell for every other route, and the app and a widget on
// another origin working in Chromium through it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ROOT, SEED_SLUG, expect, loadSample, test } from './support.mjs';

// One nginx for the whole file, so every test runs in the worker that started it.
test.describe.configure({ mode: 'default' });

const DIST = join(ROOT, 'dist');
const seed = loadSample(SEED_SLUG);
const SEED_JSON = `/stories/${SEED_SLUG}.json`;
const SEED_IMAGE = `/stories/${seed.image.src}`;
const IMMUTABLE = 'public, max-age=31536000, immutable';

// The content-hashed files: the app shell's, and the modules of pages rendered ahead of
// time and of widgets, as their loaders name them.
const named = (file, pattern) => `/${readFileSync(join(DIST, file), 'utf8').match(pattern)[1]}`;
const GLUE = named('app.html', /from '\/(storyline-[0-9a-f]+\.js)'/);
const WASM = named('app.html', /module_or_path: '\/(storyline-[0-9a-f]+_bg\.wasm)'/);
const CSS = named('app.html', /rel="stylesheet" href="\/(main-[0-9a-f]+\.css)"/);
const PAGE_GLUE = named('wake.js', /'\/(storyline-page-[0-9a-f]+\.js)'/);
const PAGE_WASM = named('wake.js', /'\/(storyline-page-[0-9a-f]+_bg\.wasm)'/);
const SIGNUP_GLUE = named('wake.js', /'\/(storyline-signup-[0-9a-f]+\.js)'/);
const SIGNUP_WASM = named('wake.js', /'\/(storyline-signup-[0-9a-f]+_bg\.wasm)'/);
const WIDGET_GLUE = named('widget.js', /'(storyline-widget-[0-9a-f]+\.js)'/);
const WIDGET_WASM = named('widget.js', /'(storyline-widget-[0-9a-f]+_bg\.wasm)'/);
const MODULES = [GLUE, WASM, PAGE_GLUE, PAGE_WASM, SIGNUP_GLUE, SIGNUP_WASM, WIDGET_GLUE, WIDGET_WASM];

let nginx;
let scratch;
let origin;

/** A port nothing listens on right now. */
async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

/** `text` with each [from, to] replaced, failing if the sample no longer has `from` once. */
function substitute(text, replacements) {
  return replacements.reduce((result, [from, to]) => {
    expect(result.split(from), `deploy/nginx.conf has "${from}" exactly once`).toHaveLength(2);
    return result.replace(from, to);
  }, text);
}

/** GET `path` from nginx as raw bytes: no decompression, so Content-Encoding can be checked. */
function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    request(`${origin}${path}`, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

test.beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'storyline-nginx-'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const site = substitute(readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8'), [
    ['listen 80;', `listen 127.0.0.1:${port};`],
    ['root /srv/storyline/dist;', `root ${DIST};`],
  ]);
  writeFileSync(join(scratch, 'storyline.conf'), site);
  // As old as nginx 1.20's (Debian 11), so the sample's own wasm type is what is tested.
  const mimeTypes = readFileSync('/etc/nginx/mime.types', 'utf8').replace(/^\s*application\/wasm\s+wasm;\n/m, '');
  writeFileSync(join(scratch, 'mime.types'), mimeTypes);
  // The rest of what a publisher's nginx.conf gives the sample, with every path in scratch.
  // One process as whoever runs the tests: as root, workers would run as nobody, who
  // may not be able to read the checkout.
  writeFileSync(
    join(scratch, 'nginx.conf'),
    `daemon off;
master_process off;
pid ${scratch}/nginx.pid;
error_log ${scratch}/error.log;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
events {}
http {
  include ${scratch}/mime.types;
  access_log ${scratch}/access.log;
  client_body_temp_path ${scratch}/body;
  proxy_temp_path ${scratch}/proxy;
  fastcgi_temp_path ${scratch}/fastcgi;
  uwsgi_temp_path ${scratch}/uwsgi;
  scgi_temp_path ${scratch}/scgi;
  include ${scratch}/storyline.conf;
}
`,
  );
  const log = join(scratch, 'error.log');
  nginx = spawn('/usr/sbin/nginx', ['-p', scratch, '-c', join(scratch, 'nginx.conf'), '-e', log], { stdio: 'ignore' });
  const startedBy = Date.now() + 10_000;
  for (;;) {
    const answer = await get('/index.html').catch(() => null);
    if (answer?.status === 200) break;
    const errors = existsSync(log) ? readFileSync(log, 'utf8') : '';
    if (nginx.exitCode !== null || Date.now() > startedBy) throw new Error(`nginx did not start:\n${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

test.afterAll(async () => {
  if (nginx?.exitCode === null) {
    nginx.kill();
    await once(nginx, 'exit');
  }
  rmSync(scratch, { recursive: true, force: true });
});

test('the release build has a .br and a .gz of every text file and the wasm', () => {
  const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.wasm']);
  const files = readdirSync(DIST, { recursive: true }).filter((file) => compressible.has(extname(file)));
  expect(files).toEqual(
    expect.arrayContaining(['index.html', 'app.html', `stories/${SEED_SLUG}.html`, 'widget.js', ...MODULES.map((path) => path.slice(1)), SEED_JSON.slice(1)]),
  );
  for (const file of files) {
    const original = readFileSync(join(DIST, file));
    expect(brotliDecompressSync(readFileSync(join(DIST, `${file}.br`))).equals(original), `${file}.br`).toBe(true);
    expect(gunzipSync(readFileSync(join(DIST, `${file}.gz`))).equals(original), `${file}.gz`).toBe(true);
  }
});

test('the wasm is sent as application/wasm, precompressed with the best encoding accepted', async () => {
  const cases = [
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['identity', undefined],
  ];
  for (const [accepted, encoding] of cases) {
    const { status, headers, body } = await get(WASM, { 'Accept-Encoding': accepted });
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('application/wasm');
    expect(headers['content-encoding'], `Accept-Encoding: ${accepted}`).toBe(encoding);
    expect(headers.vary).toBe('Accept-Encoding');
    const stored = readFileSync(join(DIST, encoding ? `${WASM}.${encoding === 'br' ? 'br' : 'gz'}` : WASM));
    expect(body.equals(stored), `the body is the file the build wrote for ${accepted}`).toBe(true);
  }
});

test('text files are sent precompressed too', async () => {
  for (const path of ['/index.html', `/stories/${SEED_SLUG}.html`, '/feed.xml', '/widget.js', '/wake.js', GLUE, PAGE_GLUE, SIGNUP_GLUE, WIDGET_GLUE, CSS, SEED_JSON, SEED_IMAGE]) {
    const { headers, body } = await get(path, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(headers['content-encoding'], path).toBe('br');
    expect(brotliDecompressSync(body).equals(readFileSync(join(DIST, path))), path).toBe(true);
  }
});

test('content-hashed files are cached for a year without revalidation', async () => {
  for (const path of [...MODULES, CSS]) {
    expect((await get(path)).headers['cache-control'], path).toBe(IMMUTABLE);
  }
});

test('pages, the app shell, widget.js, stories, their images and other unhashed files are revalidated on every use', async () => {
  const paths = ['/', `/stories/${SEED_SLUG}`, '/no/such/page', '/index.html', '/widget.js', '/wake.js', '/stories/index.json', SEED_JSON, SEED_IMAGE, '/favicon.svg', '/feed.xml', '/sitemap.xml'];
  for (const path of paths) {
    const { status, headers } = await get(path);
    expect(status, path).toBe(200);
    expect(headers['cache-control'], path).toBe('no-cache');
    expect(headers.etag, path).toBeTruthy();
    const again = await get(path, { 'If-None-Match': headers.etag });
    expect(again.status, `${path} unchanged`).toBe(304);
  }
});

test('what widgets on other origins load may be read by any origin', async () => {
  for (const path of ['/widget.js', WIDGET_GLUE, WIDGET_WASM, '/stories/index.json', SEED_JSON, SEED_IMAGE, '/stories/no-such-story.json']) {
    expect((await get(path)).headers['access-control-allow-origin'], path).toBe('*');
  }
});

test('a missing story, asset or image is a plain 404, never the app shell', async () => {
  for (const path of ['/stories/no-such-story.json', '/storyline-0000000000000000_bg.wasm', '/widget.jss', '/stories/images/missing.svg']) {
    const { status, headers, body } = await get(path);
    expect(status, path).toBe(404);
    expect(headers['content-type'], path).toBe('text/plain');
    expect(headers['cache-control'], `${path} is not cached`).toBeUndefined();
    expect(body.toString(), path).not.toContain('<html');
  }
});

test('pages rendered ahead of time are served at their addresses, every other route gets the app shell', async () => {
  const routes = [
    ['/', 'index.html'],
    [`/stories/${SEED_SLUG}`, `stories/${SEED_SLUG}.html`],
    ['/stories/a-story-added-after-the-build', 'app.html'],
    ['/no/such/page', 'app.html'],
  ];
  for (const [path, file] of routes) {
    const { status, headers, body } = await get(path);
    expect(status, path).toBe(200);
    expect(headers['content-type'], path).toBe('text/html');
    expect(body.equals(readFileSync(join(DIST, file))), `${path} is ${file}`).toBe(true);
  }
});

test('Chromium renders the seed story through nginx, from precompressed wasm', async ({ page }) => {
  const wasm = page.waitForResponse(`${origin}${PAGE_WASM}`);
  await page.goto(`${origin}/stories/${SEED_SLUG}`);
  await expect(page.locator('h1.story-title')).toHaveText(seed.title);
  const response = await wasm;
  const accepted = (await response.request().allHeaders())['accept-encoding'];
  expect(response.headers()['content-encoding'], `Chromium accepted ${accepted}`).toBe(/\bbr\b/.test(accepted) ? 'br' : 'gzip');
  await expect(page.locator('li.fact')).toHaveCount(seed.facts.length);
  await expect(page.locator('html')).toHaveAttribute('data-storyline-live');
});

test("a widget on a publisher's page loads widget.js, the module, the wasm and the story from nginx", async ({ page }) => {
  // A real loopback server: Chromium refuses loopback requests from pages it did not get
  // from a loopback address, which a page fulfilled by Playwright is not.
  const publisher = createHttpServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><title>Publisher</title>
<script type="module" src="${origin}/widget.js"></script>
<div id="news" data-storyline-story="${origin}${SEED_JSON}"></div>`);
  }).listen(0, '127.0.0.1');
  await once(publisher, 'listening');
  try {
    await page.goto(`http://127.0.0.1:${publisher.address().port}/`);
    await expect(page.locator('#news h1.story-title')).toHaveText(seed.title);
    await expect(page.locator('#news img')).toHaveJSProperty('complete', true);
    expect(await page.locator('#news img').evaluate((img) => img.naturalWidth)).toBeGreaterThan(0);
  } finally {
    publisher.close();
  }
});

// Serves built files on loopback the way a static host would, and as deploy/nginx.conf
// does: real 404s for missing files; for an extension-less path, its page (`/stories/a` is
// stories/a.html, `/` is index.html), else the app shell (app.html), which draws it.
//   node tools/serve-static.mjs --port 4173 [--base URL] ROOT [ROOT...]
// Each request is looked up in the roots in order (tests add a fixtures root after dist).
// --base adds <base href="URL"> to HTML pages, so a page copied to another origin (the
// embed demo, in tests) still finds its relative URLs at URL.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const portFlag = args.indexOf('--port');
const port = portFlag >= 0 ? Number(args.splice(portFlag, 2)[1]) : 4173;
const baseFlag = args.indexOf('--base');
const base = baseFlag >= 0 ? args.splice(baseFlag, 2)[1] : null;
const roots = (args.length ? args : ['dist']).map((root) => resolve(root));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
};

async function find(pathname) {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const isFile = (path) => stat(path).then((info) => info.isFile(), () => false);
  for (const root of roots) {
    const candidate = join(root, relative);
    if (!candidate.startsWith(root)) continue;
    for (const file of [candidate, `${candidate}.html`, join(candidate, 'index.html')]) {
      if (await isFile(file)) return file;
    }
  }
  return null;
}

createServer(async (req, res) => {
  const { pathname } = new URL(req.url, 'http://static');
  let file = await find(pathname);
  if (!file && !extname(pathname)) file = await find('/app.html');
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
    return res.end('Not found');
  }
  const rewrite = base && extname(file) === '.html';
  // The release build's precompressed copies, as deploy/nginx.conf sends them, so that
  // the bench loads what readers would.
  const brotli =
    !rewrite &&
    /\bbr\b/.test(req.headers['accept-encoding'] ?? '') &&
    (await stat(`${file}.br`).then((info) => info.isFile() && `${file}.br`, () => null));
  res.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    // widget.js, the module it loads, its wasm and the stories are fetched by other sites.
    'Access-Control-Allow-Origin': '*',
    Vary: 'Accept-Encoding',
    ...(brotli && { 'Content-Encoding': 'br' }),
  });
  const content = await readFile(brotli || file);
  res.end(rewrite ? content.toString().replace('<head>', `<head><base href="${base}">`) : content);
}).listen(port, '127.0.0.1', () => {
  console.log(`serving ${roots.join(', ')} on http://127.0.0.1:${port}`);
});

// Serves the sample and fixture stories over a real socket with one fault at a time, for
// e2e tests of answers that page.route cannot fake: a body that stalls half-way, a body
// cut short.
//   node tools/faulty-story-server.mjs      (PORT, default 8789)
//
//   GET /{fault}/{key}/stories/{slug}.json
// The first request for a key gets the fault; later ones get the story (from public/stories
// or tests/fixtures/stories), so a test can check that Try again recovers. Faults:
//   stall      headers and the first bytes of the story, then nothing, ever
//   truncate   a Content-Length of the whole story, half of it, then the connection closes
// Any origin may read the answers (CORS), as from a story host on another domain.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const port = Number(process.env.PORT ?? 8789);
const faulted = new Set();
const stalled = [];

createServer((req, res) => {
  const match = new URL(req.url, 'http://x').pathname.match(/^\/(stall|truncate)\/([\w-]+)\/stories\/([a-z0-9-]+)\.json$/);
  const headers = { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' };
  if (req.url === '/health') return res.writeHead(204).end();
  if (!match) return res.writeHead(404, headers).end('{}');
  const [, fault, key, slug] = match;
  const body = ['../public/stories/', '../tests/fixtures/stories/']
    .map((folder) => new URL(`${folder}${slug}.json`, import.meta.url))
    .map((file) => {
      try {
        return readFileSync(file);
      } catch {
        return null;
      }
    })
    .find(Boolean);
  if (!body) return res.writeHead(404, headers).end('{}');
  if (faulted.has(`${fault}/${key}`)) return res.writeHead(200, headers).end(body);
  faulted.add(`${fault}/${key}`);
  res.writeHead(200, { ...headers, 'Content-Length': body.length });
  res.write(body.subarray(0, body.length >> 1));
  if (fault === 'truncate') res.socket.destroy();
  else stalled.push(res); // kept open, so the browser waits for the rest
}).listen(port, '127.0.0.1', () => console.log(`faulty story server on http://127.0.0.1:${port}`));

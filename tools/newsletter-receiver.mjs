// A local stand-in for a newsletter provider: records each signup posted to it.
//   node tools/newsletter-receiver.mjs      (PORT, default 8787; SIGNUPS_FILE, default target/signups.jsonl)
// POST /subscribe with JSON {"email", ...} or a urlencoded form: appends one JSON line to
// SIGNUPS_FILE, logs it, answers 201. GET /signups lists what was recorded.
import { createServer } from 'node:http';
import { appendFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';

const port = Number(process.env.PORT ?? 8787);
const file = process.env.SIGNUPS_FILE ?? 'target/signups.jsonl';
mkdirSync(dirname(file), { recursive: true });

const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
};

function reply(res, status, body) {
  res.writeHead(status, { ...cors, 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function parseSignup(type, raw) {
  if (type.startsWith('application/json')) return JSON.parse(raw);
  if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  throw new Error(`unsupported content type "${type}"`);
}

function recorded() {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

createServer((req, res) => {
  const { pathname } = new URL(req.url, 'http://receiver');
  if (req.method === 'OPTIONS') return reply(res, 204, {});
  if (req.method === 'GET' && pathname === '/health') return reply(res, 200, { ok: true });
  if (req.method === 'GET' && pathname === '/signups') return reply(res, 200, recorded());
  if (req.method !== 'POST' || pathname !== '/subscribe') return reply(res, 404, { message: 'Not found' });

  let raw = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => { raw += chunk; });
  req.on('end', () => {
    let signup;
    try {
      signup = parseSignup(req.headers['content-type'] ?? '', raw);
    } catch (error) {
      return reply(res, 400, { message: `Could not read the signup: ${error.message}` });
    }
    const email = typeof signup.email === 'string' ? signup.email.trim() : '';
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return reply(res, 422, { message: 'Invalid email address' });
    const entry = { ...signup, email, received_at: new Date().toISOString() };
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
    console.log(`newsletter signup: ${email} (story: ${signup.story ?? 'none'})`);
    reply(res, 201, { message: 'Subscribed' });
  });
}).listen(port, '127.0.0.1', () => {
  console.log(`newsletter receiver on http://127.0.0.1:${port}/subscribe, recording to ${file}`);
});

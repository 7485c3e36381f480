// A local stand-in for every newsletter provider Storyline speaks, for `make serve` and tests.
//   node tools/newsletter-receiver.mjs      (PORT, default 8787; SIGNUPS_FILE, default target/signups.jsonl;
//                                            RESET_SIGNUPS=1 empties that file first)
//
// Providers (see README, "Newsletter signup"):
//   POST /subscribe                                JSON {"email","story","page"} (json) or a urlencoded form (form)
//   GET  /ghost/members/api/integrity-token/       a one-time token, as text (ghost)
//   POST /ghost/members/api/send-magic-link/       Ghost's JSON body, token checked (ghost); answers 201
//   POST /forms/{service}/…                        a form post, as Mailchimp, Buttondown, Kit, Substack,
//                                                  MailerLite, Brevo or any form service (form-post) take
//                                                  it in a new tab; answers an HTML page, as they do
//   POST /listmonk/api/public/subscription         Listmonk's JSON body (listmonk); answers 200
//                                                  {"data": {"has_optin"}}, true when any list asks for
//                                                  confirmation (LISTMONK_LISTS below)
// Each accepted signup is logged and appended to SIGNUPS_FILE as one JSON line:
//   {"provider","content_type","body" (exactly as sent),"fields","received_at"}.
//
// Reproducing failures: POST /__faults with JSON {"email", "status"?, "body"?, "content_type"?,
// "headers"?, "delay_ms"?, "cors"?: false, "drop"?: true, "times"? (default 1)} makes the next
// signup(s) for that email get that answer instead (drop: the connection is cut; cors: false:
// no CORS headers, so browsers refuse the answer). Keyed by email so parallel tests never meet.
//
// Looking: GET /signups?email=… (accepted signups), GET /attempts?email=… (every signup request
// received, faulted or not), GET /health.
import { createServer } from 'node:http';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';

const port = Number(process.env.PORT ?? 8787);
const file = process.env.SIGNUPS_FILE ?? 'target/signups.jsonl';
mkdirSync(dirname(file), { recursive: true });
if (process.env.RESET_SIGNUPS === '1') writeFileSync(file, '');

// Listmonk lists by UUID: whether each asks new subscribers to confirm by email.
const LISTMONK_LISTS = new Map([
  ['0d0c1c6e-7a51-4c55-9d8e-5e1d1f0a0001', { optin: 'double' }],
  ['0d0c1c6e-7a51-4c55-9d8e-5e1d1f0a0002', { optin: 'single' }],
]);

const faults = new Map(); // email → [{...fault, times}]
const attempts = []; // {provider, email, received_at}
const tokens = new Set();

const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Expose-Headers': 'Retry-After',
};

function send(res, status, body, { contentType = 'application/json', headers = {}, withCors = true } = {}) {
  res.writeHead(status, { ...(withCors ? cors : {}), 'Content-Type': contentType, ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { raw += chunk; });
    req.on('end', () => resolve(raw));
    req.on('error', reject);
  });
}

function parseFields(contentType, raw) {
  if (contentType.startsWith('application/json')) return JSON.parse(raw);
  if (contentType.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  throw new Error(`unsupported content type "${contentType}"`);
}

function takeFault(email) {
  const queue = faults.get(email);
  const fault = queue?.[0];
  if (!fault) return null;
  fault.times -= 1;
  if (fault.times <= 0) queue.shift();
  return fault;
}

/** Appends an accepted signup to SIGNUPS_FILE, stamped with when it came. */
function record(signup) {
  appendFileSync(file, `${JSON.stringify({ ...signup, received_at: new Date().toISOString() })}\n`);
}

function recorded() {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

async function answerFault(req, res, fault) {
  if (fault.delay_ms) await new Promise((resolve) => setTimeout(resolve, fault.delay_ms));
  if (fault.drop) return req.socket.destroy();
  const body = fault.body ?? (fault.status >= 400 ? { message: `Fault ${fault.status}` } : {});
  send(res, fault.status ?? 200, body, {
    contentType: fault.content_type ?? 'application/json',
    headers: fault.headers ?? {},
    withCors: fault.cors !== false,
  });
}

async function signup(req, res, provider, validate, accepted = () => ({ status: 201, body: { message: 'Subscribed' } })) {
  const contentType = req.headers['content-type'] ?? '';
  const raw = await readBody(req);
  let fields;
  try {
    fields = parseFields(contentType, raw);
  } catch (error) {
    return send(res, 400, { message: `Could not read the signup: ${error.message}` });
  }
  const email = typeof fields.email === 'string' ? fields.email.trim() : '';
  attempts.push({ provider, email, received_at: new Date().toISOString() });
  const fault = takeFault(email);
  if (fault) return answerFault(req, res, fault);
  const problem = validate(fields, email);
  if (problem) return send(res, problem.status, problem.body);
  record({ provider, content_type: contentType, body: raw, fields });
  console.log(`newsletter signup (${provider}): ${email} (story: ${fields.story || 'none'})`);
  const answer = accepted(fields);
  send(res, answer.status, answer.body);
}

const validEmail = (email) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);

const plainSignup = (_fields, email) =>
  validEmail(email) ? null : { status: 422, body: { message: 'Invalid email address' } };

const ghostSignup = (fields, email) => {
  if (!tokens.delete(fields.integrityToken)) {
    return { status: 400, body: { errors: [{ message: 'Invalid integrity token', type: 'BadRequestError' }] } };
  }
  if (!validEmail(email)) return { status: 400, body: { errors: [{ message: 'Invalid email address', type: 'ValidationError' }] } };
  return null;
};

const listmonkSignup = (fields, email) => {
  const lists = fields.list_uuids;
  if (!Array.isArray(lists) || lists.length === 0 || !lists.every((uuid) => LISTMONK_LISTS.has(uuid))) {
    return { status: 400, body: { message: 'Invalid list UUIDs.' } };
  }
  if (!validEmail(email)) return { status: 400, body: { message: 'Invalid email.' } };
  return null;
};

const listmonkAccepted = (fields) => ({
  status: 200,
  body: { data: { has_optin: fields.list_uuids.some((uuid) => LISTMONK_LISTS.get(uuid).optin === 'double') } },
});

/**
 * A form a service takes: recorded with every field, the address found as the first value
 * that looks like one (each service names its field differently), and answered with a page.
 */
async function formPost(req, res, url) {
  const contentType = req.headers['content-type'] ?? '';
  const raw = await readBody(req);
  const fields = Object.fromEntries(new URLSearchParams(raw));
  const email = Object.values(fields).find((value) => value.includes('@')) ?? '';
  const service = url.pathname.split('/')[2];
  attempts.push({ provider: service, email, received_at: new Date().toISOString() });
  record({ provider: service, content_type: contentType, body: raw, fields, email, url: `${url.pathname}${url.search}` });
  console.log(`newsletter form post (${service}): ${email}`);
  send(res, 200, `<!doctype html><html lang="en"><title>Almost finished</title><h1>Almost finished</h1><p>Confirm ${email.replace(/[<&>"]/g, '')} from the email we sent.</p></html>`, {
    contentType: 'text/html; charset=utf-8',
    withCors: false,
  });
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://receiver');
  const route = `${req.method} ${url.pathname}`;
  if (req.method === 'POST' && url.pathname.startsWith('/forms/')) return formPost(req, res, url);
  const byEmail = (list) => list.filter((entry) => !url.searchParams.has('email') || (entry.fields?.email ?? entry.email) === url.searchParams.get('email'));
  switch (route) {
    case 'GET /health':
      return send(res, 200, { ok: true });
    case 'GET /signups':
      return send(res, 200, byEmail(recorded()));
    case 'GET /attempts':
      return send(res, 200, byEmail(attempts));
    case 'POST /__faults': {
      const fault = JSON.parse(await readBody(req));
      const queue = faults.get(fault.email) ?? [];
      queue.push({ ...fault, times: fault.times ?? 1 });
      faults.set(fault.email, queue);
      return send(res, 204, '');
    }
    case 'POST /subscribe': {
      const provider = (req.headers['content-type'] ?? '').startsWith('application/json') ? 'json' : 'form';
      return signup(req, res, provider, plainSignup);
    }
    case 'GET /ghost/members/api/integrity-token/': {
      const token = randomUUID();
      tokens.add(token);
      return send(res, 200, token, { contentType: 'text/plain' });
    }
    case 'POST /ghost/members/api/send-magic-link/':
      return signup(req, res, 'ghost', ghostSignup, () => ({ status: 201, body: {} }));
    case 'POST /listmonk/api/public/subscription':
      return signup(req, res, 'listmonk', listmonkSignup, listmonkAccepted);
    default:
      if (req.method === 'OPTIONS') return send(res, 204, '');
      return send(res, 404, { message: 'Not found' });
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`newsletter receiver on http://127.0.0.1:${port} (json/form: /subscribe, ghost site: /ghost, listmonk: /listmonk), recording to ${file}`);
});

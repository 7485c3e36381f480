// The local newsletter receiver (tools/newsletter-receiver.mjs) that the test run starts
// on this run's receiver port, recording to target/e2e-signups.jsonl.
import { readFileSync } from 'node:fs';
import { RECEIVER_URL, SIGNUPS_FILE, expect, test } from './support.mjs';

// The signups file outlives a run, so each run uses its own addresses.
const run = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const jsonEmail = `reader-${run}@example.com`;
const formEmail = `form-${run}@example.com`;

// One flow: the later checks read what the first requests recorded.
test.describe.configure({ mode: 'serial' });

test('records a JSON signup', async ({ request }) => {
  const response = await request.post(`${RECEIVER_URL}/subscribe`, {
    data: { email: jsonEmail, story: 'seed', page: 'http://x' },
  });
  expect(response.status()).toBe(201);
  expect(await response.json()).toEqual({ message: 'Subscribed' });
});

test('records a form-encoded signup', async ({ request }) => {
  const response = await request.post(`${RECEIVER_URL}/subscribe`, { form: { email: formEmail } });
  expect(response.status()).toBe(201);
  expect(response.headers()['access-control-allow-origin']).toBe('*');
});

test('rejects an invalid address with 422', async ({ request }) => {
  const response = await request.post(`${RECEIVER_URL}/subscribe`, { data: { email: 'nope' } });
  expect(response.status()).toBe(422);
  expect(await response.json()).toEqual({ message: 'Invalid email address' });
});

test('lists the recorded signups and writes them to the file', async ({ request }) => {
  const response = await request.get(`${RECEIVER_URL}/signups`);
  expect(response.status()).toBe(200);
  const signups = await response.json();
  const emails = signups.map((signup) => signup.fields.email);
  expect(emails).toContain(jsonEmail);
  expect(emails).toContain(formEmail);
  expect(emails).not.toContain('nope');
  expect(signups.find((signup) => signup.fields.email === jsonEmail)).toMatchObject({
    provider: 'json',
    content_type: 'application/json',
    fields: { story: 'seed', page: 'http://x' },
    received_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  });
  expect(signups.find((signup) => signup.fields.email === formEmail)).toMatchObject({
    provider: 'form',
    body: `email=${encodeURIComponent(formEmail)}`,
  });

  const lines = readFileSync(SIGNUPS_FILE, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const recorded = lines.map((line) => line.fields.email);
  expect(recorded).toContain(jsonEmail);
  expect(recorded).toContain(formEmail);
});

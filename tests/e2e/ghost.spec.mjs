// The Ghost stage: the signup against a real Ghost 5 (tools/ghost.sh, started fresh for the
// run by playwright.config.mjs), from a story page on another origin. Ghost mails a
// confirmation link (to GHOST_MAIL_FILE, an mbox) and creates the member only when the link
// is opened; its own refusals reach the reader. Ghost counts rate limits per client, and
// every test here is that one client: the run stays under its limit of nine addresses.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GHOST_MAIL_FILE, PORTS } from '../../playwright.config.mjs';
import { GHOST_URL, ROOT, expect, openWokenSignup, test, uniqueEmail } from './support.mjs';

/** Rows of Ghost's own database, for `statement`. */
function ghostRows(statement) {
  const out = execFileSync(join(ROOT, 'tools/ghost.sh'), ['sql', String(PORTS.ghost), statement], { encoding: 'utf8' });
  return JSON.parse(out);
}

/** The real Ghost as the signup's provider. */
const GHOST = { provider: 'ghost', endpoint: GHOST_URL };

const quoted = (text) => `'${text.replaceAll("'", "''")}'`;

/** The confirmation link Ghost mailed to `address`, once it has (its parts are base64). */
async function confirmationLink(address) {
  let link;
  await expect
    .poll(() => {
      const mbox = readFileSync(join(ROOT, GHOST_MAIL_FILE), 'utf8');
      const message = mbox
        .split(/^From MAILER-DAEMON .*\n/m)
        .find((mail) => mail.match(/^To: (.*?)\r?$/m)?.[1] === address);
      const text = message?.match(/Content-Type: text\/plain[^]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/)?.[1];
      link = text && Buffer.from(text, 'base64').toString('utf8').match(/https?:\/\/\S+\/members\/\?token=[^&\s]+&action=subscribe/)?.[0];
      return link;
    }, { message: `Ghost's confirmation mail to ${address}` })
    .toBeTruthy();
  return link;
}

test('a reader signs up from a story page; the mailed link makes them a member, with the newsletter and label asked for', async ({ page, request }) => {
  const signup = await openWokenSignup(page, { ...GHOST, lists: 'Default Newsletter', labels: 'storyline' });
  expect(new URL(page.url()).origin, 'the story page is on another origin than Ghost').not.toBe(GHOST_URL);
  const address = uniqueEmail('ghost');
  await signup.email.fill(address);
  await signup.submit.click();
  await expect(signup.success.locator('h3')).toHaveText('Success! Now Check Your Email');

  const link = await confirmationLink(address);
  expect(new URL(link).origin).toBe(GHOST_URL);
  expect(ghostRows(`SELECT email FROM members WHERE email = ${quoted(address)}`), 'no member before the link is opened').toEqual([]);

  const opened = await request.get(link, { maxRedirects: 0 });
  expect(opened.status()).toBe(302);
  expect(new URL(opened.headers().location, link).href).toBe(`${GHOST_URL}/?action=subscribe&success=true`);
  expect(ghostRows(`SELECT email, status FROM members WHERE email = ${quoted(address)}`)).toEqual([{ email: address, status: 'free' }]);
  const member = `(SELECT id FROM members WHERE email = ${quoted(address)})`;
  expect(ghostRows(`SELECT l.name FROM labels l JOIN members_labels ml ON ml.label_id = l.id WHERE ml.member_id = ${member}`)).toEqual([
    { name: 'storyline' },
  ]);
  expect(
    ghostRows(`SELECT n.name FROM newsletters n JOIN members_newsletters mn ON mn.newsletter_id = n.id WHERE mn.member_id = ${member}`),
  ).toEqual([{ name: 'Default Newsletter' }]);
});

test("an address Ghost refuses: Ghost's own words reach the reader, and the address stays", async ({ page }) => {
  const signup = await openWokenSignup(page, GHOST);
  // Good enough for the form's own check, not for Ghost's: a one-letter top-level domain.
  const address = uniqueEmail('refused').replace(/\.com$/, '.c');
  await signup.email.fill(address);
  await signup.submit.click();
  await expect(signup.message).toHaveText('Email is not valid');
  await expect(signup.email).toHaveValue(address);
  await expect(signup.success).toBeHidden();
});

test("Ghost's rate limit: the sixth signup of one address is refused in Ghost's words, and the address stays", async ({ page }) => {
  const signup = await openWokenSignup(page, GHOST);
  const address = uniqueEmail('limited');
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await signup.email.fill(address);
    await signup.submit.click();
    await expect(signup.success, `signup ${attempt} of 5`).toBeVisible();
    await signup.ok.click();
  }
  await signup.email.fill(address);
  await signup.submit.click();
  await expect(signup.message).toHaveText('Too many sign-in attempts try again in 10 minutes');
  await expect(signup.email).toHaveValue(address);
  await expect(signup.success).toBeHidden();
});

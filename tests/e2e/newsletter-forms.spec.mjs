// Newsletter services that take only a real form submission (Mailchimp, Buttondown, Kit,
// Substack, MailerLite, Brevo, or any form service): the signup form posts to them itself,
// in a new tab, with the field names their own embed forms use. The receiver answers at
// /forms/{service}/… as they do, with a page; what the new tab sent is read from the
// browser's own request.
import {
  RECEIVER_URL,
  SEED_SLUG,
  appStarted,
  configureNewsletter,
  expect,
  openWokenSignup,
  receiverSignups,
  story,
  test,
  uniqueEmail,
} from './support.mjs';

const SERVICES = [
  {
    provider: 'mailchimp',
    name: 'Mailchimp',
    path: '/forms/mailchimp/subscribe/post?u=5f1b2c&id=a1b2c3',
    fields: (email) => ({ EMAIL: email, b_5f1b2c_a1b2c3: '' }),
  },
  {
    provider: 'buttondown',
    name: 'Buttondown',
    path: '/forms/buttondown/api/emails/embed-subscribe/storyline',
    fields: (email) => ({ email, embed: '1' }),
  },
  { provider: 'kit', name: 'Kit', path: '/forms/kit/forms/4815162/subscriptions', fields: (email) => ({ email_address: email }) },
  { provider: 'substack', name: 'Substack', path: '/forms/substack/api/v1/free', fields: (email) => ({ email }) },
  {
    provider: 'mailerlite',
    name: 'MailerLite',
    path: '/forms/mailerlite/jsonp/123/forms/456/subscribe',
    fields: (email) => ({ 'fields[email]': email, 'ml-submit': '1', anticsrf: 'true' }),
  },
  {
    provider: 'brevo',
    name: 'Brevo',
    path: '/forms/brevo/serve/MUIFAKEhash',
    fields: (email) => ({ EMAIL: email, email_address_check: '', locale: 'en' }),
  },
  {
    provider: 'form-post',
    name: 'the newsletter service',
    field: 'address',
    path: '/forms/generic/f/storyline',
    fields: (email) => ({ address: email }),
  },
];

for (const { provider, name, field, path, fields } of SERVICES) {
  test(`${provider}: the form posts exactly ${name}'s fields to it in a new tab, and the address stays`, async ({ page, request }) => {
    const endpoint = `${RECEIVER_URL}${path}`;
    const signup = await openWokenSignup(page, { provider, endpoint, field });
    await expect(signup.form).toHaveAttribute('action', endpoint);
    await expect(signup.form).toHaveAttribute('method', 'post');
    await expect(signup.form).toHaveAttribute('target', '_blank');
    await expect(signup.form).toHaveAttribute('rel', 'noopener');

    const posts = [];
    page.context().on('request', (sent) => {
      if (sent.url() === endpoint) posts.push(sent);
    });
    const email = uniqueEmail(provider);
    await signup.email.fill(email);
    const [tab] = await Promise.all([page.waitForEvent('popup'), signup.submit.click()]);
    await expect(tab.getByRole('heading', { name: 'Almost finished' })).toBeVisible();
    expect(posts.map((sent) => [sent.method(), sent.frame() === tab.mainFrame()])).toEqual([['POST', true]]);
    expect(Object.fromEntries(new URLSearchParams(posts[0].postData()))).toEqual(fields(email));
    await tab.close();

    const [received] = await receiverSignups(request, email);
    expect(received.url).toBe(path);
    expect(received.content_type).toBe('application/x-www-form-urlencoded');
    expect(received.fields).toEqual(fields(email));

    await expect(signup.message).toHaveText(`The signup continues at ${name}, in a new tab.`);
    await expect(signup.email).toHaveValue(email);
    await expect(signup.email).toHaveAttribute('aria-invalid', 'false');
    await expect(signup.success).toBeHidden();
  });
}

test('a form service gets no address that is not one, and no new tab opens', async ({ page, request }) => {
  const signup = await openWokenSignup(page, { provider: 'kit', endpoint: `${RECEIVER_URL}/forms/kit/forms/1/subscriptions` });
  const tabs = [];
  page.on('popup', (tab) => tabs.push(tab));
  await signup.email.fill('reader@example');
  await signup.submit.click();
  await expect(signup.message).toHaveText('Invalid email address');
  await expect(signup.email).toBeFocused();
  await expect(signup.email).toHaveValue('reader@example');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  expect(tabs).toEqual([]);
  expect(await receiverSignups(request, 'reader@example')).toEqual([]);
});

for (const [problem, settings, explanation] of [
  [
    'a Mailchimp URL without u and id',
    { provider: 'mailchimp', endpoint: `${RECEIVER_URL}/forms/mailchimp/subscribe/post` },
    'lacks its u and id parameters',
  ],
  ['an unknown provider', { provider: 'mailchump', endpoint: `${RECEIVER_URL}/forms/x` }, 'unknown newsletter provider "mailchump"'],
  ['a service named by a path, not its address', { provider: 'substack', endpoint: '/api/v1/free' }, 'Substack needs the full http(s) address'],
]) {
  test(`${problem}: the reader gets no broken form, the console says what is wrong`, async ({ page }) => {
    const messages = [];
    page.on('console', (message) => messages.push(message.text()));
    await configureNewsletter(page, settings);
    await page.goto(story(SEED_SLUG));
    await appStarted(page);
    await page.locator('section.predictions').scrollIntoViewIfNeeded();
    await expect
      .poll(() => messages.filter((text) => text.includes('newsletter signup not shown')))
      .toEqual([expect.stringContaining(explanation)]);
    await expect(page.locator('section.newsletter')).toHaveCount(0);
  });
}

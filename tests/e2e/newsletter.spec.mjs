// The newsletter signup on story pages, against the real receiver (tools/newsletter-receiver.mjs
// on this run's receiver port). The app is configured per test with <meta name="storyline-newsletter-*">
// tags (configureNewsletter); failures are reproduced with the receiver's one-shot faults,
// keyed by a fresh address per test so parallel tests never meet.
import {
  BIKE_LANES_SLUG,
  LATE_PICTURED_SLUG,
  LATE_SLUG,
  LISTMONK_DOUBLE_OPTIN_LIST,
  LISTMONK_SINGLE_OPTIN_LIST,
  RECEIVER_URL,
  SEED_SLUG,
  appStarted,
  configureNewsletter,
  expect,
  expectNoAxeViolations,
  injectFault,
  loadFixture,
  loadSample,
  receiverAttempts,
  receiverSignups,
  story,
  test,
  uniqueEmail,
} from './support.mjs';

const seed = loadSample(SEED_SLUG);
const pictured = loadFixture(LATE_PICTURED_SLUG);

const SUCCESS_HEADING = 'Success! Now Check Your Email';
const SUCCESS_TEXT =
  "To complete Subscribe, click the confirmation link in your inbox. If it doesn't arrive within 3 minutes, check your spam folder.";
const SUBSCRIBED_HEADING = "Success! You're Subscribed";
const SUBSCRIBED_TEXT = 'Thank you. Our next newsletter will arrive in your inbox.';
const UNREACHABLE = 'Could not reach the newsletter service';

/** The parts of the signup section. */
function signupOf(page) {
  const section = page.locator('section.newsletter');
  const form = section.locator('form.newsletter-form');
  const success = section.locator('div.newsletter-success');
  return {
    section,
    form,
    email: form.getByLabel('Email address', { exact: true }),
    submit: form.locator('button[type="submit"]'),
    honeypot: form.locator('.newsletter-trap input[name="website"]'),
    message: form.locator('p.newsletter-message'),
    retry: form.locator('button.newsletter-retry'),
    success,
    successHeading: success.locator('h3'),
    ok: success.getByRole('button', { name: 'Ok, Thanks' }),
  };
}

/** Opens the seed story (or `slug`) with the signup configured by `settings`, and waits for it. */
async function openStory(page, settings, slug = SEED_SLUG) {
  await configureNewsletter(page, settings);
  await page.goto(story(slug));
  await expect(page.locator('h1.story-title')).toBeVisible();
  const signup = signupOf(page);
  await expect(signup.email).toBeVisible();
  return signup;
}

/** Records every request this page sends to the receiver (CORS preflights aside). */
function watchReceiver(page) {
  const sent = [];
  page.on('request', (request) => {
    if (request.url().startsWith(RECEIVER_URL)) sent.push(`${request.method()} ${request.url()}`);
  });
  return sent;
}

/** The success view is shown in place of the form, with its heading focused. */
async function expectSuccess(signup) {
  await expect(signup.successHeading).toHaveText(SUCCESS_HEADING);
  await expect(signup.successHeading).toBeFocused();
  await expect(signup.success).toContainText(SUCCESS_TEXT);
  await expect(signup.ok).toBeVisible();
  await expect(signup.form).toBeHidden();
}

/** The form is idle: nothing sending, no message, no retry. */
async function expectIdle(signup) {
  await expect(signup.form).toBeVisible();
  await expect(signup.form).toHaveAttribute('aria-busy', 'false');
  await expect(signup.submit).toBeEnabled();
  await expect(signup.submit).toHaveText('Subscribe');
  await expect(signup.submit.locator('.spinner')).toBeHidden();
  await expect(signup.message).toHaveText('');
  await expect(signup.retry).toHaveCount(0);
  await expect(signup.success).toBeHidden();
}

test('without an endpoint the signup is left out and the console says why, once: a story the app draws', async ({ page }) => {
  const messages = [];
  page.on('console', (message) => messages.push(message.text()));
  const explanations = () => messages.filter((text) => text.includes('newsletter signup not shown'));

  await page.goto(story(LATE_SLUG));
  await expect(page.locator('section.narratives')).toBeVisible();
  await expect(page.locator('section.newsletter')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Subscribe to Our Newsletter' })).toHaveCount(0);
  await expect.poll(explanations).toHaveLength(1);
  expect(explanations()[0]).toContain('no endpoint is configured');

  // Another story the app draws in the same page load: still left out, not explained again.
  await page.locator('li.related-story a').click();
  await expect(page.locator('h1.story-title')).toHaveText(pictured.title);
  await expect(page.locator('section.newsletter')).toHaveCount(0);
  expect(explanations()).toHaveLength(1);
});

test('without an endpoint a page rendered ahead of time has no signup and loads no signup code', async ({ page }) => {
  // The build says why (storyline-publish: "the pages have no newsletter signup: …").
  const signupCode = [];
  page.on('request', (request) => {
    if (/\/storyline-signup-[0-9a-f]+/.test(request.url())) signupCode.push(request.url());
  });
  await page.goto(story(SEED_SLUG));
  await appStarted(page);
  await page.locator('section.predictions').scrollIntoViewIfNeeded();
  await expect(page.locator('section.newsletter')).toHaveCount(0);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
  expect(signupCode).toEqual([]);
});

test('the signup sits between Predictions and Read more, labelled by its heading', async ({ page }) => {
  const signup = await openStory(page, { provider: 'json' }, BIKE_LANES_SLUG);
  const order = await page
    .locator('article.story section')
    .evaluateAll((sections) => sections.map((section) => section.className));
  const at = order.indexOf('newsletter');
  expect(order.slice(at - 1, at + 2), `sections in order: ${order.join(', ')}`).toEqual([
    'predictions',
    'newsletter',
    'related',
  ]);

  await expect(page.getByRole('region', { name: 'Subscribe to Our Newsletter' })).toBeVisible();
  await expect(signup.section.locator('h2')).toHaveText('Subscribe to Our Newsletter');
  await expect(signup.section.locator('p.newsletter-lede')).toHaveText('Get our free daily newsletter');
  await expect(signup.email).toHaveAttribute('type', 'email');
  await expect(signup.email).toHaveAttribute('name', 'email');
  await expect(signup.email).toHaveAttribute('autocomplete', 'email');
  await expect(signup.email).toHaveAttribute('aria-invalid', 'false');
  await expect(signup.email).toHaveValue('');
  await expect(signup.message).toHaveAttribute('role', 'alert');
  const messageId = await signup.message.getAttribute('id');
  expect(messageId).toBeTruthy();
  await expect(signup.email).toHaveAttribute('aria-describedby', messageId);
  await expectIdle(signup);
});

test.describe('a successful signup', () => {
  /** What each provider must have sent, as the receiver recorded it. */
  const expectations = {
    json: ({ email, url }) => ({
      content_type: 'application/json',
      parse: (body) => JSON.parse(body),
      body: { email, story: SEED_SLUG, page: url },
    }),
    form: ({ email, url }) => ({
      content_type: 'application/x-www-form-urlencoded',
      parse: (body) => body,
      body: new URLSearchParams({ email, story: SEED_SLUG, page: url }).toString(),
    }),
    ghost: ({ email }) => ({
      content_type: 'application/json',
      parse: (body) => JSON.parse(body),
      body: {
        email,
        emailType: 'subscribe',
        labels: [],
        name: '',
        autoRedirect: true,
        integrityToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    }),
    'ghost with newsletters and labels': ({ email }) => ({
      provider: 'ghost',
      settings: { lists: 'Daily briefing, Weekend', labels: 'storyline , embed' },
      content_type: 'application/json',
      parse: (body) => JSON.parse(body),
      body: {
        email,
        emailType: 'subscribe',
        labels: ['storyline', 'embed'],
        newsletters: [{ name: 'Daily briefing' }, { name: 'Weekend' }],
        name: '',
        autoRedirect: true,
        integrityToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    }),
    listmonk: ({ email }) => ({
      settings: { lists: LISTMONK_DOUBLE_OPTIN_LIST },
      content_type: 'application/json',
      parse: (body) => JSON.parse(body),
      body: { email, name: '', list_uuids: [LISTMONK_DOUBLE_OPTIN_LIST] },
    }),
  };

  for (const name of Object.keys(expectations)) {
    test(`through the ${name} provider sends exactly the expected request`, async ({ page, request }) => {
      const probe = expectations[name]({ email: '', url: '' });
      const provider = probe.provider ?? name;
      const signup = await openStory(page, { provider, ...probe.settings });
      const email = uniqueEmail(provider);

      await signup.email.click();
      await page.keyboard.type(email);
      await signup.submit.click();
      await expectSuccess(signup);

      const expected = expectations[name]({ email, url: page.url() });
      const signups = await receiverSignups(request, email);
      expect(signups).toHaveLength(1);
      expect(signups[0].provider).toBe(provider);
      expect(signups[0].content_type).toBe(expected.content_type);
      expect(expected.parse(signups[0].body)).toEqual(expected.body);
      expect(await receiverAttempts(request, email)).toHaveLength(1);

      // "Ok, Thanks" brings back an empty form, ready for another address.
      await signup.ok.click();
      await expect(signup.success).toBeHidden();
      await expect(signup.email).toHaveValue('');
      await expect(signup.email).toBeFocused();
      await expectIdle(signup);
    });
  }
});

test('a Listmonk list without double opt-in says the reader is subscribed, not to check their email', async ({ page, request }) => {
  const signup = await openStory(page, { provider: 'listmonk', lists: ` ${LISTMONK_SINGLE_OPTIN_LIST} ,` });
  const email = uniqueEmail('listmonk');
  await signup.email.fill(email);
  await signup.submit.click();
  await expect(signup.successHeading).toHaveText(SUBSCRIBED_HEADING);
  await expect(signup.successHeading).toBeFocused();
  await expect(signup.success).toContainText(SUBSCRIBED_TEXT);
  await expect(signup.success).not.toContainText('confirmation link');
  const signups = await receiverSignups(request, email);
  expect(JSON.parse(signups[0].body).list_uuids).toEqual([LISTMONK_SINGLE_OPTIN_LIST]);

  // Another address after "Ok, Thanks" starts from the plain form again.
  await signup.ok.click();
  await expect(signup.email).toBeFocused();
  await expectIdle(signup);
});

test('Listmonk without list UUIDs shows no form, and the console tells the editor what is missing', async ({ page }) => {
  const messages = [];
  page.on('console', (message) => messages.push(message.text()));
  await configureNewsletter(page, { provider: 'listmonk' });
  await page.goto(story(SEED_SLUG));
  await appStarted(page);
  await page.locator('section.predictions').scrollIntoViewIfNeeded();
  await expect
    .poll(() => messages.filter((text) => text.includes('newsletter signup not shown')))
    .toEqual([expect.stringContaining('needs the UUIDs of the lists')]);
  await expect(page.locator('section.newsletter')).toHaveCount(0);
});

test.describe('checks before sending', () => {
  test('an empty address is asked for, and nothing is sent', async ({ page, request }) => {
    const signup = await openStory(page, { provider: 'json' });
    const sent = watchReceiver(page);

    await signup.submit.click();
    await expect(signup.message).toHaveText('Enter your email address');
    await expect(signup.email).toHaveAttribute('aria-invalid', 'true');
    await expect(signup.email).toHaveAccessibleDescription('Enter your email address');
    await expect(signup.email).toBeFocused();
    await expect(signup.success).toBeHidden();

    // Spaces only count as empty.
    await signup.email.fill('   ');
    await signup.email.press('Enter');
    await expect(signup.message).toHaveText('Enter your email address');
    await expect(signup.email).toHaveAttribute('aria-invalid', 'true');

    // Once the address is fixed the error goes and the signup is sent.
    const email = uniqueEmail();
    await signup.email.fill(email);
    await signup.submit.click();
    await expectSuccess(signup);
    expect(sent, 'requests to the receiver').toEqual([`POST ${RECEIVER_URL}/subscribe`]);
    expect(await receiverAttempts(request, '')).toEqual([]);
    expect(await receiverAttempts(request, email)).toHaveLength(1);
    await signup.ok.click();
    await expect(signup.email).toHaveAttribute('aria-invalid', 'false');
    await expect(signup.message).toHaveText('');
  });

  test('an address without a domain ending is invalid, kept, and not sent', async ({ page, request }) => {
    const signup = await openStory(page, { provider: 'json' });
    const sent = watchReceiver(page);

    await signup.email.fill('reader@example');
    await signup.submit.click();
    await expect(signup.message).toHaveText('Invalid email address');
    await expect(signup.email).toHaveAttribute('aria-invalid', 'true');
    await expect(signup.email).toHaveAccessibleDescription('Invalid email address');
    await expect(signup.email).toBeFocused();
    await expect(signup.email).toHaveValue('reader@example');
    await expect(signup.success).toBeHidden();

    const email = uniqueEmail();
    await signup.email.fill(email);
    await signup.submit.click();
    await expectSuccess(signup);
    expect(sent, 'requests to the receiver').toEqual([`POST ${RECEIVER_URL}/subscribe`]);
    expect(await receiverAttempts(request, 'reader@example')).toEqual([]);
  });
});

test('a filled honeypot pretends to succeed and sends nothing', async ({ page, request }) => {
  const signup = await openStory(page, { provider: 'json' });
  const sent = watchReceiver(page);

  // Readers cannot reach the trap: hidden from assistive technology, out of the tab order, off screen.
  await expect(signup.form.locator('.newsletter-trap')).toHaveAttribute('aria-hidden', 'true');
  await expect(signup.honeypot).toHaveAttribute('tabindex', '-1');
  await expect(signup.honeypot).not.toBeInViewport();

  const email = uniqueEmail('bot');
  await signup.honeypot.fill('https://spam.example.com', { force: true });
  await signup.email.fill(email);
  await signup.submit.click();
  await expectSuccess(signup);

  await signup.ok.click();
  await expect(signup.email).toBeFocused();
  expect(sent, 'requests to the receiver').toEqual([]);
  expect(await receiverAttempts(request, email)).toEqual([]);
  expect(await receiverSignups(request, email)).toEqual([]);
});

test.describe('one request at a time', () => {
  test('double clicks and repeated Enter send a single signup, shown as sending', async ({ page, request }) => {
    const signup = await openStory(page, { provider: 'json' });
    const email = uniqueEmail('double');
    // Long enough to press keys and look at the sending state before the answer comes.
    await injectFault(request, { email, delay_ms: 2000, status: 201, body: { message: 'ok' } });

    await signup.email.fill(email);
    await signup.submit.dblclick();
    for (let i = 0; i < 4; i += 1) await signup.email.press('Enter');

    // While the request is out.
    await expect(signup.submit).toBeDisabled();
    await expect(signup.submit).toHaveText('Sending…');
    await expect(signup.submit.locator('.spinner')).toBeVisible();
    await expect(signup.form).toHaveAttribute('aria-busy', 'true');
    await expect(signup.email).toHaveValue(email);

    await expectSuccess(signup);
    await expect(signup.form).toHaveAttribute('aria-busy', 'false');
    expect(await receiverAttempts(request, email)).toHaveLength(1);
  });

  test('submits in the same instant send a single signup', async ({ page, request }) => {
    const signup = await openStory(page, { provider: 'json' });
    const email = uniqueEmail('burst');
    await injectFault(request, { email, delay_ms: 500, status: 201, body: { message: 'ok' } });

    await signup.email.fill(email);
    // Three submissions before the page can re-render (the disabled button cannot stop these).
    await signup.form.evaluate((form) => {
      form.requestSubmit();
      form.requestSubmit();
      form.requestSubmit();
    });
    await expectSuccess(signup);
    expect(await receiverAttempts(request, email)).toHaveLength(1);
  });
});

test.describe('when the signup fails, the address stays and "Try again" works', () => {
  const failures = [
    {
      name: 'the provider says why ({message})',
      fault: { status: 409, body: { message: 'Already subscribed' } },
      exact: 'Already subscribed',
    },
    {
      name: "Ghost says why ({errors: [{message}]})",
      provider: 'ghost',
      fault: { status: 400, body: { errors: [{ message: 'Email is on the blocklist' }] } },
      exact: 'Email is on the blocklist',
    },
    {
      name: 'Listmonk says why ({message})',
      provider: 'listmonk',
      settings: { lists: LISTMONK_DOUBLE_OPTIN_LIST },
      fault: { status: 400, body: { message: 'Invalid email.' } },
      exact: 'Invalid email.',
    },
    {
      name: 'a plain-text 500',
      fault: { status: 500, content_type: 'text/plain', body: 'oops' },
      contains: ['had a problem (HTTP 500)'],
      excludes: ['oops'],
    },
    {
      name: 'an HTML error page (502)',
      fault: { status: 502, content_type: 'text/html', body: '<html><body><h1>Bad Gateway</h1></body></html>' },
      contains: ['HTTP 502'],
      excludes: ['<h1>', '<html>', 'Bad Gateway'],
    },
    {
      name: 'a redirect elsewhere (302)',
      fault: { status: 302, headers: { Location: 'http://127.0.0.1:9/elsewhere' } },
      contains: ['has moved'],
    },
    {
      name: 'too many signups (429 with Retry-After)',
      fault: { status: 429, headers: { 'Retry-After': '30' }, body: { message: 'Too many signups' } },
      contains: ['Too many signups', 'Try again in 30 seconds.'],
      exact: 'Too many signups. Try again in 30 seconds.',
    },
    {
      name: 'a CORS refusal',
      fault: { status: 201, cors: false },
      contains: [UNREACHABLE],
    },
    {
      // Chromium silently resends a request whose reused keep-alive connection closes
      // without an answer (up to twice), so one cut connection is not enough to reach the
      // reader: cut three, and cut (drain) those the browser did not use before retrying.
      name: 'a dropped connection',
      fault: { drop: true, times: 3 },
      drain: 3,
      contains: [UNREACHABLE],
    },
    {
      name: 'no answer within the timeout',
      timeout: '1',
      fault: { status: 201, delay_ms: 3000 },
      exact: 'The newsletter service did not answer within 1 second. Try again.',
    },
  ];

  for (const { name, provider = 'json', settings, timeout, fault, drain, exact, contains = [], excludes = [] } of failures) {
    test(name, async ({ page, request }) => {
      const signup = await openStory(page, { provider, timeout, ...settings });
      const email = uniqueEmail('fail');
      await injectFault(request, { email, ...fault });

      await signup.email.fill(email);
      await signup.submit.click();
      await expect(signup.retry).toBeVisible();
      await expect(signup.retry).toHaveText('Try again');
      if (exact) await expect(signup.message).toHaveText(exact);
      for (const part of contains) await expect(signup.message).toContainText(part);
      for (const part of excludes) await expect(signup.message).not.toContainText(part);
      await expect(signup.email).toHaveValue(email);
      await expect(signup.email).toHaveAttribute('aria-invalid', 'false');
      await expect(signup.form).toHaveAttribute('aria-busy', 'false');
      await expect(signup.submit).toBeEnabled();
      await expect(signup.submit).toHaveText('Subscribe');
      await expect(signup.success).toBeHidden();
      expect(await receiverSignups(request, email)).toEqual([]);

      let attempts = (await receiverAttempts(request, email)).length;
      if (drain) {
        test.info().annotations.push({ type: 'browser attempts', description: String(attempts) });
        for (; attempts < drain; attempts += 1) {
          await request.post(`${RECEIVER_URL}/subscribe`, { data: { email } }).catch(() => {});
        }
        expect(await receiverAttempts(request, email)).toHaveLength(drain);
      } else {
        expect(attempts, 'requests the app sent').toBe(1);
      }

      // The fault is used up: trying again goes through.
      await signup.retry.click();
      await expectSuccess(signup);
      const signups = await receiverSignups(request, email);
      expect(signups).toHaveLength(1);
      expect(signups[0].provider).toBe(provider);
      expect(await receiverAttempts(request, email)).toHaveLength(attempts + 1);
    });
  }
});

test('signing up with the keyboard alone', async ({ page, request }) => {
  const signup = await openStory(page, { provider: 'json' });
  const email = uniqueEmail('keys');
  const focused = (locator) => locator.evaluate((element) => element === document.activeElement);

  let presses = 0;
  while (!(await focused(signup.email))) {
    expect(presses, 'Tab presses to reach the email field').toBeLessThan(60);
    await page.keyboard.press('Tab');
    presses += 1;
  }
  await page.keyboard.type(email);
  await page.keyboard.press('Enter');
  await expectSuccess(signup);
  expect(await receiverSignups(request, email)).toHaveLength(1);

  presses = 0;
  while (!(await focused(signup.ok))) {
    expect(presses, 'Tab presses to reach "Ok, Thanks"').toBeLessThan(5);
    await page.keyboard.press('Tab');
    presses += 1;
  }
  await page.keyboard.press('Enter');
  await expect(signup.success).toBeHidden();
  await expect(signup.email).toBeFocused();
  await expect(signup.email).toHaveValue('');
});

test.describe('accessibility (axe-core)', () => {
  /** Each state, reached from an idle signup; `ready` waits until the state is on screen. */
  const states = {
    idle: async () => {},
    'client-side error': async (signup) => {
      await signup.submit.click();
      await expect(signup.message).toHaveText('Enter your email address');
    },
    sending: async (signup, request) => {
      const email = uniqueEmail('axe-sending');
      await injectFault(request, { email, status: 201, delay_ms: 8000 });
      await signup.email.fill(email);
      await signup.submit.click();
      await expect(signup.submit).toHaveText('Sending…');
      return async () => {
        // Still sending after the scan, so the scan saw this state.
        expect(await signup.submit.textContent()).toBe('Sending…');
        expect(await signup.form.getAttribute('aria-busy')).toBe('true');
      };
    },
    'server error': async (signup, request) => {
      const email = uniqueEmail('axe-error');
      await injectFault(request, { email, status: 409, body: { message: 'Already subscribed' } });
      await signup.email.fill(email);
      await signup.submit.click();
      await expect(signup.message).toHaveText('Already subscribed');
      await expect(signup.retry).toBeVisible();
    },
    success: async (signup) => {
      await signup.email.fill(uniqueEmail('axe-success'));
      await signup.submit.click();
      await expectSuccess(signup);
    },
  };

  for (const colorScheme of ['light', 'dark']) {
    for (const [state, reach] of Object.entries(states)) {
      test(`no violations with the signup ${state} (${colorScheme})`, async ({ page, request }) => {
        await page.emulateMedia({ colorScheme });
        const signup = await openStory(page, { provider: 'json' });
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          colorScheme === 'dark',
        );
        const after = await reach(signup, request);
        await expectNoAxeViolations(page, `the seed story with the signup ${state} (${colorScheme})`);
        await after?.();
      });
    }
  }
});

// End-to-end tests against the release build (`make build` → dist/), served on loopback by
// a plain static server, with a real newsletter receiver beside it. The ports are the ones
// `make test-e2e` chose for its build (tools/test-ports.mjs).
import { readFileSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { launchOptions } from './tools/chromium.mjs';

function chosenPorts() {
  try {
    return JSON.parse(readFileSync(new URL('target/e2e-ports.json', import.meta.url), 'utf8'));
  } catch {
    throw new Error('no target/e2e-ports.json: run the suite through `make test-e2e`, which chooses its ports and builds for them');
  }
}

/** The ports of this run: app, host (the publisher's page), receiver, faultyStory, ghost. */
export const PORTS = chosenPorts();
const { app: APP_PORT, host: HOST_PORT, receiver: RECEIVER_PORT, faultyStory: FAULTY_STORY_PORT, ghost: GHOST_PORT } = PORTS;
/** Where the real Ghost writes the mail it sends (tools/ghost.sh). */
export const GHOST_MAIL_FILE = 'target/e2e-ghost-mail.mbox';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // The Ghost stage runs alone as `make test-ghost` too. A member is created only when the
  // mailed link is opened, and Ghost then looks the client up at a geo service it cannot
  // reach from here, which takes seconds.
  projects: [
    { name: 'app', testIgnore: /ghost\.spec\.mjs$/ },
    { name: 'ghost', testMatch: /ghost\.spec\.mjs$/, timeout: 90_000 },
  ],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    browserName: 'chromium',
    launchOptions,
  },
  webServer: [
    {
      // tests/fixtures adds malformed and edge-case stories under /stories/.
      command: `node tools/serve-static.mjs --port ${APP_PORT} dist tests/fixtures`,
      url: `http://127.0.0.1:${APP_PORT}/stories/index.json`,
      reuseExistingServer: false,
    },
    {
      // The embed demo as a publisher's page on another origin, loading widgets from the app's.
      // tests/fixtures/host adds a publisher's page that starts without widgets.
      command: `node tools/serve-static.mjs --port ${HOST_PORT} --base http://127.0.0.1:${APP_PORT}/ public tests/fixtures/host`,
      url: `http://127.0.0.1:${HOST_PORT}/embed-demo.html`,
      reuseExistingServer: false,
    },
    {
      command: 'node tools/faulty-story-server.mjs',
      env: { PORT: String(FAULTY_STORY_PORT) },
      url: `http://127.0.0.1:${FAULTY_STORY_PORT}/health`,
      reuseExistingServer: false,
    },
    {
      // A real Ghost 5 (installed by tools/setup.sh test), with a fresh database each run.
      command: `tools/ghost.sh start ${GHOST_PORT} ${GHOST_MAIL_FILE}`,
      url: `http://127.0.0.1:${GHOST_PORT}/members/api/integrity-token/`,
      timeout: 120_000,
      reuseExistingServer: false,
    },
    {
      command: 'node tools/newsletter-receiver.mjs',
      env: { PORT: String(RECEIVER_PORT), SIGNUPS_FILE: 'target/e2e-signups.jsonl', RESET_SIGNUPS: '1' },
      url: `http://127.0.0.1:${RECEIVER_PORT}/health`,
      reuseExistingServer: false,
    },
  ],
});

// End-to-end tests against the release build (`trunk build --release` → dist/), served on
// loopback by a plain static server, with a real newsletter receiver beside it.
import { defineConfig } from '@playwright/test';

export const APP_PORT = 4173;
export const RECEIVER_PORT = 8788;
export const HOST_PORT = 4174;
export const FAULTY_STORY_PORT = 8789;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    browserName: 'chromium',
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser here.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
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
      command: `node tools/serve-static.mjs --port ${HOST_PORT} --base http://127.0.0.1:${APP_PORT}/ public`,
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
      command: 'node tools/newsletter-receiver.mjs',
      env: { PORT: String(RECEIVER_PORT), SIGNUPS_FILE: 'target/e2e-signups.jsonl', RESET_SIGNUPS: '1' },
      url: `http://127.0.0.1:${RECEIVER_PORT}/health`,
      reuseExistingServer: false,
    },
  ],
});

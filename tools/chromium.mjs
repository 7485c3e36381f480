// Debian's Chromium as the end-to-end tests and the bench launch it: Playwright cannot
// download its own browser here, and without the background-networking flags Chromium
// would try to reach Google at every start.
export const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

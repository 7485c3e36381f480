// Lighthouse's default (mobile) run of one page, in a Chromium of our own that stays off
// the network: this machine has none, and a bench must not phone anyone.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { launchOptions } from '../chromium.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

// Beyond the test flags: everything that would otherwise reach Google on start or idle.
const QUIET_FLAGS = [
  '--headless=new',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--metrics-recording-only',
  `--disable-features=${[
    'Translate',
    'OptimizationHints',
    'MediaRouter',
    'DialMediaRouteProvider',
    'AutofillServerCommunication',
    'CertificateTransparencyComponentUpdater',
    'InterestFeedContentSuggestions',
  ].join(',')}`,
];

/** Chromium with a remote-debugging port and a throwaway profile; resolves to its port. */
async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'storyline-bench-lighthouse-'));
  const chromium = spawn(
    launchOptions.executablePath,
    [
      ...launchOptions.args,
      ...QUIET_FLAGS,
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // 'exit' handlers must be synchronous: no waiting for Chromium to let go of its profile,
  // which a throwaway folder in tmp may outlive.
  process.once('exit', () => {
    chromium.kill();
    try {
      rmSync(profile, { recursive: true, force: true });
    } catch {}
  });
  const stop = async () => {
    if (chromium.exitCode === null && chromium.signalCode === null) {
      const exited = once(chromium, 'exit');
      chromium.kill();
      await exited;
    }
    // Chromium's helper processes may still be writing to the profile for a moment.
    await rm(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  };
  const port = await new Promise((resolve, reject) => {
    let output = '';
    chromium.stderr.on('data', (chunk) => {
      output += chunk;
      const listening = output.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (listening) resolve(Number(listening[1]));
    });
    chromium.once('exit', (code) =>
      reject(new Error(`Chromium exited with ${code} before listening:\n${output}`)),
    );
  });
  return { port, stop };
}

/** Audits of `category` that lost it points: binary ones failed, scored ones below 1. */
function failingAudits(lhr, category) {
  const scored = new Set(['binary', 'numeric', 'metricSavings']);
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.group !== 'hidden')
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => scored.has(audit.scoreDisplayMode))
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map(({ id, title, score, displayValue }) => ({ id, title, score, displayValue }));
}

/** Scores (0–100) of the four categories for `url`, with the audits that cost points. */
export async function runLighthouse(url) {
  const chromium = await launchChromium();
  try {
    const { lhr } = await lighthouse(url, { port: chromium.port, logLevel: 'error' });
    if (lhr.runtimeError) {
      throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    }
    const scores = {};
    const failing = {};
    for (const category of CATEGORIES) {
      scores[category] = Math.round(lhr.categories[category].score * 100);
      failing[category] = failingAudits(lhr, category);
    }
    return { version: lhr.lighthouseVersion, url, scores, failing, warnings: lhr.runWarnings };
  } finally {
    await chromium.stop();
  }
}

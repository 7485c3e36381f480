// Chooses the loopback ports of one end-to-end run, so that two checkouts can run their
// suites side by side and a server left over from another run gets in no one's way. The
// build names some of them (the test servers in connect-src, the app's address as the
// site's, the receiver in form-action too), so they are chosen before it: `make test-e2e` runs this, which writes
// target/e2e-ports.json (read by playwright.config.mjs) and prints the build's settings
// for them as shell `export` lines, and evaluates those. STORYLINE_TEST_PORT_BASE=N takes N to N+4 instead of free ones.
import { mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';

const NAMES = ['app', 'host', 'receiver', 'faultyStory', 'ghost'];

/** As many free loopback ports as there are names, all held until all are chosen. */
async function freePorts(count) {
  const probes = Array.from({ length: count }, () => createServer().listen(0, '127.0.0.1'));
  await Promise.all(probes.map((probe) => once(probe, 'listening')));
  const ports = probes.map((probe) => probe.address().port);
  await Promise.all(probes.map((probe) => new Promise((closed) => probe.close(closed))));
  return ports;
}

const base = process.env.STORYLINE_TEST_PORT_BASE;
if (base !== undefined && !/^\d+$/.test(base)) throw new Error(`STORYLINE_TEST_PORT_BASE="${base}" is not a port number`);
const numbers = base ? NAMES.map((_, i) => Number(base) + i) : await freePorts(NAMES.length);
const ports = Object.fromEntries(NAMES.map((name, i) => [name, numbers[i]]));
mkdirSync('target', { recursive: true });
writeFileSync('target/e2e-ports.json', `${JSON.stringify(ports)}\n`);

const origin = (port) => `http://127.0.0.1:${port}`;
console.log(`export STORYLINE_CSP_CONNECT_SRC="${origin(ports.receiver)} ${origin(ports.faultyStory)} ${origin(ports.ghost)}"`);
console.log(`export STORYLINE_CSP_FORM_ACTION="${origin(ports.receiver)}"`);
console.log(`export STORYLINE_SITE_URL="${origin(ports.app)}"`);

// tools/serve-static.mjs on a free loopback port, for as long as the bench runs.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../serve-static.mjs', import.meta.url));

async function freeLoopbackPort() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  await once(probe, 'close');
  return port;
}

/** Serves `roots` (looked up in order) and resolves once the server is listening. */
export async function serveStatic(roots) {
  const port = await freeLoopbackPort();
  const child = spawn(process.execPath, [SERVER, '--port', String(port), ...roots], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // 'exit' handlers must be synchronous; a signal is enough to end the server.
  const stop = () => child.kill();
  process.once('exit', stop);
  await new Promise((resolve, reject) => {
    // The server prints its one line only once it listens.
    child.stdout.once('data', resolve);
    child.once('exit', (code) =>
      reject(new Error(`serve-static exited with ${code} before listening`)),
    );
  });
  return { origin: `http://127.0.0.1:${port}`, stop };
}

// Trunk post-build hook: writes the two stable, unhashed entry points that load the
// content-hashed modules Trunk built beside the app's (index.html's rust links). Trunk sets
// TRUNK_STAGING_DIR.
// - widget.js, which publishers embed, loads the `widget` build: it finds the hashed files
//   next to itself (import.meta.url), so it works from any origin, and mounts the widgets.
// - wake.js, which the publish step gives the pages it renders, loads the `page` build:
//   such a page is readable before its code is, so the code is asked for only once the
//   page has been painted, and the first paint has the network to itself.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');

/**
 * The JS glue and wasm Trunk wrote for one of the crate's bins, renamed with a hash of their
 * content as Trunk names the app's, so that they can be cached for good: Trunk leaves the
 * modules it does not load itself (data-type="worker") under fixed names. The glue finds
 * the wasm through the loader, never by its own name.
 */
function module(bin) {
  const files = { glue: `${bin}.js`, wasm: `${bin}_bg.wasm` };
  const hash = createHash('sha256');
  for (const file of Object.values(files)) hash.update(readFileSync(join(staging, file)));
  const hashed = `${bin}-${hash.digest('hex').slice(0, 16)}`;
  const renamed = { glue: `${hashed}.js`, wasm: `${hashed}_bg.wasm` };
  for (const part of Object.keys(files)) renameSync(join(staging, files[part]), join(staging, renamed[part]));
  return renamed;
}

const widget = module('storyline-widget');
writeFileSync(
  join(staging, 'widget.js'),
  `// Storyline widget loader (generated at build time by tools/write-loaders.mjs).
const here = (file) => new URL(file, import.meta.url).href;
const storyline = await import(here('${widget.glue}'));
await storyline.default({ module_or_path: here('${widget.wasm}') });
storyline.mount_widgets(here('./'));
`,
);

// As Trunk's loader announces the app, so that the module wakes the page's islands.
const page = module('storyline-page');
writeFileSync(
  join(staging, 'wake.js'),
  `// Storyline's loader for pages rendered ahead of time (generated at build time by
// tools/write-loaders.mjs): asks for their code once the page has been painted.
await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
const storyline = await import('/${page.glue}');
const wasm = await storyline.default({ module_or_path: '/${page.wasm}' });
window.wasmBindings = storyline;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`,
);

// Trunk post-build hook: writes the two stable, unhashed entry points that load the app's
// content-hashed JS and wasm other than through index.html's own loader. Trunk sets
// TRUNK_STAGING_DIR.
// - widget.js, which publishers embed: it finds the hashed files next to itself
//   (import.meta.url), so it works from any origin, and mounts the widgets.
// - wake.js, which the publish step gives the pages it renders in place of index.html's
//   loader: such a page is readable before the app is, so the app's code is asked for only
//   once the page has been painted, and the first paint has the network to itself.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const index = readFileSync(join(staging, 'index.html'), 'utf8');
const glue = index.match(/from '\/?(storyline-[0-9a-f]+\.js)'/)?.[1];
const wasm = index.match(/module_or_path: '\/?(storyline-[0-9a-f]+_bg\.wasm)'/)?.[1];
if (!glue || !wasm) throw new Error('could not find the hashed storyline JS and wasm names in index.html');

writeFileSync(
  join(staging, 'widget.js'),
  `// Storyline widget loader (generated at build time by tools/write-loaders.mjs).
const here = (file) => new URL(file, import.meta.url).href;
const storyline = await import(here('${glue}'));
await storyline.default({ module_or_path: here('${wasm}') });
storyline.mount_widgets(here('./'));
`,
);

// As index.html's loader announces the app, so that it wakes the page's islands.
writeFileSync(
  join(staging, 'wake.js'),
  `// Storyline's loader for pages rendered ahead of time (generated at build time by
// tools/write-loaders.mjs): asks for the app once the page has been painted.
await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
const storyline = await import('/${glue}');
const wasm = await storyline.default({ module_or_path: '/${wasm}' });
window.wasmBindings = storyline;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`,
);

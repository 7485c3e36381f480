// Trunk post-build hook: writes widget.js, the stable, unhashed entry point publishers
// embed. It loads the same content-hashed JS and wasm as the app, found next to itself
// (import.meta.url), so it works from any origin. Trunk sets TRUNK_STAGING_DIR.
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
  `// Storyline widget loader (generated at build time by tools/write-widget-loader.mjs).
const here = (file) => new URL(file, import.meta.url).href;
const storyline = await import(here('${glue}'));
await storyline.default({ module_or_path: here('${wasm}') });
storyline.mount_widgets(here('./'));
`,
);

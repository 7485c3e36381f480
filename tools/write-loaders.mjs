// Trunk post-build hook: writes the two stable, unhashed entry points that load the
// content-hashed modules Trunk built beside the app's (index.html's rust links). Trunk sets
// TRUNK_STAGING_DIR.
// - widget.js, which publishers embed, loads the `widget` build for story widgets and the
//   `widget-signup` build for signup forms: it finds the hashed files next to itself
//   (import.meta.url), so it works from any origin.
// - wake.js, which the publish step gives the pages it renders, loads the `page` build:
//   such a page is readable before its code is, so the code blocks nothing.
//   The `signup` build, the signup form's, is asked for only when the form comes near
//   the viewport: most readers never get there.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');

/**
 * The JS glue and wasm Trunk wrote for one of the crate's bins, renamed with a hash of their
 * content as Trunk names the app's, so that they can be cached for good: Trunk leaves the
 * modules it does not load itself (data-type="worker") under fixed names. The glue finds
 * the wasm through the loader, never by its own name. The glue is minified first (Trunk's
 * own minifier cannot parse it): about a fifth less to download, compressed.
 */
function module(bin) {
  const files = { glue: `${bin}.js`, wasm: `${bin}_bg.wasm` };
  const glue = join(staging, files.glue);
  writeFileSync(glue, transformSync(readFileSync(glue, 'utf8'), { minify: true, format: 'esm' }).code);
  const hash = createHash('sha256');
  for (const file of Object.values(files)) hash.update(readFileSync(join(staging, file)));
  const hashed = `${bin}-${hash.digest('hex').slice(0, 16)}`;
  const renamed = { glue: `${hashed}.js`, wasm: `${hashed}_bg.wasm` };
  for (const part of Object.keys(files)) renameSync(join(staging, files[part]), join(staging, renamed[part]));
  return renamed;
}

const widget = module('storyline-widget');
const widgetSignup = module('storyline-widget-signup');
writeFileSync(
  join(staging, 'widget.js'),
  `// Storyline widget loader (generated at build time by tools/write-loaders.mjs). Stories and
// signup forms are two modules, each loaded once the page has an element for it. A story
// widget's signup form is the signup module's too: its place asks for it (an event that
// leaves the widget's shadow root), and the module comes once a reader gets near.
const here = (file) => new URL(file, import.meta.url).href;
const started = {};
const start = (glue, wasm, mount) =>
  (started[glue] ??= import(here(glue)).then(async (module) => {
    await module.default({ module_or_path: here(wasm) });
    mount(module);
    return module;
  }));
const stories = () => start('${widget.glue}', '${widget.wasm}', (module) => module.mount_widgets(here('./')));
const signups = () => start('${widgetSignup.glue}', '${widgetSignup.wasm}', (module) => module.mount_signups(here('./')));

const near = new IntersectionObserver((entries) => {
  for (const entry of entries.filter((entry) => entry.isIntersecting)) {
    near.unobserve(entry.target);
    signups().then((module) => module.mount_signup_in(entry.target, here('./')));
  }
}, { rootMargin: '100% 0px' });
addEventListener('storyline-signup-place', (event) => near.observe(event.composedPath()[0]));

// Each module then mounts the widgets added later by itself.
const wanted = () => {
  if (document.querySelector('[data-storyline-story]')) stories();
  if (document.querySelector('[data-storyline-signup]')) signups();
  if (Object.keys(started).length === 2) watching.disconnect();
};
const watching = new MutationObserver(wanted);
watching.observe(document.documentElement, { childList: true, subtree: true });
wanted();
`,
);

const page = module('storyline-page');
const signup = module('storyline-signup');
writeFileSync(
  join(staging, 'wake.js'),
  `// Storyline's loader for pages rendered ahead of time (generated at build time by
// tools/write-loaders.mjs). The article comes first: its code is fetched and compiled
// only once the page is parsed, and started only once it is painted. The signup form's
// code is asked for only once the form is within a screen of the viewport. Each module
// wakes the islands it defines (leptos-island elements, named by the function that wakes
// them).
const parsed = new Promise((resolve) => {
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', resolve, { once: true });
  else resolve();
});
// The first frame after the parse: code that is ready by then would otherwise run first
// and hold it back. A hidden page paints no frames, and has no reader to keep waiting.
const painted = parsed.then(
  () =>
    new Promise((resolve) => {
      if (document.hidden) resolve();
      else requestAnimationFrame(() => setTimeout(resolve));
    }),
);
const load = async (glue, wasm) => {
  // Fetching and compiling, though off the main thread, begin and end on it, as
  // evaluating the glue does: while the page is being parsed, that would put off the
  // article.
  await parsed;
  // Should compiling from the response fail (a server that does not send the wasm as
  // application/wasm), wasm-bindgen is given the address, and fetches it its own way.
  const compiled = WebAssembly.compileStreaming(fetch(wasm)).catch(() => wasm);
  const module = await import(glue);
  const code = await compiled;
  await painted;
  // A module's start reads the page (the data its islands need), which is whole by now.
  await module.default({ module_or_path: code });
  return module;
};
const page = await load('/${page.glue}', '/${page.wasm}');
// As Trunk's loader announces the app's start.
dispatchEvent(new CustomEvent('TrunkApplicationStarted'));
page.wake(page);

const later = [...document.querySelectorAll('leptos-island')].filter((island) => !(island.dataset.component in page));
let signup;
const wakeLater = () => {
  signup ??= load('/${signup.glue}', '/${signup.wasm}').then((module) => {
    module.wake(module);
    for (const island of later.filter((island) => !(island.dataset.component in module))) {
      console.error(\`Storyline: this page and its code are from different builds (no island "\${island.dataset.component}"); reload to get both anew.\`);
    }
  });
};
const near = new IntersectionObserver((entries) => {
  if (entries.some((entry) => entry.isIntersecting)) {
    near.disconnect();
    wakeLater();
  }
}, { rootMargin: '100% 0px' });
// The page's signup settings may have been changed since the build; only the signup's
// code reads them all, but without an endpoint there is never a form to show.
const endpoint = document.querySelector('meta[name="storyline-newsletter-endpoint"]')?.content.trim();
for (const island of later) {
  // An island's element has no box of its own (display: contents); its content has. One
  // rendered empty is a signup the build had no settings for.
  if (island.firstElementChild) near.observe(island.firstElementChild);
  else if (endpoint) wakeLater();
}
`,
);

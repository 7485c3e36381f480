// Code weight of the release build: what a reader downloads before Storyline's code can
// run, for each of its three modules (Cargo.toml's `page`, `app` and `widget` builds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/** The first match of `pattern` in `text`, which must be there. */
function named(text, pattern, kind, where) {
  const file = text.match(pattern)?.[1];
  if (!file) throw new Error(`no ${kind} file named in ${where}`);
  return { kind, file: file.replace(/^\//, '') };
}

const stylesheet = (html, where) => named(html, /<link rel="stylesheet" href="([^"]+\.css)"/, 'CSS', where);

/** The JS glue and wasm of the module built from `bin`, as `loader` names them. */
function moduleFiles(dist, loader, bin) {
  const text = readFileSync(join(dist, loader), 'utf8');
  return [
    named(text, new RegExp(`'/?(${bin}-[0-9a-f]+\\.js)'`), 'JS', loader),
    named(text, new RegExp(`'/?(${bin}-[0-9a-f]+_bg\\.wasm)'`), 'wasm', loader),
  ];
}

/**
 * A page rendered ahead of time: its stylesheet, wake.js and the `page` module it loads
 * at once (not the `signup` module, which it loads when the form comes near the viewport).
 */
function pageFiles(dist, page) {
  const html = readFileSync(join(dist, page), 'utf8');
  const loader = named(html, /<script type="module"[^>]* src="([^"]+)"/, 'loader', page).file;
  return [stylesheet(html, page), { kind: 'JS', file: loader }, ...moduleFiles(dist, loader, 'storyline-page')];
}

/** The app shell: its stylesheet and the `app` module, as Trunk's loader names them. */
function appFiles(dist) {
  const html = readFileSync(join(dist, 'app.html'), 'utf8');
  return [
    stylesheet(html, 'app.html'),
    named(html, /from '([^']+\.js)'/, 'JS', 'app.html'),
    named(html, /module_or_path: '([^']+\.wasm)'/, 'wasm', 'app.html'),
  ];
}

const sum = (sizes) =>
  sizes.reduce(
    (total, size) => ({
      raw: total.raw + size.raw,
      gzip: total.gzip + size.gzip,
      brotli: total.brotli + size.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );

/**
 * Raw, gzip -9 and brotli -q 11 sizes in bytes of what each module's pages load: a story
 * page rendered ahead of time (`page`, dist-relative path), the signup form's module that
 * such a page loads later, the app shell, and widget.js (whose styles are inside its wasm).
 */
export function codeWeight(dist, page) {
  const measure = ({ kind, file }) => ({
    kind,
    file,
    ...compressedSizes(readFileSync(join(dist, file))),
  });
  const bundle = (files) => {
    const measured = files.map(measure);
    return { files: measured, total: sum(measured) };
  };
  return {
    page: bundle(pageFiles(dist, page)),
    signup: bundle(moduleFiles(dist, 'wake.js', 'storyline-signup')),
    app: bundle(appFiles(dist)),
    widget: bundle([{ kind: 'JS', file: 'widget.js' }, ...moduleFiles(dist, 'widget.js', 'storyline-widget')]),
    widgetSignup: bundle(moduleFiles(dist, 'widget.js', 'storyline-widget-signup')),
  };
}

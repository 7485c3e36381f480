// Code weight of the release build: what a reader downloads before the app can run.
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

/** The hashed files every page loads, found the way Trunk writes them in the app shell. */
function appFiles(dist) {
  const index = readFileSync(join(dist, 'app.html'), 'utf8');
  const find = (kind, pattern) => {
    const file = index.match(pattern)?.[1];
    if (!file) throw new Error(`no ${kind} file named in ${join(dist, 'app.html')}`);
    return { kind, file };
  };
  return [
    find('wasm', /module_or_path: '\/?([^']+\.wasm)'/),
    find('JS', /from '\/?([^']+\.js)'/),
    find('CSS', /<link rel="stylesheet" href="\/?([^"]+\.css)"/),
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

/** Raw, gzip -9 and brotli -q 11 sizes in bytes of the app's wasm, JS and CSS, and of widget.js. */
export function codeWeight(dist) {
  const measure = ({ kind, file }) => ({
    kind,
    file,
    ...compressedSizes(readFileSync(join(dist, file))),
  });
  const files = appFiles(dist).map(measure);
  return {
    files,
    total: sum(files),
    widget: measure({ kind: 'widget loader', file: 'widget.js' }),
  };
}

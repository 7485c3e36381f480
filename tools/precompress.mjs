// The last step of a release build (`make build`, after Trunk and the publish step):
// writes FILE.br (brotli, quality 11) and FILE.gz (gzip, level 9) beside every text-like
// file in the build, so a static server (nginx's brotli_static and gzip_static, see
// deploy/nginx.conf) or a CDN sends the smallest copy without compressing on each request.
// Maximum levels are affordable because this runs once per release, never on `trunk
// serve` rebuilds.
//   node tools/precompress.mjs DIST
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const dist = process.argv[2];
if (!dist) throw new Error('usage: node tools/precompress.mjs DIST');

// Images such as PNG, JPEG and WebP are left out: they are compressed already, so another
// pass only costs time.
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml', '.map', '.webmanifest']);
const compressible = (file) => TEXT.has(extname(file)) || extname(file) === '.wasm';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

async function precompress(file) {
  const content = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: TEXT.has(extname(file)) ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
    gzipped(content, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
}

const files = await readdir(dist, { recursive: true });
await Promise.all(files.filter(compressible).map((file) => precompress(join(dist, file))));

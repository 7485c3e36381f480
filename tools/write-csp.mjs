// Trunk post-build hook, release builds only: puts a strict Content-Security-Policy at the
// top of index.html. Scripts may come only from this origin or be one of the inline
// scripts the build itself wrote (Trunk's wasm loader, boot/prefetch-story.js), named by
// their SHA-256, so an injected <script> or event-handler attribute never runs. Dev builds
// are left alone: `trunk serve` injects its own reload script, which no hash could name.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const file = join(staging, 'index.html');
const html = readFileSync(file, 'utf8');

const inlineScripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
if (inlineScripts.length === 0) throw new Error('index.html has no inline scripts: has Trunk changed how it loads the wasm?');
const hashes = inlineScripts.map((script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`);

/** The origin of `url` when it is an absolute http(s) URL, for connect-src. */
function originOf(url) {
  try {
    const { protocol, origin } = new URL(url ?? '');
    return protocol === 'http:' || protocol === 'https:' ? origin : null;
  } catch {
    return null;
  }
}

// The app fetches stories from the data base and posts signups to the newsletter
// endpoint; both may be on other origins. Endpoints set later, in the built index.html or
// on a widget, are named at build time in STORYLINE_CSP_CONNECT_SRC (space-separated).
const metaContent = (name) => html.match(new RegExp(`<meta name="${name}" content="([^"]*)"`))?.[1];
const newsletter = metaContent('storyline-newsletter-endpoint') ?? process.env.STORYLINE_NEWSLETTER_ENDPOINT;
const connect = new Set([
  "'self'",
  originOf(metaContent('storyline-data-base')),
  originOf(newsletter),
  ...(process.env.STORYLINE_CSP_CONNECT_SRC ?? '').split(/\s+/).map(originOf),
]);
connect.delete(null);

// A newsletter service that takes only a form submission (src/model/form_post.rs) is
// posted to by the signup form itself, so it is named in form-action, it alone; one set
// later is named at build time in STORYLINE_CSP_FORM_ACTION (space-separated).
const FORM_SERVICES = ['mailchimp', 'buttondown', 'kit', 'substack', 'mailerlite', 'brevo', 'form-post'];
const provider = (metaContent('storyline-newsletter-provider') ?? process.env.STORYLINE_NEWSLETTER_PROVIDER ?? '').trim().toLowerCase();
const formAction = new Set([
  "'self'",
  FORM_SERVICES.includes(provider) ? originOf(newsletter) : null,
  ...(process.env.STORYLINE_CSP_FORM_ACTION ?? '').split(/\s+/).map(originOf),
]);
formAction.delete(null);

const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  // Story images may live on any https host; data: covers inline SVG placeholders.
  "img-src 'self' https: data:",
  `connect-src ${[...connect].join(' ')}`,
  "object-src 'none'",
  "base-uri 'none'",
  `form-action ${[...formAction].join(' ')}`,
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
// Only what follows the policy is bound by it, so it goes right after <meta charset>.
const withPolicy = html.replace(/(<meta charset="utf-8">)/i, `$1\n    ${meta}`);
if (withPolicy === html) throw new Error('index.html has no <meta charset="utf-8"> to put the policy after');
writeFileSync(file, withPolicy);

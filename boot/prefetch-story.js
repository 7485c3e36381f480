// Inlined into index.html by Trunk, so it runs while the wasm is still downloading: on a
// story page it starts the story's request at once, and the app picks the answer up when
// it starts (src/api/prefetch.rs) instead of asking only then. The URL is built exactly
// as the app builds it; the app checks, and fetches for itself if they ever disagree.
// Pages rendered ahead of time carry their story, and the publish step leaves this out of
// them (src/publish/shell.rs).
(() => {
  const slug = /^\/stories\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(location.pathname)?.[1];
  if (!slug || slug.length > 200) return;
  const meta = document.querySelector('meta[name="storyline-data-base"]')?.content.trim();
  const base = (meta || location.origin).replace(/\/+$/, '');
  const url = `${base}/stories/${slug}.json`;
  // The app aborts the request if it outlasts the story timeout.
  const controller = new AbortController();
  const response = fetch(url, { headers: { Accept: 'application/json' }, signal: controller.signal });
  window.storylineStoryPrefetch = { url, response, controller };
  // The story image is usually the largest thing on screen: ask for it as soon as the
  // story names it, not once the app has drawn the <img>. Only a hint: the app decides
  // what is shown, and any failure here is the app's to report (so none is logged).
  response
    .then((answer) => (answer.ok ? answer.clone().json() : null))
    .then((story) => {
      const src = story?.image?.src;
      if (typeof src !== 'string') return;
      const image = new URL(src.trim(), url);
      if (image.protocol !== 'https:' && image.protocol !== 'http:') return;
      // A relative path stays on the story's host; one that leaves it ("/\host") is refused.
      if (!/^https?:\/\//i.test(src.trim()) && image.origin !== new URL(url).origin) return;
      const preload = Object.assign(document.createElement('link'), { rel: 'preload', as: 'image', href: image.href });
      preload.setAttribute('fetchpriority', 'high');
      document.head.append(preload);
    })
    .catch(() => {});
})();

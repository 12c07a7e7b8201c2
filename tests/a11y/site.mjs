// Lists the files of a built site that the suite checks, and maps each HTML
// file to the URL it is served at.

import fs from 'node:fs';
import path from 'node:path';

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** `a/b/index.html` -> `/a/b/`; `404.html` -> `/404.html`. */
export function urlPathOf(root, file) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const encoded = rel.split('/').map(encodeURIComponent).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return '/' + encoded.slice(0, -'index.html'.length);
  return '/' + encoded;
}

/**
 * A redirect page (an alias: <meta http-equiv="refresh" content="0; url=...">)
 * navigates away while it is being checked; it is not a themed page either.
 */
export function isRedirect(file) {
  const head = fs.readFileSync(file, 'utf8').slice(0, 4096);
  return /<meta[^>]+http-equiv\s*=\s*["']?refresh/i.test(head);
}

/** Whether the site's CSS (files or <style> in pages) has a dark colour scheme. */
export function hasDarkScheme(site) {
  const dark = /prefers-color-scheme\s*:\s*dark/i;
  return site.css.some((f) => dark.test(fs.readFileSync(f, 'utf8'))) ||
    site.html.some((f) => dark.test(fs.readFileSync(f, 'utf8')));
}

export function scanSite(root) {
  root = path.resolve(root);
  const files = walk(root).sort();
  const ext = (f) => path.extname(f).toLowerCase();
  const html = files.filter((f) => ['.html', '.htm'].includes(ext(f)));
  return {
    root,
    html,
    pages: html.map((file) => ({ file, path: urlPathOf(root, file), redirect: isRedirect(file) }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    css: files.filter((f) => ext(f) === '.css'),
    svg: files.filter((f) => ext(f) === '.svg'),
    xml: files.filter((f) => ['.xml', '.atom', '.rss'].includes(ext(f))),
    ics: files.filter((f) => ext(f) === '.ics'),
  };
}

// A tiny static file server for a built site, on 127.0.0.1 and an ephemeral
// port. No dependencies: node's http module only.
//
//   /a/b/          -> a/b/index.html
//   /a/b           -> 301 to /a/b/ when a/b is a folder (so relative links work)
//   missing file   -> 404 with the site's 404.html as body, if it has one
//   /sub/a/b/      -> a/b/index.html too, when the site is made for a sub-path
//                     (its robots.txt says `Allow: /sub/`): the 404 page links
//                     from the host's root, as it must where it is really hosted
//
// Every request that ends in 404 is recorded in `missing` so that the suite
// can report broken asset references (a missing stylesheet makes every other
// check meaningless).

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.wasm': 'application/wasm',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
};

export function contentType(file) {
  const base = path.basename(file).toLowerCase();
  if (base === 'atom.xml' || base.endsWith('.atom')) return 'application/atom+xml; charset=utf-8';
  return TYPES[path.extname(base)] ?? 'application/octet-stream';
}

function isFile(p) {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}
function isDir(p) {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}

/** The path a site is made for on its host (`/` or `/sub/`), from its robots.txt. */
function basePath(root) {
  try {
    const robots = fs.readFileSync(path.join(root, 'robots.txt'), 'utf8');
    const allow = robots.split('\n').find((l) => l.startsWith('Allow: '));
    const base = allow ? allow.slice('Allow: '.length).trim() : '/';
    return base.startsWith('/') && base.endsWith('/') ? base : '/';
  } catch {
    return '/';
  }
}

/** Start serving `root`. Resolves to { url, missing, close() }. */
export function serve(root) {
  root = path.resolve(root);
  const missing = new Set();
  const base = basePath(root);

  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (base !== '/' && pathname.startsWith(base)) pathname = pathname.slice(base.length - 1);
    // Resolve inside root only: no ../ escapes, no NUL bytes.
    const file = path.join(root, path.normalize(pathname));
    if (pathname.includes('\0') || (file !== root && !file.startsWith(root + path.sep))) {
      res.writeHead(403).end('forbidden');
      return;
    }

    let target = null;
    if (isDir(file)) {
      if (!pathname.endsWith('/')) {
        const u = new URL(req.url, 'http://x');
        res.writeHead(301, { Location: u.pathname + '/' + u.search }).end();
        return;
      }
      if (isFile(path.join(file, 'index.html'))) target = path.join(file, 'index.html');
    } else if (isFile(file)) {
      target = file;
    }

    if (!target) {
      if (pathname !== '/favicon.ico') missing.add(pathname);
      const notFound = path.join(root, '404.html');
      if (isFile(notFound)) {
        res.writeHead(404, { 'Content-Type': contentType(notFound) });
        if (req.method === 'HEAD') res.end(); else fs.createReadStream(notFound).pipe(res);
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      }
      return;
    }

    const size = fs.statSync(target).size;
    res.writeHead(200, {
      'Content-Type': contentType(target),
      'Content-Length': size,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') res.end(); else fs.createReadStream(target).pipe(res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        missing,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

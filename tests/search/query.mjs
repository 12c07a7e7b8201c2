// Queries a built site's search index as the search page's script does: the
// engine is the site's own search.js (its `module.exports` branch), the files
// are read from disk and counted as a browser would fetch them.
//
//   node tests/search/query.mjs SITE_DIR QUERIES.json
//
// QUERIES.json: [{ "q": "words", "page": "site/path/" }, ...]. Prints, for
// each query, the rank of the expected page and the bytes fetched (the search
// page, search.js, meta.json, the shards and the chunks of the first 10
// results); exits 1 if any expected page is not in the first three.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/** Runs one query over `site`: the ranked pages and the bytes fetched. */
export async function query(site, q, language = 'en') {
  const require = createRequire(import.meta.url);
  const engine = require(resolve(site, 'search.js'));
  const dir = join(site, 'search', language);
  let bytes = statSync(join(site, 'search', 'index.html')).size + statSync(join(site, 'search.js')).size;
  const get = async (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    bytes += Buffer.byteLength(text);
    return JSON.parse(text);
  };
  const index = new engine.Index(get);
  const found = await index.search(q);
  const records = await Promise.all(found.results.slice(0, 10).map((r) => index.record(r.page)));
  const html = records.map((r) => engine.resultHtml(r, found.marks, '../')).join('');
  return { pages: records.map((r) => r.u), html, bytes, total: found.results.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [site, file] = process.argv.slice(2);
  const queries = JSON.parse(readFileSync(file, 'utf8'));
  let good = 0, most = 0;
  for (const { q, page } of queries) {
    const r = await query(site, q);
    const rank = r.pages.indexOf(page) + 1;
    if (rank >= 1 && rank <= 3) good += 1;
    most = Math.max(most, r.bytes);
    console.log(`${rank >= 1 && rank <= 3 ? 'ok  ' : 'MISS'} ${String(rank || '-').padStart(2)}  ${(r.bytes / 1024).toFixed(0).padStart(4)} KB  ${q}  →  ${page}${rank === 1 ? '' : `  (first: ${r.pages[0] ?? 'none'})`}`);
  }
  console.log(`${good}/${queries.length} with the right page in the first three; most fetched by one query: ${(most / 1024).toFixed(0)} KB`);
  process.exit(good === queries.length ? 0 : 1);
}

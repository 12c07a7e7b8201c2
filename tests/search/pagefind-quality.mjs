// The quality queries through Pagefind, for BENCHMARKS.md ("Search"): a site
// indexed by crates/alliance-bench/pagefind into SITE_DIR/pagefind/, searched
// in Chromium with Pagefind's own script and WASM core.
//   node tests/search/pagefind-quality.mjs SITE_DIR QUERIES.json
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const a11y = new URL('../a11y/', import.meta.url);
const { chromium } = createRequire(a11y)('playwright-core');
const { serve } = await import(new URL('server.mjs', a11y));

const [site, file] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(file, 'utf8'));
const server = await serve(site);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true });
let good = 0;
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  for (const { q, page: expected } of queries) {
    const urls = await page.evaluate(async (q) => {
      const pf = await import('/pagefind/pagefind.js');
      const r = await pf.search(q);
      const top = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      return top.map((d) => d.url);
    }, q);
    const rank = urls.findIndex((u) => u.replace(/^\//, '').replace(/index\.html$/, '') === expected) + 1;
    if (rank >= 1 && rank <= 3) good += 1;
    console.log(`${rank >= 1 && rank <= 3 ? 'ok  ' : 'MISS'} ${String(rank || '-').padStart(2)}  ${q}  →  ${expected}${rank === 1 ? '' : `  (first: ${urls[0]})`}`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`pagefind: ${good}/${queries.length} with the right page in the first three`);

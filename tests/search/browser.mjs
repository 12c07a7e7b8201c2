// Search in Chromium over a built site (tests/fixtures/partnership, written
// from the product contract):
//   node tests/search/browser.mjs SITE_DIR
// - keyboard only: Tab to the header's box, type a phrase from one page,
//   Enter: the search page shows that page among the first three results,
//   the query in the URL, the count in a live region, words marked;
// - the search page with results passes axe (WCAG A/AA + AAA contrast);
// - without JavaScript, and from file://, the box leads to the A to Z;
// - no request leaves the site.
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const a11y = new URL('../a11y/', import.meta.url);
const { chromium } = createRequire(a11y)('playwright-core');
const { serve } = await import(new URL('server.mjs', a11y));
const { runAxe, addAxeTo, formatViolation } = await import(new URL('axe.mjs', a11y));

const site = path.resolve(process.argv[2] ?? '');
const CASES = [
  { phrase: 'the responsible authorities', page: 'groups/safety/' },
  { phrase: 'night-time safe haven', page: 'groups/safety/' },
  { phrase: 'Partnership Board 12 March 2026', page: 'meetings/2026-03-exec/' },
];
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
}

const server = await serve(site);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true });
try {
  const context = await browser.newContext();
  await addAxeTo(context);
  const outside = [];
  context.on('request', (r) => { if (!r.url().startsWith(server.url)) outside.push(r.url()); });
  const page = await context.newPage();

  for (const { phrase, page: expected } of CASES) {
    await page.goto(`${server.url}/members/`);
    let focused = false;
    for (let i = 0; i < 15 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id === 'site-search-q');
    }
    check(focused, `Tab reaches the search box (${phrase})`);
    await page.keyboard.type(phrase);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/(index\.html)?\?q=/);
    await page.waitForFunction(() => /result/.test(document.getElementById('search-status').textContent));
    const url = new URL(page.url());
    check(url.searchParams.get('q') === phrase, `the query is in the URL: ${url.search}`);
    const status = await page.textContent('#search-status');
    check(/^\d+ results? for/.test(status), `the live region announces the count: "${status}"`);
    const links = await page.$$eval('.search-result h2 a', (as) => as.map((a) => a.href));
    const want = `${server.url}/${expected}index.html`;
    const rank = links.indexOf(want) + 1;
    check(rank >= 1 && rank <= 3, `"${phrase}" finds ${expected} at rank ${rank || 'none'} (first: ${links[0]})`);
    check((await page.$$('.search-result mark')).length > 0, 'the words are marked in the excerpts');
  }

  // Open a result by keyboard alone: Tab from the status to the first result.
  await page.focus('#search-q');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const active = await page.evaluate(() => document.activeElement?.closest('.search-result') !== null);
  check(active, 'Tab moves from the box to the results');

  const results = await runAxe(page);
  const violations = results.flatMap((r) => r.violations);
  for (const v of violations) console.log(formatViolation(page.url(), v));
  check(violations.length === 0, `axe on the search page with results: ${violations.length} violations`);
  check(outside.length === 0, `no request leaves the site${outside.length ? `: ${outside.join(', ')}` : ''}`);

  // Without JavaScript the box leads to the A to Z.
  const still = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await still.newPage();
  await noJs.goto(`${server.url}/about/`);
  await noJs.fill('#site-search-q', 'board');
  await noJs.press('#site-search-q', 'Enter');
  await noJs.waitForLoadState();
  check(/\/a-z\/index\.html\?q=board$/.test(noJs.url()), `without JavaScript the box leads to the A to Z: ${noJs.url()}`);
  await noJs.goto(`${server.url}/search/`);
  check(await noJs.isVisible('#search-fallback'), 'without JavaScript the search page points to the A to Z');

  // From file:// (browsers refuse the fetches) it leads to the A to Z too.
  const disk = await context.newPage();
  await disk.goto(pathToFileURL(path.join(site, 'about', 'index.html')).href);
  await disk.fill('#site-search-q', 'board');
  await disk.press('#site-search-q', 'Enter');
  await disk.waitForLoadState();
  check(/\/a-z\/index\.html\?q=board$/.test(disk.url()), `from file:// the box leads to the A to Z: ${disk.url()}`);
} finally {
  await browser.close();
  server.close();
}
console.log(`search (browser): ${failures ? `${failures} failed` : 'all passed'}`);
process.exit(failures ? 1 : 0);

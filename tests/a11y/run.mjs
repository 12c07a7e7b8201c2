#!/usr/bin/env node
// The accessibility conformance suite for sites built by Alliance.
//
//   node run.mjs SITE_DIR [SITE_DIR...]
//
// For each built site: serve it on 127.0.0.1, run axe-core on every HTML page
// (WCAG 2.2 A/AA + best practice, then AAA contrast), the Nu Html Checker on
// every HTML/CSS/SVG file, XML well-formedness on sitemap and feeds, and on one
// page of each kind (<body data-kind="...">) the keyboard, reflow and 200 %
// text checks, with screenshots in out/<site>/. Ends with the line
// `a11y: N passed, N failed` and exits 1 if any check failed.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { serve } from './server.mjs';
import { scanSite, hasDarkScheme } from './site.mjs';
import { runAxe, addAxeTo, formatViolation, AXE_VERSION, DARK_RUNS } from './axe.mjs';
import { runVnu, isFailure, formatMessage } from './vnu.mjs';
import { checkXml } from './xml.mjs';
import { checkKeyboard, formatStops } from './keyboard.mjs';
import { checkReflow, shotName } from './reflow.mjs';
import { checkResident } from './resident.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = process.env.A11Y_OUT ? path.resolve(process.env.A11Y_OUT) : path.join(HERE, 'out');
const TABS = Number(process.env.A11Y_TABS || 2);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // Nothing but the local server: a page that reaches out to the internet
  // will not replay in an archive (and has no network here anyway).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

// ---- results -------------------------------------------------------------

let passed = 0;
let failed = 0;
const failuresBySite = new Map();

function record(site, check, target, messages) {
  if (messages.length === 0) { passed++; return true; }
  failed++;
  if (!failuresBySite.has(site)) failuresBySite.set(site, []);
  failuresBySite.get(site).push({ check, target, messages });
  console.log(`FAIL ${check}  ${target}`);
  for (const m of messages) for (const line of m.split('\n')) console.log(`  ${line}`);
  return false;
}

const secs = (ms) => (ms / 1000).toFixed(1) + ' s';
const t0 = () => performance.now();

/** Runs fn over items with `n` workers, each with its own page. */
async function withPages(context, n, items, fn) {
  const queue = [...items];
  const workers = [];
  for (let i = 0; i < Math.min(n, items.length); i++) {
    workers.push((async () => {
      const page = await context.newPage();
      try {
        for (let item; (item = queue.shift()) !== undefined;) await fn(page, item);
      } finally {
        await page.close();
      }
    })());
  }
  await Promise.all(workers);
}

/**
 * Serves a redirect page to this tab with its refresh disabled, so that axe
 * checks the page itself rather than racing its navigation.
 */
async function holdRedirect(page, url) {
  await page.route(url, async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace(/(http-equiv\s*=\s*["']?)refresh/gi, '$1x-refresh-held-by-a11y');
    await route.fulfill({ response: res, body });
    await page.unroute(url);
  });
}

// ---- one site ------------------------------------------------------------

async function checkSite(browser, dir, name) {
  const site = scanSite(dir);
  const timing = { pages: site.pages.length };
  const siteStart = t0();
  console.log(`\n== ${name}: ${site.root}`);
  const redirects = site.pages.filter((p) => p.redirect).length;
  const dark = hasDarkScheme(site);
  if (dark) console.log('   the CSS has a dark colour scheme: contrast is checked in it too');
  console.log(`   ${site.pages.length} HTML pages${redirects ? ` (${redirects} redirects)` : ''}, ${site.css.length} CSS, ${site.svg.length} SVG, ${site.xml.length} XML, ${site.ics.length} iCalendar files`);
  if (site.pages.length === 0) {
    record(name, 'site', site.root, ['no HTML pages found: is this a built site?']);
    return timing;
  }

  // The Nu Html Checker runs in Java alongside the browser checks.
  const vnuStart = t0();
  // One Java at a time: on two cores, parallel JVMs starve the browser.
  const vnuDone = (async () => [
    ...(await runVnu(site.html, 'html')),
    ...(await runVnu(site.css, 'css')),
    ...(await runVnu(site.svg, 'svg')),
  ])().then((r) => { timing.vnu = t0() - vnuStart; return r; }, (e) => { timing.vnu = t0() - vnuStart; return e; });

  const server = await serve(site.root);
  // bypassCSP: a strict Content-Security-Policy would block axe.
  const newContext = async (options = {}) => {
    const c = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 }, ...options });
    c.on('requestfailed', (req) => {
      if (!req.url().startsWith(server.url) && !req.url().startsWith('data:')) external.add(req.url());
    });
    return c;
  };
  const external = new Set();
  const axeContext = await newContext({ colorScheme: 'light' });
  await addAxeTo(axeContext);
  const context = await newContext(); // everything else, without axe in the page
  const outDir = path.join(OUT, name);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });

  try {
    // 1. axe on every page; note each page's kind on the way.
    const axeStart = t0();
    const kinds = new Map(); // kind -> first page (pages are sorted by URL)
    const noKind = [];
    const incomplete = new Map(); // rule -> count of pages
    await withPages(axeContext, TABS, site.pages, async (page, p) => {
      const label = `${p.path}  (${path.relative(site.root, p.file)})`;
      try {
        if (p.redirect) await holdRedirect(page, server.url + p.path);
        const res = await page.goto(server.url + p.path, { waitUntil: 'load' });
        if (res && !res.ok()) record(name, 'http', label, [`served with HTTP ${res.status()}`]);
        p.kind = await page.evaluate(() => document.body && document.body.dataset.kind);
        const results = await runAxe(page);
        if (dark) {
          await page.emulateMedia({ colorScheme: 'dark' });
          results.push(...await runAxe(page, DARK_RUNS));
          await page.emulateMedia({ colorScheme: 'light' });
        }
        for (const r of results) {
          record(name, r.run, label, r.violations.flatMap((v) => formatViolation(p.path, v)));
          for (const v of r.incomplete) incomplete.set(`${r.run}/${v.id}`, (incomplete.get(`${r.run}/${v.id}`) ?? 0) + 1);
        }
      } catch (e) {
        record(name, 'axe', label, [`could not check the page: ${e.message}`]);
      }
    });
    for (const p of site.pages) {
      if (p.redirect) continue;
      if (!p.kind) noKind.push(p.path);
      else if (!kinds.has(p.kind)) kinds.set(p.kind, p);
    }
    timing.axe = t0() - axeStart;
    await axeContext.close();
    console.log(`   axe ${AXE_VERSION}: ${site.pages.length} pages in ${secs(timing.axe)} (${(timing.axe / site.pages.length / 1000).toFixed(2)} s a page, ${TABS} tabs)`);
    if (incomplete.size) {
      console.log(`   axe needs review (not failing): ${[...incomplete].map(([id, n]) => `${id} on ${n} page${n > 1 ? 's' : ''}`).join(', ')}`);
    }
    record(name, 'data-kind', 'every page has <body data-kind="...">',
      noKind.length ? [`${noKind.length} page(s) without data-kind on <body>, so the keyboard and reflow checks skip them:`, ...noKind.slice(0, 20).map((u) => `  ${u}`)] : []);

    // 2. XML well-formedness (sitemap, Atom feeds).
    if (site.xml.length) {
      const page = await context.newPage();
      for (const f of site.xml) {
        const rel = path.relative(site.root, f);
        try { record(name, 'xml', rel, await checkXml(page, f)); } catch (e) { record(name, 'xml', rel, [e.message]); }
      }
      await page.close();
    }

    // 3. Keyboard, reflow, zoom and screenshots: one page of each kind.
    const kbStart = t0();
    const kindPages = [...kinds].sort(([a], [b]) => (a < b ? -1 : 1));
    console.log(`   kinds: ${kindPages.map(([k, p]) => `${k} ${p.path}`).join(', ')}`);
    await withPages(context, TABS, kindPages, async (page, [kind, p]) => {
      const url = server.url + p.path;
      const label = `${p.path}  [${kind}]`;
      try {
        const kb = await checkKeyboard(page, url);
        const back = kb.stops.filter((s) => s.backward).length;
        console.log(`   keyboard: ${label} ${kb.stops.length - back} stops forward${back ? `, ${back} back from the end` : ''}`);
        record(name, 'keyboard', label, kb.failures.length ? [...kb.failures, '  focus order was:', ...formatStops(kb.stops)] : []);
      } catch (e) {
        record(name, 'keyboard', label, [`could not run: ${e.message}`]);
      }
      try {
        const rf = await checkReflow(page, url, shotName(outDir, kind));
        record(name, 'reflow-320', label, rf.reflow);
        record(name, 'text-200', label, rf.zoom);
      } catch (e) {
        record(name, 'reflow-320', label, [`could not run: ${e.message}`]);
      }
    });
    timing.keyboard = t0() - kbStart;
    timing.kinds = kindPages.length;
    console.log(`   keyboard, reflow, 200 % text and screenshots: ${kindPages.length} kinds in ${secs(timing.keyboard)}; screenshots in ${path.relative(process.cwd(), outDir) || outDir}`);

    // 3b. Reflow, text spacing, forced colours, CSS off and 400 % zoom: every page.
    const resStart = t0();
    const pages = site.pages.filter((p) => !p.redirect && p.kind);
    await withPages(context, TABS, pages, async (page, p) => {
      const label = `${p.path}  [${p.kind}]`;
      try {
        const r = await checkResident(page, server.url + p.path);
        record(name, 'page-reflow-320', label, r.reflow);
        record(name, 'text-spacing', label, r.spacing);
        record(name, 'forced-colours', label, r.forced);
        record(name, 'css-off', label, r.cssOff);
        record(name, 'zoom-400', label, r.zoom);
      } catch (e) {
        record(name, 'text-spacing', label, [`could not run: ${e.message}`]);
      }
    });
    console.log(`   reflow, text spacing, forced colours, CSS off, 400 % zoom: ${pages.length} pages in ${secs(t0() - resStart)}`);

    // 4. The Nu Html Checker.
    const vnu = await vnuDone;
    if (vnu instanceof Error) {
      record(name, 'vnu', `${site.html.length} HTML, ${site.css.length} CSS, ${site.svg.length} SVG files`, [vnu.message]);
    } else {
      const errors = vnu.filter(isFailure);
      const warnings = vnu.filter((m) => !isFailure(m) && m.subType === 'warning');
      record(name, 'vnu', `${site.html.length} HTML, ${site.css.length} CSS, ${site.svg.length} SVG files`,
        errors.flatMap((m) => formatMessage(m, site.root)));
      for (const w of warnings) for (const line of formatMessage(w, site.root)) console.log(`   vnu warning: ${line}`);
      console.log(`   vnu: ${errors.length} errors, ${warnings.length} warnings in ${secs(timing.vnu)} (alongside the browser)`);
    }

    // Not failing, but worth fixing: broken local references and outside requests.
    const missing = [...server.missing].filter((u) => !site.pages.some((p) => p.path === u));
    if (missing.length) console.log(`   warning: pages asked the server for ${missing.length} missing file(s): ${missing.slice(0, 10).join(', ')}`);
    if (external.size) console.log(`   warning: pages tried to load ${external.size} resource(s) from outside the site: ${[...external].slice(0, 10).join(', ')}`);
  } finally {
    await axeContext.close().catch(() => {});
    await context.close();
    await server.close();
  }
  timing.total = t0() - siteStart;
  console.log(`   ${name}: ${secs(timing.total)} in all, ${(timing.total / site.pages.length / 1000).toFixed(2)} s a page`);
  return timing;
}

// ---- main ----------------------------------------------------------------

async function main() {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0 || dirs.some((d) => d.startsWith('-'))) {
    console.error('usage: node run.mjs SITE_DIR [SITE_DIR...]');
    process.exit(2);
  }
  for (const d of dirs) {
    if (!fs.existsSync(d) || !fs.statSync(d).isDirectory()) {
      console.error(`a11y: ${d}: not a folder (build the site first)`);
      process.exit(2);
    }
  }

  const start = t0();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  console.log(`Chromium ${browser.version()}, axe-core ${AXE_VERSION}; out: ${OUT}`);
  const used = new Map();
  const timings = [];
  try {
    for (const d of dirs) {
      let name = path.basename(path.resolve(d)) || 'site';
      const n = (used.get(name) ?? 0) + 1;
      used.set(name, n);
      if (n > 1) name = `${name}-${n}`;
      try {
        timings.push([name, await checkSite(browser, d, name)]);
      } catch (e) {
        record(name, 'site', d, [`the suite itself failed: ${e.stack || e.message}`]);
      }
    }
  } finally {
    await browser.close();
  }

  console.log('\n== summary');
  for (const [name, t] of timings) {
    const f = failuresBySite.get(name) ?? [];
    const byCheck = {};
    for (const x of f) byCheck[x.check] = (byCheck[x.check] ?? 0) + 1;
    const detail = Object.entries(byCheck).map(([c, k]) => `${c} ${k}`).join(', ');
    console.log(`   ${name}: ${t.pages} pages, ${t.kinds ?? 0} kinds, ${f.length ? `FAILED (${detail})` : 'ok'}; ${secs(t.total ?? 0)} (${((t.total ?? 0) / Math.max(t.pages, 1) / 1000).toFixed(2)} s a page)`);
  }
  console.log(`   total ${secs(t0() - start)}`);
  console.log(`a11y: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(e.stack || String(e));
  console.log(`a11y: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});

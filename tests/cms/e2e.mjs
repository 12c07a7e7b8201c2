// End to end: a comms officer adds a meeting through the browser editor.
//
// node e2e.mjs ALLIANCE_BINARY
//
// Copies tests/fixtures/partnership to a temporary folder, points `[cms] script`
// at the decap-cms npm package installed here (served to the browser through
// Playwright's routing: no request leaves the machine), runs `alliance serve`,
// opens /admin/ in Chromium, creates a meeting of the Community Safety
// Partnership through the editor's forms (the group picked from the relation
// list, the date set, a PDF attached as its agenda), publishes it, then checks
// the file on disk, `alliance check`, and the group's page on the preview.
// Runs axe on the editor page and prints what the CMS itself fails.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const alliance = process.argv[2];
if (!alliance) {
  console.error('usage: node e2e.mjs ALLIANCE_BINARY');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const SCRIPT_HOST = 'https://cms.invalid/';
const dist = join(dirname(require.resolve('decap-cms/package.json')), 'dist');

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok' : 'FAIL'} - ${what}`);
  if (!ok) failures++;
}

const site = mkdtempSync(join(tmpdir(), 'alliance-cms-'));
cpSync(join(here, '../fixtures/partnership'), site, { recursive: true });
appendFileSync(join(site, 'config.toml'), `\n[cms]\nscript = "${SCRIPT_HOST}decap-cms.js"\n`);
const port = 4700 + Math.floor(Math.random() * 200);
const origin = `http://127.0.0.1:${port}`;
const server = spawn(alliance, ['serve', '--root', site, '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
let serverOut = '';
server.stdout.on('data', d => { serverOut += d; });

async function waitFor(fn, what, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    try { const v = await fn(); if (v) return v; } catch { /* not yet */ }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 200));
  }
}

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
try {
  await waitFor(() => serverOut.includes('Serving'), 'the server');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const outside = [];
  await context.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith(SCRIPT_HOST)) {
      const file = join(dist, new URL(url).pathname.slice(1));
      return existsSync(file)
        ? route.fulfill({ path: file, contentType: file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' })
        : route.fulfill({ status: 404, body: '' });
    }
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', e => console.log(`page error: ${e.message}`));

  // The editor opens on the local backend: a "Login" button and no git host.
  await page.goto(`${origin}/admin/`);
  await page.getByRole('button', { name: /login/i }).click({ timeout: 30000 });
  await page.goto(`${origin}/admin/#/collections/meeting/new`);
  await page.locator('#title-field-1, [id^="title-field"]').first().waitFor({ timeout: 30000 });

  // axe on the editor page (the CMS's own markup): reported, not hidden.
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return r.violations.map(v => `${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}): ${v.help}`);
  });
  console.log(`axe on /admin/ (Decap CMS ${JSON.parse(readFileSync(join(dist, '../package.json'))).version}): ${axe.length} violation${axe.length === 1 ? '' : 's'}`);
  for (const v of axe) console.log(`  CMS: ${v}`);

  // The form: title, group from the relation list, start date, a paper with a PDF.
  const field = name => page.locator(`[id^="${name}-field"]`).first();
  await field('title').fill('Community Safety Partnership, December 2026');
  const group = page.locator('[id^="group-field"]').first();
  await group.click();
  await page.keyboard.type('Community');
  await page.getByRole('option', { name: /Community Safety/ }).first().click({ timeout: 15000 });
  const start = field('start');
  await start.fill('2026-12-01T14:00');
  await field('location').fill('Town Hall, Riverside');

  await page.getByRole('button', { name: /add papers/i }).click();
  await page.locator('[id^="title-field"]').nth(1).fill('Agenda');
  // Uploaded from outside the site (the browser reads it again when publishing).
  const pdf = join(mkdtempSync(join(tmpdir(), 'alliance-upload-')), 'agenda-upload.pdf');
  writeFileSync(pdf, readFileSync(join(here, '../fixtures/partnership/content/meetings/2026-09-safety/agenda.pdf')));
  await page.getByRole('button', { name: /choose a file/i }).click();
  await page.locator('input[type="file"]').setInputFiles(pdf);
  await page.getByText('agenda-upload.pdf', { exact: true }).waitFor();
  // An upload is selected as it arrives (a click would deselect it).
  await page.getByRole('button', { name: /choose selected/i }).click({ timeout: 10000 });

  await page.getByRole('button', { name: /^publish$/i }).click();
  await page.getByText(/publish now/i).click();
  await page.waitForTimeout(1500);
  if (process.env.DEBUG) await page.screenshot({ path: join(tmpdir(), 'alliance-cms-published.png') });
  await page.getByText(/entry saved/i).first().waitFor({ timeout: 20000 }).catch(async () => {
    // Say which fields the editor refused, if it did.
    const refused = await page.evaluate(() => [...document.querySelectorAll('[class*="ControlErrorsList"] li, [class*="error" i] li')]
      .map((li) => `${li.closest('[class*="ControlContainer"], div')?.querySelector('label')?.textContent ?? '?'}: ${li.textContent}`));
    if (refused.length) console.log(`the editor refused: ${refused.join('; ')}`);
  });

  // The file on disk.
  const meetings = join(site, 'content/meetings');
  const folder = await waitFor(() => readdirSync(meetings).find(d => d.startsWith('community-safety-partnership-december')), 'the new meeting folder');
  const written = readFileSync(join(meetings, folder, 'index.md'), 'utf8');
  console.log(`--- content/meetings/${folder}/index.md\n${written}---`);
  check(written.startsWith('+++\n'), 'the entry has TOML front matter between +++ lines');
  check(/kind = "meeting"/.test(written), 'the entry is a meeting');
  check(/group = "safety"/.test(written), 'the group is the relation picked');
  check(/start = "2026-12-01T14:00:00"/.test(written), 'the start date and time as set');
  check(/file = "agenda-upload.pdf"/.test(written) && /title = "Agenda"/.test(written), 'the paper names the file');
  check(existsSync(join(meetings, folder, 'agenda-upload.pdf')), 'the PDF is beside the page');

  // alliance check passes on the site as the editor left it.
  let checked = true;
  try { execFileSync(alliance, ['check', '--root', site], { stdio: 'pipe' }); } catch (e) {
    checked = false; console.log(String(e.stdout) + String(e.stderr));
  }
  check(checked, '`alliance check` passes');

  // The preview rebuilt: the group's page lists the meeting.
  const listed = await waitFor(async () => {
    const html = await (await fetch(`${origin}/groups/safety/`)).text();
    return html.includes(`meetings/${folder}/`) && html;
  }, 'the group page to list the meeting').catch(() => false);
  check(Boolean(listed), 'the group page lists the meeting');
  check(outside.length === 0, `no request left the machine${outside.length ? `: ${outside.join(', ')}` : ''}`);
} catch (e) {
  failures++;
  console.log(`FAIL - ${e.message}`);
  const pages = browser.contexts().flatMap(c => c.pages());
  if (pages[0]) await pages[0].screenshot({ path: join(tmpdir(), 'alliance-cms-failure.png'), fullPage: true });
  console.log(`screenshot: ${join(tmpdir(), 'alliance-cms-failure.png')}`);
} finally {
  await browser.close();
  server.kill();
  rmSync(site, { recursive: true, force: true });
}
console.log(`cms e2e: ${failures === 0 ? 'passed' : `${failures} failed`}`);
process.exit(failures === 0 ? 0 : 1);

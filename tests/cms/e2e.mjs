// End to end: a comms officer adds a meeting through the browser editor.
//
// node e2e.mjs ALLIANCE_BINARY
//
// Copies tests/fixtures/partnership to a temporary folder, points `[cms] script`
// at the decap-cms npm package installed here (served to the browser through
// Playwright's routing: no request leaves the machine), runs `alliance serve`,
// opens /admin/ in Chromium and, through the editor's forms, adds a member
// organisation, a meeting of the Community Safety Partnership (the group picked
// from the relation list, the date set, a PDF attached as its agenda, agenda
// items with their decisions, the new organisation among those present) and a
// news item; then checks each file on disk against the content model,
// `alliance check`, and the pages the preview serves. A slip in the agenda (a
// paper the meeting does not have) shows over the preview with its file and
// line until it is mended in the form.
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
  const field = name => page.locator(`[id^="${name}-field"]`);
  // Picks `option` in a select or relation field by typing `typed`.
  const pick = async (locator, typed, option) => {
    await locator.click();
    await page.keyboard.type(typed);
    await page.getByRole('option', { name: option }).first().click({ timeout: 15000 });
  };
  // A new entry's form, in a fresh page (a change of hash alone can leave the
  // last entry's form in place for a moment).
  const open = async collection => {
    await page.goto(`${origin}/admin/?${collection}#/collections/${collection}/new`);
    await field('title').first().waitFor({ timeout: 30000 });
  };
  // Publishes the open entry; says which fields the editor refused, if it did.
  const publish = async () => {
    await page.getByRole('button', { name: /^publish$/i }).click();
    await page.getByText(/publish now/i).click();
    await page.getByText(/entry saved/i).first().waitFor({ timeout: 20000 }).catch(async () => {
      const refused = await page.evaluate(() => [...document.querySelectorAll('[class*="ControlErrorsList"] li, [class*="error" i] li')]
        .map((li) => `${li.closest('[class*="ControlContainer"], div')?.querySelector('label')?.textContent ?? '?'}: ${li.textContent}`));
      throw new Error(`the editor did not save${refused.length ? `: it refused ${refused.join('; ')}` : ''}`);
    });
    // A new entry's form then opens again at the entry's own address.
    await waitFor(() => !page.url().endsWith('/new'), 'the saved entry\'s address');
  };
  // The text of a file the editor wrote, found by its name's start.
  const written = async (folder, prefix) => {
    const dir = join(site, 'content', folder);
    const name = await waitFor(() => readdirSync(dir).find(d => d.startsWith(prefix)), `the new entry in content/${folder}`);
    const path = existsSync(join(dir, name, 'index.md')) ? join(name, 'index.md') : name;
    const text = readFileSync(join(dir, path), 'utf8');
    console.log(`--- content/${folder}/${path}\n${text}---`);
    return { name: name.replace(/\.md$/, ''), text };
  };
  // The page the preview serves at `path` once it holds every one of `wanted`.
  const served = (path, wanted, what) => waitFor(async () => {
    const html = await (await fetch(`${origin}${path}`)).text();
    return wanted.every(w => html.includes(w)) && html;
  }, what).then(() => true, () => false);

  // 1. A member organisation. The fixture keeps some organisations in
  // organisations.csv, so ids of organisations are a select made when the
  // editor opens: it opens again after an organisation is saved.
  await open('organisation');
  await field('title').first().fill('Riverside Youth Trust');
  await pick(field('sector').first(), 'Volun', /Voluntary and community/);
  await field('website').first().fill('https://youth.example.org');
  const reopened = page.waitForEvent('load', { timeout: 20000 });
  await publish();
  await reopened;
  const org = await written('members', 'riverside-youth-trust');
  check(org.name === 'riverside-youth-trust', 'the organisation is content/members/riverside-youth-trust.md');
  check(org.text.startsWith('+++\n') && /\n\+\+\+\n/.test(org.text.slice(4)), 'the entry has TOML front matter between +++ lines');
  check(/^kind = "organisation"$/m.test(org.text) && /^sector = "voluntary"$/m.test(org.text)
    && /^title = "Riverside Youth Trust"$/m.test(org.text) && /^website = "https:\/\/youth.example.org"$/m.test(org.text),
  'the organisation has its kind, sector, title and website');
  check(await served('/members/riverside-youth-trust/', ['<h1', 'Riverside Youth Trust', 'https://youth.example.org'], 'the organisation page'),
    'the preview serves the organisation page');
  check(await served('/members/', ['riverside-youth-trust/', 'Riverside Youth Trust'], 'the members directory to list it'),
    'the members directory lists the organisation');

  // 2. A meeting of the Community Safety Partnership: the group picked from the
  // relation list, the date set, a PDF attached, an agenda of two items, and
  // the new organisation among those present.
  await open('meeting');
  // axe on the editor page (the CMS's own markup): reported, not hidden.
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return r.violations.map(v => `${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}): ${v.help}`);
  });
  console.log(`axe on /admin/ (Decap CMS ${JSON.parse(readFileSync(join(dist, '../package.json'))).version}): ${axe.length} violation${axe.length === 1 ? '' : 's'}`);
  for (const v of axe) console.log(`  CMS: ${v}`);

  await field('title').first().fill('Community Safety Partnership, December 2026');
  await pick(field('group').first(), 'Community', /Community Safety/);
  await field('start').first().fill('2026-12-01T14:00');
  await field('location').first().fill('Town Hall, Riverside');

  await page.getByRole('button', { name: /add papers/i }).first().click();
  await field('title').last().fill('Agenda');
  // Uploaded from outside the site (the browser reads it again when publishing).
  const pdf = join(mkdtempSync(join(tmpdir(), 'alliance-upload-')), 'agenda-upload.pdf');
  writeFileSync(pdf, readFileSync(join(here, '../fixtures/partnership/content/meetings/2026-09-safety/agenda.pdf')));
  await page.getByRole('button', { name: /choose a file/i }).click();
  await page.locator('input[type="file"]').setInputFiles(pdf);
  await page.getByText('agenda-upload.pdf', { exact: true }).waitFor();
  // An upload is selected as it arrives (a click would deselect it).
  await page.getByRole('button', { name: /choose selected/i }).click({ timeout: 10000 });
  await pick(field('kind').last(), 'Agen', /^Agenda$/);

  const items = [
    { title: 'Night-time economy', decision: 'The safe haven opens on Fridays from January.', papers: 'agenda-upload.pdf' },
    // A slip: a file the meeting has no paper for.
    { title: 'Anti-social behaviour hotspots', decision: 'Agreed to share data monthly.', papers: 'hotspots.pdf' },
  ];
  for (const item of items) {
    await page.getByRole('button', { name: /add agenda/i }).click();
    await field('title').last().fill(item.title);
    await field('decision').last().fill(item.decision);
    if (item.papers) {
      await page.getByRole('button', { name: /add papers/i }).last().click();
      await field('line').last().fill(item.papers);
    }
  }
  await page.getByRole('button', { name: /add attendees/i }).click();
  await field('representative').last().fill('Sam Patel');
  await pick(field('org').last(), 'Youth', /Riverside Youth Trust/);
  await pick(field('attended').last(), 'Pres', /^Present$/);
  await publish();

  // The slip shows over the preview's pages, with the file, line and column,
  // as for any edit; taking the file off the item mends it.
  const slip = await written('meetings', 'community-safety-partnership-december');
  const line = slip.text.split('\n').findIndex(l => l.includes('"hotspots.pdf"')) + 1;
  const where = `content/meetings/${slip.name}/index.md:${line}:`;
  check(await served('/', ['role="alert"', where, 'the meeting has no paper `hotspots.pdf`'], 'the error over the page'),
    `the preview shows the error over the page at ${where}`);
  // The buttons of the list item `depth` levels around a field: the first
  // folds or unfolds it, the last removes it (icons, with no names).
  const itemButtons = (inner, depth) => inner
    .locator(`xpath=ancestor::div[contains(@class,"listControlItem")][${depth}]/div[contains(@class,"TopBar")]/button`);
  const slipped = field('line').last();
  for (const depth of [2, 1]) {
    if (!await slipped.isVisible()) await itemButtons(slipped, depth).first().click();
  }
  await itemButtons(slipped, 1).last().click();
  await publish();
  check(await waitFor(async () => !(await (await fetch(`${origin}/`)).text()).includes('role="alert"'), 'the error to go')
    .then(() => true, () => false), 'the error goes once the item is mended');

  const meeting = await written('meetings', 'community-safety-partnership-december');
  const m = meeting.text;
  check(m.startsWith('+++\n'), 'the meeting has TOML front matter between +++ lines');
  check(/^kind = "meeting"$/m.test(m), 'the entry is a meeting');
  check(/^group = "safety"$/m.test(m), 'the group is the relation picked');
  check(/^start = "2026-12-01T14:00:00"$/m.test(m), 'the start date and time as set');
  check(/\[\[papers\]\]\ntitle = "Agenda"\nfile = "agenda-upload.pdf"\nkind = "agenda"\n/.test(m), 'the paper names the file and its kind');
  check(existsSync(join(site, 'content/meetings', meeting.name, 'agenda-upload.pdf')), 'the PDF is beside the page');
  const agenda = m.split('\n\n').filter(t => t.startsWith('[[agenda]]\n'));
  check(agenda.length === 2 && items.every((item, i) => agenda[i].includes(`title = "${item.title}"`)
    && agenda[i].includes(`decision = "${item.decision}"`)), 'the agenda is a list of { title, decision } in order');
  check(/papers = \["agenda-upload.pdf"\]/.test(agenda[0] ?? '') && !/hotspots\.pdf/.test(m),
    'the first item names its paper, the second none');
  check(/\[\[attendees\]\]\nrepresentative = "Sam Patel"\norg = "riverside-youth-trust"\nattended = "present"/.test(m),
    'the attendee is the new organisation, picked from the list');

  // 3. A news item, with its date and text.
  await open('news');
  await field('title').first().fill('Safe haven opens on Fridays');
  await field('date').first().fill('2026-11-20');
  await page.locator('[data-slate-editor="true"]').first().click();
  await page.keyboard.type('The night-time safe haven now opens every Friday.');
  await publish();
  const news = await written('news', 'safe-haven-opens');
  check(/^kind = "news"$/m.test(news.text) && /^date = "2026-11-20"$/m.test(news.text), 'the news item has its kind and date');
  check(/\n\+\+\+\n+The night-time safe haven now opens every Friday\.\n?$/.test(news.text), 'the text is the body, after the front matter');

  // alliance check passes on the site as the editor left it.
  let checked = true;
  try { execFileSync(alliance, ['check', '--root', site], { stdio: 'pipe' }); } catch (e) {
    checked = false; console.log(String(e.stdout) + String(e.stderr));
  }
  check(checked, '`alliance check` passes');

  // The preview rebuilt: the pages show what was entered.
  check(await served('/groups/safety/', [`meetings/${meeting.name}/`], 'the group page to list the meeting'),
    'the group page lists the meeting');
  check(await served(`/meetings/${meeting.name}/`, [...items.flatMap(i => [i.title, i.decision]), 'agenda-upload.pdf', 'Riverside Youth Trust'],
    'the meeting page'), 'the meeting page shows the agenda items, their decisions, the paper and the attendee');
  check(await served(`/news/${news.name}/`, ['Safe haven opens on Fridays', 'The night-time safe haven now opens every Friday.'], 'the news page'),
    'the news page shows the title and text');
  check(await served('/news/', [`${news.name}/`], 'the news list'), 'the news list links the news item');
  check(outside.length === 0, `no request left the machine${outside.length ? `: ${outside.join(', ')}` : ''}`);
} catch (e) {
  failures++;
  console.log(`FAIL - ${e.message}`);
  if (process.env.DEBUG) console.log(e.stack);
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

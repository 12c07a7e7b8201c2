// axe-core on one page: WCAG 2.0/2.1/2.2 A and AA plus best practice, then
// AAA contrast (color-contrast-enhanced, 7:1) on its own.

import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_VERSION = JSON.parse(
  fs.readFileSync(require.resolve('axe-core/package.json'), 'utf8'),
).version;

export const AXE_RUNS = [
  {
    name: 'axe',
    options: {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations', 'incomplete'],
    },
  },
  {
    name: 'axe-aaa-contrast',
    options: {
      runOnly: { type: 'rule', values: ['color-contrast-enhanced'] },
      resultTypes: ['violations', 'incomplete'],
    },
  },
];

/** Contrast again with `prefers-color-scheme: dark`, for a theme that has a dark mode. */
export const DARK_RUNS = [
  {
    name: 'axe-dark-contrast',
    options: {
      runOnly: { type: 'rule', values: ['color-contrast', 'color-contrast-enhanced'] },
      resultTypes: ['violations', 'incomplete'],
    },
  },
];

/**
 * Makes every page of `context` load axe before its own scripts. Much faster
 * than evaluating the 500 kB source in each page over the DevTools protocol
 * (about 0.2 s a page on two cores).
 */
export async function addAxeTo(context) {
  await context.addInitScript({ content: AXE_SOURCE });
}

async function injectAxe(page) {
  const present = await page.evaluate(() => typeof window.axe === 'object');
  if (!present) await page.evaluate(AXE_SOURCE);
}

/**
 * Runs every entry of `runs` on the page already loaded in `page`.
 * Returns [{ run, violations: [{id, impact, help, helpUrl, nodes: [{target, summary, html}]}], incomplete: [...] }].
 */
export async function runAxe(page, runs = AXE_RUNS) {
  await injectAxe(page);
  const results = [];
  for (const { name, options } of runs) {
    const r = await page.evaluate((opts) => window.axe.run(document, opts), options);
    const simplify = (list) => list.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' '),
        summary: n.failureSummary ?? '',
        html: n.html,
      })),
    }));
    results.push({ run: name, violations: simplify(r.violations), incomplete: simplify(r.incomplete) });
  }
  return results;
}

/** Human-readable lines for one violation. */
export function formatViolation(url, v) {
  const lines = [`${url}  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}`, `    ${v.helpUrl}`];
  for (const n of v.nodes.slice(0, 10)) {
    lines.push(`    at ${n.target}`);
    const html = n.html.replace(/\s+/g, ' ');
    lines.push(`       ${html.length > 160 ? html.slice(0, 157) + '...' : html}`);
    for (const s of n.summary.split('\n').filter(Boolean)) lines.push(`       ${s.trim()}`);
  }
  if (v.nodes.length > 10) lines.push(`    ... and ${v.nodes.length - 10} more elements`);
  return lines;
}

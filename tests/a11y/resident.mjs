// The checks GOV.UK runs on its components, here on every page of a site:
//   - reflow-320: at 320×640 no sideways scrolling (scroll regions inside the
//     page are fine), and no breadcrumb separator is left at the end of a
//     line apart from its crumb; at 360×640 the h1 starts within the top 400 px;
//   - text-spacing (WCAG 1.4.12): line height 1.5, letter spacing 0.12em, word
//     spacing 0.16em, paragraph spacing 2em; no box that clips its content
//     (overflow hidden or clip) cuts text off;
//   - forced-colours (Windows high contrast): focus still draws an outline,
//     boxes that had borders keep them, every chart and diagram still draws
//     shapes and text in a colour other than the background;
//   - css-off: with every stylesheet off the page reads in order: the h1 is the
//     first heading in <main> and comes before its other content, and no
//     navigation comes after the footer;
//   - zoom-400: 400 % zoom of a 1280×800 window is a 320×200 CSS viewport: no
//     sideways scroll, and no fixed or sticky box takes more than a third of it.

import { installHelpers } from './inpage.mjs';

export const PHONE = { width: 360, height: 640 };
export const NARROW = { width: 320, height: 640 };
export const ZOOM_400 = { width: 320, height: 200 };
export const WIDE = { width: 1280, height: 800 };
/** How far down a 360 px phone screen the h1 may start. */
export const H1_TOP = 400;

/** WCAG 1.4.12's spacing, as the bookmarklet that tests it sets it. */
const SPACING_CSS = `* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }
p { margin-bottom: 2em !important; }`;

async function load(page, url, viewport) {
  await page.setViewportSize(viewport);
  await page.goto(url, { waitUntil: 'load' });
  await installHelpers(page);
}

function sideways(page, width, what) {
  return page.evaluate(([width, what]) => {
    const d = document.documentElement;
    if (d.scrollWidth <= width) return [];
    return [`the page scrolls sideways ${what}: scrollWidth ${d.scrollWidth} px > ${width} px`,
      ...window.__a11y.overflowing().map((c) => `    ${c.desc} (${c.selector}) reaches x=${c.right} px`)];
  }, [width, what]);
}

// A separator drawn before a crumb (li + li::before) must sit on the line
// where its crumb's link starts: else two crumbs read as one.
function strandedSeparators(page) {
  return page.evaluate(() => {
    const out = [];
    for (const li of document.querySelectorAll('nav[aria-label="Breadcrumb"] li + li')) {
      const link = li.querySelector('a');
      const start = li.getClientRects()[0];
      const text = link && link.getClientRects()[0];
      if (!start || !text) continue; // a crumb hidden on phones
      if (text.top >= start.bottom - 1) out.push(`at 320 px a breadcrumb separator ends a line apart from its crumb: ${window.__a11y.describe(link)}`);
    }
    return out;
  });
}

function clippedText(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const cs = getComputedStyle(el);
      const clips = (v) => v === 'hidden' || v === 'clip';
      if (!clips(cs.overflowX) && !clips(cs.overflowY)) continue;
      if (el.clientWidth <= 1 || el.clientHeight <= 1) continue; // visually hidden on purpose
      if (!el.textContent.trim()) continue;
      const y = clips(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
      const x = clips(cs.overflowX) && el.scrollWidth > el.clientWidth + 1;
      if (x || y) out.push(`text is clipped with WCAG 1.4.12 spacing: ${window.__a11y.describe(el)} (${window.__a11y.selectorOf(el)}) shows ${el.clientWidth}×${el.clientHeight} px of ${el.scrollWidth}×${el.scrollHeight} px`);
      if (out.length >= 6) break;
    }
    return out;
  });
}

function bordered(page) {
  return page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => ['Top', 'Right', 'Bottom', 'Left'].some((s) => parseFloat(getComputedStyle(e)[`border${s}Width`]) > 0 && getComputedStyle(e)[`border${s}Style`] !== 'none'))
    .map((e) => window.__a11y.selectorOf(e)));
}

function forcedColourFailures(page, hadBorders) {
  return page.evaluate(async (hadBorders) => {
    const out = [];
    const a = window.__a11y;
    // Focus: box-shadow and background colours are dropped in forced colours; an outline is not.
    const focusable = [...document.querySelectorAll('a[href], button, summary, [tabindex="0"]')].filter((e) => e.getClientRects().length);
    for (const el of focusable.slice(0, 12)) {
      el.focus();
      const cs = getComputedStyle(el);
      if (document.activeElement === el && (cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) < 1)) {
        out.push(`no focus outline in forced colours: ${a.describe(el)} (${a.selectorOf(el)}) has outline ${cs.outlineStyle} ${cs.outlineWidth}`);
      }
    }
    if (document.activeElement) document.activeElement.blur();
    for (const sel of hadBorders) {
      const el = document.querySelector(sel);
      if (!el) continue;
      const cs = getComputedStyle(el);
      const any = ['Top', 'Right', 'Bottom', 'Left'].some((s) => parseFloat(cs[`border${s}Width`]) > 0 && cs[`border${s}Style`] !== 'none' && cs[`border${s}Color`] !== 'rgba(0, 0, 0, 0)');
      if (!any) out.push(`a border disappears in forced colours: ${a.describe(el)} (${sel})`);
    }
    // Charts and diagrams: their shapes and text must differ from the background.
    const canvas = getComputedStyle(document.body).backgroundColor;
    const paints = (v) => v && v !== 'none' && v !== 'transparent' && v !== 'rgba(0, 0, 0, 0)' && v !== canvas;
    for (const svg of document.querySelectorAll('svg')) {
      if (!svg.getClientRects().length || svg.getAttribute('aria-hidden') === 'true' && !svg.closest('figure, .diagram')) continue;
      const shapes = [...svg.querySelectorAll('rect, path, circle, ellipse, line, polyline, polygon')];
      const texts = [...svg.querySelectorAll('text')];
      const drawn = shapes.filter((s) => { const cs = getComputedStyle(s); return paints(cs.fill) || paints(cs.stroke); });
      const written = texts.filter((t) => paints(getComputedStyle(t).fill));
      if (shapes.length && !drawn.length) out.push(`a chart or diagram draws nothing in forced colours: ${a.describe(svg)} (${a.selectorOf(svg)})`);
      if (texts.length && written.length < texts.length) out.push(`chart text vanishes in forced colours: ${texts.length - written.length} of ${texts.length} <text> in ${a.describe(svg)} (${a.selectorOf(svg)})`);
    }
    return out;
  }, hadBorders);
}

function cssOffOrder(page) {
  return page.evaluate(() => {
    for (const s of document.styleSheets) s.disabled = true;
    for (const e of document.querySelectorAll('[style]')) e.removeAttribute('style');
    const out = [];
    const main = document.querySelector('main');
    const h1 = document.querySelector('h1');
    const follows = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (main && h1 && main.contains(h1)) {
      const before = [...main.querySelectorAll('h2, h3, h4, h5, h6, p, ul, ol, table, figure, dl')]
        .filter((e) => follows(e, h1) && !e.closest('nav, .example-notice') && !e.contains(h1) && e.textContent.trim());
      if (before.length) out.push(`with CSS off, ${before.length} block(s) of <main> come before the h1, first ${window.__a11y.describe(before[0])}`);
    }
    const footer = document.querySelector('body > footer, footer');
    if (footer) {
      for (const nav of document.querySelectorAll('nav')) {
        if (!footer.contains(nav) && follows(footer, nav)) out.push(`with CSS off, a navigation comes after the footer: ${window.__a11y.describe(nav)}`);
      }
      if (main && follows(footer, main)) out.push('with CSS off, <main> comes after the footer');
    }
    return out;
  });
}

// In a snapshot the archive's banner sits above every page: the limit is
// measured from its foot, over the site's own page.
function h1Top(page) {
  return page.evaluate((limit) => {
    const h1 = document.querySelector('h1');
    if (!h1) return [];
    const banner = document.querySelector('.snapshot-banner');
    const from = banner ? banner.getBoundingClientRect().bottom + window.scrollY : 0;
    const top = Math.round(h1.getBoundingClientRect().top + window.scrollY - from);
    const where = banner ? ' below the snapshot banner' : ' down the page';
    return top > limit ? [`at 360 px wide the h1 starts ${top} px${where} (at most ${limit} px)`] : [];
  }, H1_TOP);
}

function fixedBoxes(page, height) {
  return page.evaluate((height) => [...document.querySelectorAll('body *')]
    .filter((e) => ['fixed', 'sticky'].includes(getComputedStyle(e).position) && e.getBoundingClientRect().height > height / 3)
    .map((e) => `at 400 % zoom a ${getComputedStyle(e).position} box covers ${Math.round(e.getBoundingClientRect().height)} of ${height} px: ${window.__a11y.describe(e)}`), height);
}

/** Runs every check on one page: { reflow, spacing, forced, cssOff, zoom } (each a list of failures). */
export async function checkResident(page, url) {
  const r = { reflow: [], spacing: [], forced: [], cssOff: [], zoom: [] };

  await load(page, url, NARROW);
  r.reflow.push(...await sideways(page, NARROW.width, 'at 320 px'));
  r.reflow.push(...await strandedSeparators(page));
  await load(page, url, PHONE);
  r.reflow.push(...await h1Top(page));

  await load(page, url, WIDE);
  await page.addStyleTag({ content: SPACING_CSS });
  await page.waitForTimeout(20);
  r.spacing.push(...await clippedText(page));

  await load(page, url, WIDE);
  const hadBorders = await bordered(page);
  await page.emulateMedia({ forcedColors: 'active' });
  try {
    r.forced.push(...await forcedColourFailures(page, hadBorders.slice(0, 200)));
  } finally {
    await page.emulateMedia({ forcedColors: 'none' });
  }

  r.cssOff.push(...await cssOffOrder(page));

  await load(page, url, ZOOM_400);
  r.zoom.push(...await sideways(page, ZOOM_400.width, 'at 400 % zoom'));
  r.zoom.push(...await fixedBoxes(page, ZOOM_400.height));
  return r;
}

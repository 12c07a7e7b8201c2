// Reflow (WCAG 1.4.10) and text resize (1.4.4) on one page, with screenshots:
//   - at 320×640 no horizontal scrolling: documentElement.scrollWidth <= 320;
//   - at 1280×800 with the root font size at 200 %, the text doubles and the
//     page does not scroll sideways;
//   - full-page screenshots at 1280 and 320 px wide.

import path from 'node:path';
import { installHelpers } from './inpage.mjs';

export const NARROW = { width: 320, height: 640 };
export const WIDE = { width: 1280, height: 800 };

async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const d = document.documentElement;
    return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, culprits: d.scrollWidth > window.innerWidth ? window.__a11y.overflowing() : [] };
  });
}

function describeOverflow(o, width) {
  const lines = [`the page scrolls sideways: scrollWidth ${o.scrollWidth} px > ${width} px`];
  for (const c of o.culprits) lines.push(`    ${c.desc} (${c.selector}) reaches x=${c.right} px`);
  return lines.join('\n');
}

/**
 * Returns { reflow: [failures], zoom: [failures], screenshots: [paths] }.
 * `shotPrefix` is e.g. out/site/page; screenshots are `${shotPrefix}-1280.png` and `-320.png`.
 */
export async function checkReflow(page, url, shotPrefix) {
  const result = { reflow: [], zoom: [], screenshots: [] };

  await page.setViewportSize(NARROW);
  await page.goto(url, { waitUntil: 'load' });
  await installHelpers(page);
  const narrow = await horizontalOverflow(page);
  if (narrow.scrollWidth > NARROW.width) result.reflow.push(describeOverflow(narrow, NARROW.width));
  if (shotPrefix) {
    const p = `${shotPrefix}-${NARROW.width}.png`;
    await page.screenshot({ path: p, fullPage: true });
    result.screenshots.push(p);
  }

  await page.setViewportSize(WIDE);
  await page.goto(url, { waitUntil: 'load' });
  await installHelpers(page);
  if (shotPrefix) {
    const p = `${shotPrefix}-${WIDE.width}.png`;
    await page.screenshot({ path: p, fullPage: true });
    result.screenshots.push(p);
  }
  // The text must actually grow, or the 200 % check proves nothing.
  const textSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main') ?? document.body).fontSize));
  const before = await textSize();
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  await page.waitForTimeout(50);
  const after = await textSize();
  if (after < before * 1.9) {
    result.zoom.push(`text does not grow with the root font size: <main> text is ${before} px, and ${after} px at 200 % (size text in rem or em, not px)`);
  }
  const zoomed = await horizontalOverflow(page);
  if (zoomed.scrollWidth > WIDE.width) result.zoom.push(describeOverflow(zoomed, WIDE.width) + ' with text at 200 %');
  return result;
}

export function shotName(outDir, kind) {
  return path.join(outDir, kind.replace(/[^A-Za-z0-9_-]/g, '_'));
}

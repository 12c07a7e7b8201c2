// Keyboard check on one page: Tab through it (up to MAX_STOPS or until focus
// wraps; on a longer page, also Shift+Tab up to BACKWARD_STOPS from the end)
// and assert
//   - the first stop is the skip link a[href="#main-content"], visible when focused;
//   - stops go header -> nav -> main -> footer (landmark order never goes back);
//   - every stop has a visible focus indicator;
//   - every stop is inside the viewport and not covered by another element (2.4.11);
//   - Enter on the skip link moves focus to #main-content.
// Returns a list of failure messages (empty when the page passes) and the stops.

import { installHelpers } from './inpage.mjs';

export const MAX_STOPS = 40;
export const BACKWARD_STOPS = 20;
export const VIEWPORT = { width: 1280, height: 800 };

/** Focus visible and not obscured: the failures for one stop. */
function stopFailures(s, who) {
  const out = [];
  if (!s.visibility.ok) out.push(`${who}: focus is obscured (WCAG 2.4.11): ${s.visibility.why}`);
  if (s.indicator.reasons.length === 0) {
    const st = s.indicator.style;
    out.push(`${who}: no visible focus indicator (WCAG 2.4.7): focused it has outline ${st['outline-style']} ${st['outline-width']} ${st['outline-color']}, box-shadow ${st['box-shadow']}, background ${st['background-color']}, the same as unfocused`);
  }
  return out;
}

async function load(page, url) {
  await page.setViewportSize(VIEWPORT);
  await page.goto(url, { waitUntil: 'load' });
  await installHelpers(page);
}

export async function checkKeyboard(page, url) {
  const failures = [];
  await load(page, url);
  const hasMain = await page.evaluate(() => {
    const m = document.getElementById('main-content');
    return m ? { tag: m.tagName.toLowerCase(), tabindex: m.getAttribute('tabindex') } : null;
  });
  if (!hasMain) failures.push('no element with id="main-content": the skip link has no target (use <main id="main-content" tabindex="-1">)');
  else if (hasMain.tag !== 'main') failures.push(`#main-content is a <${hasMain.tag}>, expected the <main> element`);

  await page.evaluate(() => window.__a11y.recordBaseline());
  const stops = [];
  let maxRank = 0, maxStop = null;
  for (let i = 0; i < MAX_STOPS; i++) {
    await page.keyboard.press('Tab');
    const s = await page.evaluate(() => window.__a11y.focusStop());
    if (s.none || s.repeat) break; // focus left the page or wrapped round
    stops.push(s);
    const n = stops.length;
    const who = `Tab stop ${n} ${s.desc} (${s.selector})`;

    if (n === 1 && !s.isSkipLink) {
      failures.push(`${who}: the first Tab stop must be the skip link <a href="#main-content">`);
    }
    if (s.isSkipLink && n === 1 && !s.visibility.ok) {
      failures.push(`${who}: the skip link is not visible when focused: ${s.visibility.why}`);
      if (s.indicator.reasons.length === 0) failures.push(...stopFailures({ ...s, visibility: { ok: true } }, who));
    } else {
      failures.push(...stopFailures(s, who));
    }
    if (s.landmark === 'none' && !s.isSkipLink) {
      failures.push(`${who}: is outside the header, nav, main and footer landmarks`);
    } else if (s.rank !== null && s.landmark !== 'none') {
      if (s.rank < maxRank) {
        failures.push(`${who}: focus order goes back from ${maxStop.landmark} to ${s.landmark} (after ${maxStop.desc}); expected header -> nav -> main -> footer`);
      } else {
        maxRank = s.rank;
        maxStop = s;
      }
    }
  }

  // A long page (an A–Z index, a members directory) has more stops than we
  // walk forwards: walk back from the end too, so that the footer is checked.
  if (stops.length === MAX_STOPS) {
    const forward = new Set(stops.map((s) => s.selector));
    await load(page, url);
    await page.evaluate(() => window.__a11y.recordBaseline());
    let minRank = Infinity, minStop = null;
    for (let i = 0; i < BACKWARD_STOPS; i++) {
      await page.keyboard.press('Shift+Tab');
      const s = await page.evaluate(() => window.__a11y.focusStop());
      if (s.none || s.repeat || forward.has(s.selector)) break;
      s.backward = true;
      stops.push(s);
      const who = `Shift+Tab stop ${i + 1} from the end ${s.desc} (${s.selector})`;
      failures.push(...stopFailures(s, who));
      if (s.landmark === 'none') {
        failures.push(`${who}: is outside the header, nav, main and footer landmarks`);
      } else if (s.rank !== null) {
        if (s.rank > minRank) {
          failures.push(`${who}: focus order goes back from ${s.landmark} to ${minStop.landmark} (${minStop.desc} comes later in Tab order); expected header -> nav -> main -> footer`);
        } else {
          minRank = s.rank;
          minStop = s;
        }
      }
    }
  }

  // Activate the skip link on a fresh load.
  await load(page, url);
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => window.__a11y.focusStop());
  if (!first.none && first.isSkipLink) {
    await page.keyboard.press('Enter');
    await page.waitForTimeout(50);
    const after = await page.evaluate(() => {
      const a = document.activeElement;
      return { id: a && a.id, desc: window.__a11y.describe(a) };
    });
    if (after.id !== 'main-content') {
      failures.push(`Enter on the skip link left focus on ${after.desc}, expected #main-content (give <main> tabindex="-1")`);
    }
  }
  return { failures, stops };
}

export function formatStops(stops) {
  const fwd = stops.filter((s) => !s.backward);
  const back = stops.filter((s) => s.backward);
  const lines = fwd.map((s, i) => `    ${String(i + 1).padStart(2)}. [${s.landmark}] ${s.desc}`);
  if (back.length) {
    lines.push('    ...');
    back.reverse().forEach((s, i) => lines.push(`   -${String(back.length - i).padStart(2)}. [${s.landmark}] ${s.desc}`));
  }
  return lines;
}

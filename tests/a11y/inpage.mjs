// Helpers evaluated inside the page (keyboard and reflow checks). Written as
// plain functions and sent to the page with `installHelpers(page)`, which
// defines window.__a11y.

function helpers() {
  const LANDMARK_RANK = { none: 0, header: 1, nav: 2, main: 3, footer: 4 };
  const SECTIONING = 'article, aside, main, nav, section, [role=main], [role=article], [role=complementary], [role=navigation], [role=region]';

  function isTopLevel(el) {
    const p = el.parentElement && el.parentElement.closest(SECTIONING);
    return !p;
  }

  /** The page landmark an element sits in: header, nav, main, footer, aside, region or none. */
  function landmarkOf(el) {
    if (el.closest('main, [role=main]')) return 'main';
    for (let a = el; a; a = a.parentElement) {
      if (a.matches('[role=contentinfo]') || (a.matches('footer') && isTopLevel(a))) return 'footer';
      if (a.matches('[role=banner]') || (a.matches('header') && isTopLevel(a))) return 'header';
    }
    if (el.closest('nav, [role=navigation]')) return 'nav';
    if (el.closest('aside, [role=complementary]')) return 'aside';
    // A labelled region (e.g. a snapshot banner) is a landmark too; like an aside it is not ranked.
    if (el.closest('[role=region][aria-label], [role=region][aria-labelledby], section[aria-label], section[aria-labelledby]')) return 'region';
    return 'none';
  }

  /** `<a class="x" href="/y">Text</a>`, shortened, for messages. */
  function describe(el) {
    if (!el) return '(nothing)';
    if (el === document.body) return '<body>';
    const attrs = [];
    if (el.id) attrs.push(`id="${el.id}"`);
    if (el.classList.length) attrs.push(`class="${[...el.classList].join(' ')}"`);
    for (const a of ['href', 'role', 'type', 'name', 'aria-label', 'tabindex']) {
      if (el.hasAttribute(a)) attrs.push(`${a}="${el.getAttribute(a)}"`);
    }
    const text = (el.innerText || el.value || el.getAttribute('alt') || '').replace(/\s+/g, ' ').trim();
    const short = text.length > 40 ? text.slice(0, 37) + '...' : text;
    const tag = el.tagName.toLowerCase();
    return `<${tag}${attrs.length ? ' ' + attrs.join(' ') : ''}>${short}${short ? `</${tag}>` : ''}`;
  }

  /** A CSS path that finds the element, e.g. `body > header > div:nth-of-type(2) > a`. */
  function selectorOf(el) {
    if (!el || el.nodeType !== 1) return '';
    if (el.id && document.querySelectorAll('#' + CSS.escape(el.id)).length === 1) return '#' + CSS.escape(el.id);
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && e !== document.documentElement; e = e.parentElement) {
      if (e.id && document.querySelectorAll('#' + CSS.escape(e.id)).length === 1) { parts.unshift('#' + CSS.escape(e.id)); break; }
      let part = e.tagName.toLowerCase();
      const same = e.parentElement ? [...e.parentElement.children].filter((c) => c.tagName === e.tagName) : [];
      if (same.length > 1) part += `:nth-of-type(${same.indexOf(e) + 1})`;
      parts.unshift(part);
    }
    return parts.join(' > ');
  }

  const STYLE_PROPS = [
    'outline-style', 'outline-width', 'outline-color', 'outline-offset', 'box-shadow', 'background-color',
    'background-image', 'border-top-color', 'border-bottom-color', 'border-top-width', 'border-bottom-width',
    'color', 'text-decoration-line',
  ];

  function styleOf(el, pseudo) {
    const cs = getComputedStyle(el, pseudo);
    const o = {};
    for (const p of STYLE_PROPS) o[p] = cs.getPropertyValue(p);
    o.content = cs.getPropertyValue('content');
    return o;
  }

  function snapshot(el) {
    return { self: styleOf(el), before: styleOf(el, '::before'), after: styleOf(el, '::after') };
  }

  const baseline = new WeakMap();
  /** Records the unfocused style of every element, before the first Tab. */
  function recordBaseline() {
    for (const el of document.querySelectorAll('body *')) baseline.set(el, snapshot(el));
  }

  function alpha(color) {
    if (!color || color === 'transparent') return 0;
    const m = color.match(/rgba?\(([^)]+)\)/);
    if (!m) return 1;
    const parts = m[1].split(/[ ,/]+/).filter(Boolean);
    return parts.length === 4 ? parseFloat(parts[3]) : 1;
  }

  function visibleOutline(s) {
    return s['outline-style'] !== 'none' && parseFloat(s['outline-width']) > 0 &&
      (s['outline-style'] === 'auto' || alpha(s['outline-color']) > 0);
  }

  /** Why the focused element's focus is visible, or null if it seems not to be. */
  function focusIndicator(el) {
    const base = baseline.get(el);
    const now = snapshot(el);
    const reasons = [];
    for (const part of ['self', 'before', 'after']) {
      const n = now[part];
      const b = base ? base[part] : null;
      const changed = (p) => !b || n[p] !== b[p];
      const where = part === 'self' ? '' : `::${part} `;
      if (part !== 'self' && (n.content === 'none' || n.content === 'normal')) continue;
      if (visibleOutline(n) && (!b || !visibleOutline(b) || changed('outline-color') || changed('outline-width') || changed('outline-style') || changed('outline-offset'))) {
        reasons.push(`${where}outline ${n['outline-style']} ${n['outline-width']} ${n['outline-color']}`);
      }
      if (n['box-shadow'] !== 'none' && changed('box-shadow')) reasons.push(`${where}box-shadow ${n['box-shadow']}`);
      if (changed('background-color') && alpha(n['background-color']) > 0) reasons.push(`${where}background ${n['background-color']}`);
      if (changed('background-image') && n['background-image'] !== 'none') reasons.push(`${where}background-image`);
      if ((changed('border-bottom-color') || changed('border-bottom-width') || changed('border-top-color') || changed('border-top-width')) &&
        (parseFloat(n['border-bottom-width']) > 0 || parseFloat(n['border-top-width']) > 0)) reasons.push(`${where}border`);
    }
    return { reasons, style: now.self, base: base ? base.self : null };
  }

  /** Whether the element is in the viewport and on top at its centre (WCAG 2.4.11). */
  function visibility(el) {
    const r = el.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const res = { rect: { x: Math.round(r.left), y: Math.round(r.top), w: Math.round(r.width), h: Math.round(r.height) }, vw, vh };
    if (r.width < 2 || r.height < 2) return { ...res, ok: false, why: `it is ${Math.round(r.width)}×${Math.round(r.height)} px: too small to see` };
    const tol = 1;
    const fitsW = r.width <= vw, fitsH = r.height <= vh;
    const inside =
      (fitsW ? r.left >= -tol && r.right <= vw + tol : r.right > 0 && r.left < vw) &&
      (fitsH ? r.top >= -tol && r.bottom <= vh + tol : r.bottom > 0 && r.top < vh);
    if (!inside) return { ...res, ok: false, why: `its box (${res.rect.x},${res.rect.y} ${res.rect.w}×${res.rect.h}) is not inside the ${vw}×${vh} viewport` };
    // Test the centre of each line box (a wrapped link has several), clamped to the viewport.
    const rects = [...el.getClientRects()].filter((c) => c.width > 0 && c.height > 0);
    let hitDesc = '';
    for (const c of rects.length ? rects : [r]) {
      const x = Math.min(Math.max((c.left + c.right) / 2, 0), vw - 1);
      const y = Math.min(Math.max((c.top + c.bottom) / 2, 0), vh - 1);
      const hit = document.elementFromPoint(x, y);
      if (hit && (hit === el || el.contains(hit))) return { ...res, ok: true };
      hitDesc = `${describe(hit)} (${selectorOf(hit)})`;
    }
    return { ...res, ok: false, why: `it is covered: the element on top at its centre is ${hitDesc}` };
  }

  const seen = new Map();
  /** Everything the keyboard check needs to know about the focused element. */
  function focusStop() {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { none: true };
    const repeat = seen.has(el);
    if (!repeat) seen.set(el, seen.size);
    const landmark = landmarkOf(el);
    return {
      none: false,
      repeat,
      desc: describe(el),
      selector: selectorOf(el),
      landmark,
      rank: LANDMARK_RANK[landmark] ?? null,
      isSkipLink: el.matches('a[href="#main-content"]'),
      indicator: focusIndicator(el),
      visibility: visibility(el),
    };
  }

  /** Elements that stick out to the right of the viewport, deepest first, for reflow messages. */
  function overflowing(limit = 6) {
    const vw = document.documentElement.clientWidth;
    const clips = (e) => getComputedStyle(e).overflowX !== 'visible';
    const out = [];
    const all = [...document.querySelectorAll('body *')];
    const bad = new Set();
    for (const el of all) {
      // Inside a scrolling or clipping box, overflow is contained.
      let contained = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (clips(a)) { contained = true; break; }
      if (contained) continue;
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      if (cs.position === 'fixed' && r.right <= vw + 0.5) continue;
      const textOverflow = el.scrollWidth > el.clientWidth + 1 && cs.overflowX === 'visible' && el.clientWidth > 0 && r.left + el.scrollWidth > vw + 0.5;
      if (r.right > vw + 0.5 || textOverflow) bad.add(el);
    }
    for (const el of bad) {
      if ([...bad].some((o) => o !== el && el.contains(o))) continue; // report the deepest culprits
      const r = el.getBoundingClientRect();
      out.push({ desc: describe(el), selector: selectorOf(el), right: Math.round(Math.max(r.right, r.left + el.scrollWidth)), width: Math.round(r.width) });
      if (out.length >= limit) break;
    }
    return out;
  }

  return { recordBaseline, focusStop, visibility, describe, selectorOf, overflowing, landmarkOf };
}

export async function installHelpers(page) {
  await page.evaluate(`window.__a11y = (${helpers.toString()})();`);
}

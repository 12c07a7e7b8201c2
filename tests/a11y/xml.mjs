// Well-formedness of a site's XML files (sitemap.xml, Atom feeds), which the
// Nu Html Checker does not check. Parsed by the browser's own DOMParser, so no
// extra dependency; known roots are checked too.

import fs from 'node:fs';
import path from 'node:path';

const EXPECTED = {
  'sitemap.xml': [['urlset', 'sitemapindex'], 'http://www.sitemaps.org/schemas/sitemap/0.9'],
  'atom.xml': [['feed'], 'http://www.w3.org/2005/Atom'],
};

/** Returns a list of failure messages for one XML file (empty when fine). */
export async function checkXml(page, file) {
  const text = fs.readFileSync(file, 'utf8');
  const r = await page.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, 'application/xml');
    const err = doc.getElementsByTagName('parsererror')[0];
    // Chromium's parsererror wraps the message in a <div> between two headings.
    if (err) return { error: (err.querySelector('div') ?? err).textContent.replace(/\s+/g, ' ').trim() };
    const root = doc.documentElement;
    return { root: root.localName, ns: root.namespaceURI };
  }, text);
  if (r.error) return [`not well-formed XML: ${r.error}`];
  const base = path.basename(file);
  const expected = EXPECTED[base] ?? (r.root === 'feed' ? EXPECTED['atom.xml'] : null);
  if (expected) {
    const [roots, ns] = expected;
    if (!roots.includes(r.root) || r.ns !== ns) {
      return [`root element is <${r.root}> in namespace ${r.ns ?? '(none)'}, expected <${roots.join('> or <')}> in ${ns}`];
    }
  }
  return [];
}

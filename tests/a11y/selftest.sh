#!/usr/bin/env bash
# Tests the checker itself, so that it cannot silently pass:
#   - run.sh exits 0 on fixture-smoke (an accessible site);
#   - run.sh exits 1 on fixture-broken and reports each of its faults
#     (see fixture-broken/README.md).
# Prints `selftest: N passed, N failed` last and exits 1 on any failure.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
passed=0
failed=0

ok()   { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

# expect LOG DESCRIPTION EXTENDED-REGEX: the log has a line matching the regex.
expect() {
  if grep -Eq -- "$3" "$1"; then ok "$2"; else fail "$2 (no line matches: $3)"; fi
}

echo "== run.sh fixture-smoke"
"$here/run.sh" "$here/fixture-smoke" >"$log/smoke" 2>&1
code=$?
if [ "$code" -eq 0 ]; then ok "smoke: exit 0"; else fail "smoke: exit $code, expected 0"; sed 's/^/    /' "$log/smoke"; fi
# Every check must have run: 6 pages x 3 axe runs (light, AAA, dark mode),
# data-kind, 2 XML files, 5 kinds x (keyboard, reflow-320, text-200), vnu,
# 6 pages x (page-reflow-320, text-spacing, forced-colours, css-off, zoom-400) = 67.
# Update it with the fixture.
expect "$log/smoke" "smoke: all 67 checks ran and passed" '^a11y: 67 passed, 0 failed$'
expect "$log/smoke" "smoke: dark colour scheme noticed" '^   the CSS has a dark colour scheme: contrast is checked in it too$'
expect "$log/smoke" "smoke: long page walked back from the end" '^   keyboard: /meetings/ +\[section\] [0-9]+ stops forward, [0-9]+ back from the end$'
expect "$log/smoke" "smoke: every kind found" '^   kinds: 404 /404\.html, index /, news /news/first-meeting/, page /about/, section /meetings/$'
for kind in index page section news 404; do
  for w in 320 1280; do
    if [ -s "$here/out/fixture-smoke/$kind-$w.png" ]; then ok "smoke: screenshot $kind-$w.png"; else fail "smoke: screenshot $kind-$w.png missing"; fi
  done
done

echo "== run.sh fixture-broken"
"$here/run.sh" "$here/fixture-broken" >"$log/broken" 2>&1
code=$?
if [ "$code" -eq 1 ]; then ok "broken: exit 1"; else fail "broken: exit $code, expected 1"; sed 's/^/    /' "$log/broken"; fi
b="$log/broken"
expect "$b" "broken: summary line with failures"         '^a11y: [0-9]+ passed, [1-9][0-9]* failed$'
expect "$b" "broken: missing alt (axe image-alt)"          '^  / +image-alt \(critical\)'
expect "$b" "broken: low contrast (axe color-contrast)"    '^  / +color-contrast \(serious\)'
expect "$b" "broken: AA-only contrast (axe color-contrast-enhanced)" '^  / +color-contrast-enhanced \(serious\)'
expect "$b" "broken: contrast ratio in the message"        'insufficient color contrast of 2\.8'
expect "$b" "broken: low contrast in dark mode"            '^FAIL axe-dark-contrast  /about/'
expect "$b" "broken: no lang (axe html-has-lang)"          '^  /about/ +html-has-lang'
expect "$b" "broken: duplicate id (vnu)"                   '^  index\.html:[0-9]+:[0-9]+: error: Duplicate ID .twice.'
expect "$b" "broken: missing alt (vnu)"                    '^  index\.html:[0-9]+:[0-9]+: error: An .img. element must have an .alt. attribute'
expect "$b" "broken: overflow at 320 px"                   '^FAIL reflow-320  /about/'
expect "$b" "broken: overflow names its culprit"           'class="fixed-width".* reaches x=6[0-9][0-9] px'
expect "$b" "broken: overflow at 200 % text"               '^FAIL text-200  /about/'
expect "$b" "broken: text in px does not grow at 200 %"   '^  text does not grow with the root font size: <main> text is 18 px, and 18 px'
expect "$b" "broken: first stop is not the skip link"      '^  Tab stop 1 .*: the first Tab stop must be the skip link'
expect "$b" "broken: no visible focus indicator"           'no visible focus indicator \(WCAG 2\.4\.7\)'
expect "$b" "broken: focus obscured by a fixed banner"     'focus is obscured \(WCAG 2\.4\.11\).*cookie-banner'
expect "$b" "broken: footer of a long page checked from the end" '^  Shift\+Tab stop 1 from the end <a href="\.\./">Home page</a> .*no visible focus indicator'
expect "$b" "broken: skip link hidden when focused"        'the skip link is not visible when focused'
expect "$b" "broken: skip link does not move focus"        'Enter on the skip link left focus on'
expect "$b" "broken: landmark order main -> nav"           'focus order goes back from main to nav'
expect "$b" "broken: page without data-kind"               '^    /orphan\.html$'
expect "$b" "broken: h1 too far down at 360 px"           '^  at 360 px wide the h1 starts [0-9]+ px down the page'
expect "$b" "broken: reflow on every page (320 px)"        '^FAIL page-reflow-320  /about/'
expect "$b" "broken: breadcrumb separator stranded at 320 px" '^  at 320 px a breadcrumb separator ends a line apart from its crumb: .*About the broken'
expect "$b" "broken: text clipped with WCAG 1.4.12 spacing" '^  text is clipped with WCAG 1.4.12 spacing: .*clipped'
expect "$b" "broken: focus lost in forced colours"         '^  no focus outline in forced colours'
expect "$b" "broken: CSS off, h1 after the content"        '^  with CSS off, 1 block\(s\) of <main> come before the h1'
expect "$b" "broken: CSS off, nav after the footer"        '^  with CSS off, a navigation comes after the footer'
expect "$b" "broken: 400 % zoom scrolls sideways"          '^FAIL zoom-400  /about/'
expect "$b" "broken: 400 % zoom, fixed box too tall"       'at 400 % zoom a fixed box covers'
expect "$b" "broken: sitemap not well-formed"              '^FAIL xml  sitemap\.xml'

# Each faulty check must be counted (see fixture-broken/README.md).
n=$(sed -nE 's/^a11y: [0-9]+ passed, ([0-9]+) failed$/\1/p' "$b")
if [ "${n:-0}" -ge 10 ]; then ok "broken: $n failed checks counted"; else fail "broken: only ${n:-0} failed checks counted, expected at least 10"; fi

echo "selftest: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

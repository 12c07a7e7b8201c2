#!/usr/bin/env bash
# Runs every test of Alliance. On a fresh machine it installs what the tests
# need itself: Chromium and Java from Debian (tests/a11y/run.sh), the pinned npm
# packages (npm ci), and the archive tools from PyPI (tests/archive/validate.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Rust: unit and end-to-end tests"
cargo test --workspace --locked

echo "== Build the example, fixture, starter and snapshot sites"
cargo build --release --locked -p alliance-cli
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
alliance=target/release/alliance
$alliance check
$alliance build --output "$out/example"
$alliance build --root tests/fixtures/basic --output "$out/basic"
$alliance build --root tests/fixtures/partnership --output "$out/partnership"
$alliance build --root tests/fixtures/meetings --output "$out/meetings"
$alliance build --root tests/fixtures/closed --output "$out/closed"
$alliance build --root tests/fixtures/deep-groups --output "$out/deep-groups"
$alliance build --root tests/fixtures/lists --output "$out/lists"
$alliance build --root tests/fixtures/directory --output "$out/directory"
$alliance check --root tests/fixtures/shapes
$alliance build --root tests/fixtures/shapes --output "$out/shapes"
$alliance build --root tests/fixtures/bilingual --output "$out/bilingual"
$alliance check --root examples/bro
$alliance build --root examples/bro --output "$out/bro"
$alliance init "$out/starter-src"
$alliance build --root "$out/starter-src" --output "$out/starter"
$alliance snapshot --date 2026-11-22 --out "$out/snapshots"

echo "== Accessibility: the checker's self-test, then axe-core and vnu on every page"
bash tests/a11y/selftest.sh
bash tests/a11y/run.sh "$out/example" "$out/basic" "$out/partnership" "$out/meetings" "$out/closed" "$out/deep-groups" "$out/lists" "$out/directory" "$out/shapes" "$out/bilingual" "$out/bro" "$out/starter" "$out/snapshots/2026-11-22/site"

echo "== The browser editor: Decap CMS in Chromium against alliance serve"
(cd tests/cms && npm ci --no-audit --no-fund --loglevel=error)
node tests/cms/e2e.mjs "$alliance"

echo "== Search: quality queries, then Chromium (keyboard, axe with results, no-JavaScript fallback)"
bash tests/search/run.sh "$out/example" "$out/partnership"

echo "== Archives: warcio, py-wacz, bagit-python and pywb replay"
bash tests/archive/validate.sh "$out/snapshots/2026-11-22"

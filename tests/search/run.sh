#!/usr/bin/env bash
# Search over built sites: run.sh EXAMPLE_SITE_DIR FIXTURE_SITE_DIR
# - the 20 quality queries over the example site, with the engine of the
#   site's own search.js (query.mjs): the right page in the first three;
# - Chromium over the partnership fixture (browser.mjs): keyboard, live
#   region, axe with results shown, the A to Z without JavaScript and from file://.
# Uses the npm packages of tests/a11y (run tests/a11y/run.sh first, which installs them).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ $# -ne 2 ]; then
  echo "usage: $0 EXAMPLE_SITE_DIR FIXTURE_SITE_DIR" >&2
  exit 2
fi
if [ ! -d "$here/../a11y/node_modules/playwright-core" ]; then
  echo "search: tests/a11y/node_modules is missing; run tests/a11y/run.sh first (it installs them)" >&2
  exit 2
fi
node "$here/query.mjs" "$1" "$here/example-queries.json"
node "$here/browser.mjs" "$2"

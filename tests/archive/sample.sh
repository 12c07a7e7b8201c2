#!/usr/bin/env bash
# Packages the packager's hand-made sample site into a temporary folder and
# runs validate.sh on it: a check of alliance-archive against the reference
# tools that needs no generated site.
#
#   tests/archive/sample.sh
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT=$(mktemp -d "${TMPDIR:-/tmp}/alliance-archive-sample.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
(cd "$REPO" && cargo run -q -p alliance-archive --example sample_snapshot -- "$OUT") >/dev/null
"$HERE/validate.sh" "$OUT"

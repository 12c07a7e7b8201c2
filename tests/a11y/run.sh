#!/usr/bin/env bash
# The accessibility conformance suite: run.sh SITE_DIR [SITE_DIR...]
#
# Installs what it needs if it is missing (Debian's chromium and a Java
# runtime; the pinned npm packages), then runs every check over each built
# site. Prints `a11y: N passed, N failed` last; exits 1 if any check failed,
# 2 on misuse. See README.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [ $# -eq 0 ]; then
  echo "usage: $0 SITE_DIR [SITE_DIR...]" >&2
  exit 2
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

# System packages: only when missing.
chromium_bin=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium_bin" ] || ! command -v java >/dev/null 2>&1; then
  echo "a11y: installing chromium and a Java runtime from Debian" >&2
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium default-jre-headless >&2
fi

# npm packages: when node_modules is missing or was installed from another lock.
# --ignore-scripts: vnu-jar's install script downloads a Java runtime, which
# fails here; the system Java is used instead.
stamp="$here/node_modules/.a11y-lock.sha256"
want=$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "a11y: installing npm packages (npm ci --ignore-scripts)" >&2
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  echo "$want" > "$stamp"
fi

exec node "$here/run.mjs" "$@"

#!/usr/bin/env bash
# Validates an Alliance snapshot with the reference tools and replays it.
#
#   tests/archive/validate.sh SNAPSHOT_DIR
#
# SNAPSHOT_DIR holds site/, NAME-DATE.warc.gz, NAME-DATE.cdxj, NAME-DATE.wacz
# and bag/, as `alliance snapshot` (alliance_archive::package) writes them.
# The tools (pinned in requirements.txt: warcio, py-wacz, bagit-python, pywb)
# are installed into a venv at ${ALLIANCE_TOOLS_VENV:-REPO/.venv-archive}
# with ${PYTHON:-python3} (3.11 or newer, for py-wacz).
#
# Prints one line per check and ends with "archive: N passed, N failed";
# exits non-zero if any check failed.
set -u -o pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
VENV=${ALLIANCE_TOOLS_VENV:-$REPO/.venv-archive}
PYTHON=${PYTHON:-python3}

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: $0 SNAPSHOT_DIR" >&2
    exit 2
fi
SNAP=$(cd "$1" && pwd)

PASSED=0
FAILED=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/alliance-archive-validate.XXXXXX")
WAYBACK_PID=
cleanup() {
    if [ -n "$WAYBACK_PID" ]; then
        kill "$WAYBACK_PID" 2>/dev/null
        wait "$WAYBACK_PID" 2>/dev/null
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# check NAME COMMAND...: runs COMMAND, counts it, shows its output on failure.
check() {
    local name=$1
    shift
    if "$@" >"$WORK/out" 2>&1; then
        PASSED=$((PASSED + 1))
        echo "ok    $name"
    else
        FAILED=$((FAILED + 1))
        echo "FAIL  $name"
        tail -n 30 "$WORK/out" | sed 's/^/      /'
    fi
}

# expect_failure COMMAND...: succeeds only if COMMAND fails.
expect_failure() {
    if "$@"; then
        echo "expected a failure, but it succeeded"
        return 1
    fi
    return 0
}

finish() {
    echo "archive: $PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
    exit
}

# --- the tools -------------------------------------------------------------
install_tools() {
    local stamp="$VENV/.requirements.sha256"
    local want
    want=$(sha256sum "$HERE/requirements.txt" | cut -d' ' -f1)
    if [ -x "$VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        return 0
    fi
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
        { echo "$PYTHON is older than 3.11, which py-wacz needs"; return 1; }
    [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV" || return 1
    "$VENV/bin/pip" install --disable-pip-version-check -q -r "$HERE/requirements.txt" || return 1
    echo "$want" >"$stamp"
}
check "reference tools installed in $VENV" install_tools
if [ "$FAILED" -ne 0 ]; then finish; fi
BIN=$VENV/bin
CHECKS=("$BIN/python" "$HERE/checks.py")

# --- the files -------------------------------------------------------------
shopt -s nullglob
WARCS=("$SNAP"/*.warc.gz)
shopt -u nullglob
has_layout() {
    local ok=0
    [ -d "$SNAP/site" ] || { echo "no $SNAP/site/"; ok=1; }
    [ -d "$SNAP/bag" ] || { echo "no $SNAP/bag/"; ok=1; }
    [ ${#WARCS[@]} -ge 1 ] || { echo "no $SNAP/*.warc.gz"; ok=1; }
    for warc in "${WARCS[@]}"; do
        local stem=${warc%.warc.gz}
        [ -f "$stem.cdxj" ] || { echo "no $stem.cdxj"; ok=1; }
        [ -f "$stem.wacz" ] || { echo "no $stem.wacz"; ok=1; }
    done
    return $ok
}
check "layout: site/, bag/, NAME.warc.gz, NAME.cdxj, NAME.wacz" has_layout
if [ "$FAILED" -ne 0 ]; then finish; fi

nonempty_index() {
    "$BIN/warcio" index "$1" >"$WORK/warcio-index" || return 1
    [ -s "$WORK/warcio-index" ] || { echo "warcio index printed nothing"; return 1; }
    wc -l <"$WORK/warcio-index"
}

for WARC in "${WARCS[@]}"; do
    STEM=${WARC%.warc.gz}
    NAME=$(basename "$STEM")
    CDXJ=$STEM.cdxj
    WACZ=$STEM.wacz

    # --- WARC ----------------------------------------------------------------
    check "$NAME.warc.gz: gzip -t" gzip -t "$WARC"
    check "$NAME.warc.gz: warcio check" "$BIN/warcio" check -v "$WARC"
    check "$NAME.warc.gz: warcio index" nonempty_index "$WARC"
    check "$NAME.warc.gz: one record per gzip member, Content-Length matches" \
        "${CHECKS[@]}" records "$WARC"

    # --- CDXJ ----------------------------------------------------------------
    check "$NAME.cdxj: cdxj-indexer runs" \
        sh -c '"$1" "$2" >"$3"' sh "$BIN/cdxj-indexer" "$WARC" "$WORK/reference.cdxj"
    check "$NAME.cdxj: sorted, resolves to records, same entries as cdxj-indexer" \
        "${CHECKS[@]}" cdxj "$WARC" "$CDXJ" "$WORK/reference.cdxj"

    # --- WACZ ----------------------------------------------------------------
    check "$NAME.wacz: wacz validate" \
        sh -c 'cd "$1" && "$2" validate -f "$3"' sh "$WORK" "$BIN/wacz" "$WACZ"
    check "$NAME.wacz: STORED entries, pages.jsonl, index resolves, copies match" \
        "${CHECKS[@]}" wacz "$WACZ" "$WARC" "$CDXJ"

    # --- replay in pywb ------------------------------------------------------
    COLL=snapshot
    PYWB=$WORK/pywb
    mkdir -p "$PYWB"
    start_wayback() {
        (cd "$PYWB" && "$BIN/wb-manager" init "$COLL" && "$BIN/wb-manager" add "$COLL" "$WARC") ||
            return 1
        PORT=$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        (cd "$PYWB" && exec "$BIN/wayback" -b 127.0.0.1 -p "$PORT") >"$WORK/wayback.log" 2>&1 &
        WAYBACK_PID=$!
        for _ in $(seq 1 60); do
            if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/$COLL/" 2>/dev/null; then
                echo "wayback listening on 127.0.0.1:$PORT"
                return 0
            fi
            kill -0 "$WAYBACK_PID" 2>/dev/null || break
            sleep 0.5
        done
        cat "$WORK/wayback.log"
        return 1
    }
    # check runs the function in this shell, so WAYBACK_PID and PORT stay set
    # for the replay check and the EXIT trap.
    check "$NAME: pywb wb-manager init/add and wayback start" start_wayback
    if [ -n "$WAYBACK_PID" ]; then
        TS=$(head -n 1 "$CDXJ" | cut -d' ' -f2)
        check "$NAME: every page replays in pywb (HTTP 200, its <title>)" \
            "${CHECKS[@]}" replay "http://127.0.0.1:$PORT/$COLL/$TS" "$WACZ"
        kill "$WAYBACK_PID" 2>/dev/null
        wait "$WAYBACK_PID" 2>/dev/null
        WAYBACK_PID=
    fi
    rm -rf "$PYWB"
done

# --- BagIt -------------------------------------------------------------------
check "bag: bagit.py --validate" "$BIN/bagit.py" --validate "$SNAP/bag"
check "bag: data/site/ is a copy of site/" diff -r "$SNAP/site" "$SNAP/bag/data/site"
tampered_bag_fails() {
    cp -a "$SNAP/bag" "$WORK/tampered" || return 1
    local victim
    victim=$(head -n 1 "$WORK/tampered/manifest-sha256.txt" | sed 's/^[0-9a-f]* *//')
    echo "changing one byte of $victim"
    "${CHECKS[@]}" tamper "$WORK/tampered/$victim" || return 1
    expect_failure "$BIN/bagit.py" --validate "$WORK/tampered"
}
check "bag: a one-byte change makes bagit.py --validate fail" tampered_bag_fails

finish

#!/usr/bin/env bash
# Alliance against Hugo on the same content, paired, alternating, output on
# /dev/shm: peers.sh ALLIANCE SITE [RUNS]
#
# SITE is an Alliance site folder (e.g. one `gen-site` wrote). Hugo (Debian's
# `hugo` package) builds the same content/ folder with the minimal templates
# of crates/alliance-bench/hugo (title, the section's pages as navigation,
# date, body, tags; its own RSS and sitemap), as shared/notes/performance.md's
# peers were measured; Alliance builds it with its full civic theme.
# Prints each run's wall and CPU seconds and peak RSS, then medians and the
# Alliance/Hugo ratio of wall times.
set -euo pipefail
alliance=$1 site=$(realpath "$2") runs=${3:-5}
here=$(dirname "$(realpath "$0")")
command -v hugo >/dev/null || { echo "peers.sh: hugo is not installed (apt-get install hugo)" >&2; exit 2; }
work=$(mktemp -d /dev/shm/peers.XXXX)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795305600}
mkdir -p "$work/hugo"
cp -r "$here/hugo/layouts" "$work/hugo/"
cat > "$work/hugo/hugo.toml" <<TOML
baseURL = "https://example.org/"
title = "Benchmark"
contentDir = "$site/content"
disableKinds = ["taxonomy", "term"]
buildFuture = true
buildExpired = true
[markup.goldmark.renderer]
unsafe = false
TOML
run() { # run NAME COMMAND...: one build, "wall cpu rss_kb"
  local name=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" >"$work/$name.log" 2>&1 || { cat "$work/$name.log" >&2; exit 1; }
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/t"
}
: > "$work/alliance.txt"; : > "$work/hugo.txt"
for i in $(seq "$runs"); do
  rm -rf "$work/out-hugo" "$work/hugo/resources"
  run hugo hugo --quiet --source "$work/hugo" --destination "$work/out-hugo" | tee -a "$work/hugo.txt" | sed "s/^/run $i hugo: /"
  run alliance "$alliance" build --root "$site" --output "$work/out-alliance" | tee -a "$work/alliance.txt" | sed "s/^/run $i alliance: /"
done
echo "pages written: hugo $(find "$work/out-hugo" -name '*.html' | wc -l), alliance $(find "$work/out-alliance" -name '*.html' | wc -l)"
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
for k in hugo alliance; do
  w=$(cut -d' ' -f1 "$work/$k.txt" | median); c=$(cut -d' ' -f2 "$work/$k.txt" | median); m=$(cut -d' ' -f3 "$work/$k.txt" | median)
  echo "median $k: wall ${w} s, CPU ${c} s, peak RSS $((m / 1024)) MiB"
  eval "w_$k=$w"
done
awk -v a="$w_alliance" -v b="$w_hugo" 'BEGIN { printf "alliance / hugo: wall %.2f×\n", a / b }'

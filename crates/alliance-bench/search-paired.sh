#!/usr/bin/env bash
# Paired full builds of one generated site with and without search
# (BENCHMARKS.md, "Search"): search-paired.sh ALLIANCE SITE_DIR [RUNS]
#
# Copies SITE_DIR once with `[search] enabled = false` appended to its
# config, then alternates `alliance build` of the two (output on /dev/shm),
# RUNS times each (default 7), and prints wall, CPU and peak RSS of each run
# (GNU time) and the medians.
set -euo pipefail
alliance=$1 site=$2 runs=${3:-7}
work=$(mktemp -d /dev/shm/search-paired.XXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$site" "$work/off"
printf '\n[search]\nenabled = false\n' >> "$work/off/config.toml"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795305600}
run() { # run NAME ROOT: one build, "wall cpu rss_kb"
  /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$alliance" build --root "$2" --output "$work/out-$1" >/dev/null 2>&1
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/t"
}
: > "$work/on.txt"; : > "$work/off.txt"
for i in $(seq "$runs"); do
  run on "$site" | tee -a "$work/on.txt" | sed "s/^/run $i with search:    /"
  run off "$work/off" | tee -a "$work/off.txt" | sed "s/^/run $i without search: /"
done
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
for k in on off; do
  w=$(cut -d' ' -f1 "$work/$k.txt" | median); c=$(cut -d' ' -f2 "$work/$k.txt" | median); m=$(cut -d' ' -f3 "$work/$k.txt" | median)
  echo "median $k: wall ${w} s, CPU ${c} s, peak RSS $((m / 1024)) MiB"
done
on=$(cut -d' ' -f1 "$work/on.txt" | median); off=$(cut -d' ' -f1 "$work/off.txt" | median)
awk -v a="$on" -v b="$off" 'BEGIN { printf "wall with / without search: %.2f×\n", a / b }'
du -sb "$work/out-on/search" | awk '{ printf "index and page: %.1f MB\n", $1 / 1e6 }'

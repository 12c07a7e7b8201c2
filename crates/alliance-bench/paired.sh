#!/usr/bin/env bash
# Paired full builds of one site by two `alliance` binaries (before and after
# a change), alternating, output on /dev/shm: paired.sh OLD NEW SITE [RUNS]
#
# Prints each run's wall and CPU (user + system) seconds and peak RSS (KiB),
# then the medians and the new/old ratios. On a shared, noisy machine the
# ratios of alternating runs are what count.
set -euo pipefail
old=$1 new=$2 site=$3 runs=${4:-6}
work=$(mktemp -d /dev/shm/paired.XXXX)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795305600}
run() { # run NAME BINARY: one build, "wall cpu rss_kb"
  /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$2" build --root "$site" --output "$work/out-$1" >/dev/null 2>&1
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/t"
}
: > "$work/old.txt"; : > "$work/new.txt"
for i in $(seq "$runs"); do
  run old "$old" | tee -a "$work/old.txt" | sed "s/^/run $i old: /"
  run new "$new" | tee -a "$work/new.txt" | sed "s/^/run $i new: /"
done
diff -r "$work/out-old" "$work/out-new" >/dev/null && echo "outputs: byte-identical" || echo "outputs: differ"
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
for k in old new; do
  w=$(cut -d' ' -f1 "$work/$k.txt" | median); c=$(cut -d' ' -f2 "$work/$k.txt" | median); m=$(cut -d' ' -f3 "$work/$k.txt" | median)
  echo "median $k: wall ${w} s, CPU ${c} s, peak RSS $((m / 1024)) MiB"
  eval "w_$k=$w c_$k=$c"
done
awk -v a="$w_new" -v b="$w_old" -v c="$c_new" -v d="$c_old" 'BEGIN { printf "new / old: wall %.2f×, CPU %.2f×\n", a / b, c / d }'

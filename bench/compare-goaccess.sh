#!/usr/bin/env bash
# Whole-process comparison of `hotline analyze` with GoAccess on the same access log, both doing
# country + ASN, measured side by side in one run on this machine. Prints lines/s, their ratio,
# peak memory, and `wc -l` as the floor.
#
#   bench/compare-goaccess.sh [LINES] [RUNS]        default: 1000000 lines, 3 runs each (medians)
#
# Input: built by bench/MakeAccessLog.java from the real 10,000-line Apache log in samples/ (see its
# comment: copies shifted in time, IPv4 last octet varied per copy; the real lines otherwise).
# GoAccess reads only MaxMind's layout, so it gets `hotline geo export --maxmind` of the same
# bundled databases Hotline uses. Needs: goaccess (Debian package), GNU time (/usr/bin/time).
set -euo pipefail

lines="${1:-1000000}"
runs="${2:-3}"
for tool in goaccess /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install goaccess time" >&2; exit 2; }
done
# shellcheck source=bench/bench-input.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-input.sh"   # root, work, input
[[ -f "$work/mm/asn.maxmind-layout.mmdb" ]] || "$root/hotline" geo export --maxmind "$work/mm" >/dev/null

# One run of a command: appends "wall_s peak_KiB" to $work/NAME.runs.
once() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/$name.err" \
    || { echo "$name failed:" >&2; cat "$work/$name.err" >&2; exit 1; }
  cat "$work/time.txt" >> "$work/$name.runs"
}

# "NAME median_wall median_rss" over the runs recorded for NAME
median() {
  local name="$1" mw mr
  mw=$(cut -d' ' -f1 "$work/$name.runs" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mr=$(cut -d' ' -f2 "$work/$name.runs" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$name $mw $mr"
}

# Through the launcher, as users run it: its JVM options and class-data-sharing archive are part
# of what is measured (it checks the jar is current first, a few milliseconds).
java_cmd=("$root/hotline")
# The tools take turns, one run each per round: this machine's speed drifts by tens of percent over
# minutes (other tenants), and running all of one tool's runs before the other's measured the drift.
rm -f "$work"/{wc-l,goaccess,hotline}.runs
for ((round = 0; round < runs; round++)); do
  once wc-l wc -l "$input"
  once goaccess goaccess "$input" --log-format=COMBINED --no-progress --no-global-config \
    --geoip-database="$work/mm/country.maxmind-layout.mmdb" --geoip-database="$work/mm/asn.maxmind-layout.mmdb" \
    -o "$work/goaccess.json"
  once hotline "${java_cmd[@]}" analyze --json "$input"
done
results=("$(median wc-l)" "$(median goaccess)" "$(median hotline)")

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1); goaccess: $(goaccess --version | head -1)"
echo "input: $input, $lines lines, $(du -h "$input" | cut -f1), median of $runs runs each"
printf '%-10s %10s %14s %12s\n' tool wall_s lines_per_s peak_MiB
for r in "${results[@]}"; do
  read -r name wall rss <<<"$r"
  # GNU time gives hundredths: on a small input `wc -l` takes "0.00", whose rate is not a number.
  awk -v name="$name" -v wall="$wall" -v lines="$lines" -v rss="$rss" \
    'BEGIN { printf "%-10s %10.2f %14s %12.0f\n", name, wall, (wall > 0 ? sprintf("%.0f", lines / wall) : "n/a (<0.01 s)"), rss / 1024 }'
done
ga=$(printf '%s\n' "${results[@]}" | awk '$1=="goaccess" {print $2}')
hl=$(printf '%s\n' "${results[@]}" | awk '$1=="hotline" {print $2}')
wc=$(printf '%s\n' "${results[@]}" | awk '$1=="wc-l" {print $2}')
awk -v ga="$ga" -v hl="$hl" -v wc="$wc" 'BEGIN {
  ratio = hl > 0 ? sprintf("%.1fx", ga / hl) : "n/a"
  floor = hl > 0 ? sprintf("%.3f", wc / hl) : "n/a"
  printf "hotline / goaccess speed: %s    hotline / wc -l: %s\n", ratio, floor }'
# Each round's own ratio: the two ran minutes apart at most, so these are the fairest comparisons.
printf 'per round (goaccess s / hotline s):'
paste -d' ' <(cut -d' ' -f1 "$work/goaccess.runs") <(cut -d' ' -f1 "$work/hotline.runs") \
  | awk '{ if ($2 > 0) printf " %.1fx", $1 / $2; else printf " n/a" } END {print ""}'

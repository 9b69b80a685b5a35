#!/usr/bin/env bash
# Hotline alone on one large access log, whole process including JVM start, several runs: lines/s
# of the whole run (the issue's measure), and from `--progress-json` how the analysis got there:
# the steady rate (over the second half of the input) and the seconds, from the start of the
# analysis, until the rate first reached half of it (the JIT's warm-up: until C2 has compiled the
# hot path, the workers run about three times slower).
#
#   bench/throughput.sh [LINES] [RUNS]        default: 10000000 lines, 5 runs (medians, and each run)
#
# Input: built by bench/MakeAccessLog.java as for bench/compare-goaccess.sh (same BENCH_DIR, so an
# input built by one is reused by the other). Needs GNU time (/usr/bin/time). Runs start after a few
# idle seconds, as a first run on this machine would (see README, Performance).
set -euo pipefail

lines="${1:-10000000}"
runs="${2:-5}"
command -v /usr/bin/time >/dev/null || { echo "missing /usr/bin/time: apt-get install time" >&2; exit 2; }
# shellcheck source=bench/bench-input.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-input.sh"   # root, work, input

printf '%-5s %8s %12s %14s %10s %9s\n' run wall_s lines_per_s steady_lines_s warmup_s peak_MiB
: > "$work/throughput.runs"
for ((i = 1; i <= runs; i++)); do
  sleep 5
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$root/hotline" analyze --json --progress-json "$input" \
    >/dev/null 2>"$work/progress.txt" || { echo "run $i failed:" >&2; cat "$work/progress.txt" >&2; exit 1; }
  read -r wall rss < "$work/time.txt"
  # From the progress lines (seconds since the analysis began, lines read): the rate over the second
  # half of the input, and the start of the first interval whose rate reached half of it.
  grep '^{' "$work/progress.txt" | grep -v '"finished"' \
    | sed -E 's/.*"seconds":([0-9.]+).*"linesRead":([0-9]+).*/\1 \2/' > "$work/points.txt"
  read -r steady warmup < <(awk -v total="$lines" '
      { t[NR] = $1; n[NR] = $2 }
      END {
        for (i = 1; i <= NR && n[i] < total / 2; i++) {}
        steady = (NR > i && t[NR] > t[i]) ? (n[NR] - n[i]) / (t[NR] - t[i]) : 0
        warm = "n/a"
        if (steady == 0) { print "n/a n/a"; exit }   # too short for progress lines to tell
        for (j = 1; j < NR; j++) {
          if (t[j + 1] > t[j] && (n[j + 1] - n[j]) / (t[j + 1] - t[j]) >= 0.5 * steady) { warm = t[j]; break }
        }
        printf "%.0f %s\n", steady, warm
      }' "$work/points.txt")
  echo "$wall $rss $steady $warmup" >> "$work/throughput.runs"
  awk -v i="$i" -v wall="$wall" -v lines="$lines" -v steady="$steady" -v warmup="$warmup" -v rss="$rss" \
    'BEGIN { printf "%-5s %8.2f %12.0f %14s %10s %9.0f\n", i, wall, lines / wall, steady, warmup, rss / 1024 }'
done
sort -n "$work/throughput.runs" | awk -v lines="$lines" '
  { w[NR] = $1 }
  END {
    m = (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2
    printf "median %.2f s = %.0f lines/s over %d runs (whole process, including JVM start); input %s lines\n", m, lines / m, NR, lines
  }'
# The JDK the launcher ran: JAVA_HOME's, else the one on the path.
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"

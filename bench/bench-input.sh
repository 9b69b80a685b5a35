# Sourced by the bench scripts, with $lines set: the checkout's root, the work directory
# (BENCH_DIR, else $TMPDIR/hotline-bench), a built launcher, and the access log of $lines lines that
# bench/MakeAccessLog.java builds from the bundled sample, read once so it is in the page cache for
# every tool and run alike.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_DIR:-${TMPDIR:-/tmp}/hotline-bench}"
mkdir -p "$work"
"$root/hotline" --version >/dev/null   # builds the jar (and its start-up archive) if needed
input="$work/access-$lines.log"
[[ -f "$input" ]] || java "$root/bench/MakeAccessLog.java" "$root/samples/logs/web/access.log.gz" "$lines" "$input"
cat "$input" >/dev/null

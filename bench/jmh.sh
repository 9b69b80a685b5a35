#!/usr/bin/env bash
# JMH microbenchmarks of the hot paths (hotline-bench): combined access-log and sshd parsing per line,
# country/ASN mmdb lookups per address with and without the lookup cache, on the repository's real
# samples and bundled databases. Builds the benchmarks jar, then runs it with short defaults (1 fork,
# 2 x 2 s warm-up, 3 x 3 s measurement): enough to compare two commits on one machine, not to
# publish. Not a test: numbers depend on the machine and its load; say which JVM they came from.
# On a busy 2-core machine the mmdb benchmarks may still be warming up after 2 x 2 s (the decoder
# is compiled late: asn went 67k -> 1.2M ops/s over 6 warm-up iterations); compare them with -wi 6.
#
# Usage: bench/jmh.sh [JMH ARGS...]
#   bench/jmh.sh                          all benchmarks
#   bench/jmh.sh GeoLookup -prof gc       one class, with allocation per op
#   bench/jmh.sh -f 3 -i 5 Sshd           a default given here replaces the script's
#   bench/jmh.sh -h                       JMH's own options
# JAVA_HOME picks the JDK for the build and the run (e.g. the Temurin 25 beside the default 17).
# Results also go to hotline-bench/target/jmh-result.json unless -rf/-rff are given.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/hotline-bench/target/benchmarks.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Tests are skipped here: mvn verify runs the module's smoke test.
(cd "$root" && ./mvnw -q -pl hotline-bench -am package -DskipTests)

# JMH rejects an option given twice, so add each default only when the caller did not give it.
defaults=()
given() { local o; for o in "${@:2}"; do [[ "$o" == "$1" ]] && return 0; done; return 1; }
given -f "$@" || defaults+=(-f 1)
given -wi "$@" || defaults+=(-wi 2)
given -w "$@" || defaults+=(-w 2s)
given -i "$@" || defaults+=(-i 3)
given -r "$@" || defaults+=(-r 3s)
given -rf "$@" || defaults+=(-rf json)
given -rff "$@" || defaults+=(-rff "$root/hotline-bench/target/jmh-result.json")

# hotline.home tells the benchmarks (and JMH's forks, which inherit the flag) where samples/ and data/geo are.
exec "$java" "-Dhotline.home=$root" -jar "$jar" "${defaults[@]}" "$@"

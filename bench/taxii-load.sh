#!/usr/bin/env bash
# TAXII load on loopback, measured with wrk (Debian: apt-get install wrk): a real node (US-CERT,
# `hotline serve`, SQLite, HTTPS) takes POSTed envelopes of about 100 STIX objects into its inbox
# from its partner RU-CERT (each envelope a new signed concern, fully verified: STIX validation,
# rendering check, signature, chain, lifecycle, then stored and published), then serves the shared
# collection those concerns were published to, page by page (limit=100). Prints objects/s and wrk's
# latency distribution (p50, p99). Not a test: numbers depend on the machine.
#
# Usage: bench/taxii-load.sh [SECONDS] [ENVELOPES]   (defaults 20 and 1500; WORK=dir to keep files;
#        JAR=path/to/hotline.jar to measure another build, e.g. a saved copy of the previous one, side
#        by side with this one on a shared machine; PORT=n to run two at once)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-20}"
count="${2:-1500}"
threads=2
connections=4
port="${PORT:-9191}"
work="${WORK:-$(mktemp -d)}"
jar="${JAR:-$root/hotline-cli/target/hotline.jar}"
command -v wrk >/dev/null || { echo "taxii-load: wrk not found (Debian: apt-get install wrk)" >&2; exit 2; }
[[ -n "${JAR:-}" ]] || "$root/hotline" --version >/dev/null   # builds the jar when needed
hotline() { java -jar "$jar" "$@"; }

rm -rf "$work/ru" "$work/us" "$work/envelopes"
hotline party init --home "$work/ru" --name RU-CERT --country RU --listen 127.0.0.1:1 >/dev/null
hotline party init --home "$work/us" --name US-CERT --country US --listen "127.0.0.1:$port" >/dev/null
hotline party show --home "$work/ru" --json > "$work/ru.card"
hotline party show --home "$work/us" --json > "$work/us.card"
hotline channel add --home "$work/ru" --partner "$work/us.card" --secret-file "$work/secret" >/dev/null
hotline channel add --home "$work/us" --partner "$work/ru.card" --secret-file "$work/secret" >/dev/null

echo "preparing $count signed envelopes of about 100 objects..."
java -cp "$jar" "$root/bench/MakeEnvelopes.java" "$work/ru" US-CERT "$count" 100 "$work/envelopes" > "$work/envelopes.txt"
head -n 50 "$work/envelopes.txt" > "$work/warmup.txt"
tail -n +51 "$work/envelopes.txt" > "$work/measured.txt"
per_envelope="$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['objects']))" "$(head -1 "$work/envelopes.txt")")"

auth="$(python3 - "$work" <<'PY'
import base64, glob, json, sys
work = sys.argv[1]
ru = json.load(open(work + "/ru.card"))
p = json.load(open(glob.glob(work + "/ru/partners/*.json")[0]))
print("Basic " + base64.b64encode((ru["id"] + ":" + p["outbound_password"]).encode()).decode())
PY
)"

base="https://127.0.0.1:$port/hotline/collections"

java ${BENCH_JAVA_OPTS:-} -jar "$jar" serve --home "$work/us" > "$work/us.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.5; done
# The partner's view of the node: its two collections, found by alias.
read -r inbox shared < <(python3 - "$base/" "$auth" <<'PY'
import json, ssl, sys, urllib.request
ctx = ssl._create_unverified_context()   # the bench only talks to its own loopback node
r = urllib.request.Request(sys.argv[1], headers={"Accept": "application/taxii+json;version=2.1", "Authorization": sys.argv[2]})
c = {x["alias"]: x["id"] for x in json.load(urllib.request.urlopen(r, context=ctx))["collections"]}
print(c["inbox"], c["shared"])
PY
)

echo "warm-up (5 s)..."
ENVELOPES="$work/warmup.txt" AUTH="$auth" THREADS=$threads wrk -t$threads -c$connections -d5s -s "$root/bench/taxii-post.lua" \
  "$base/$inbox/objects/" > /dev/null
# The server's CPU time (user + system, clock ticks) from /proc: on a shared machine, CPU per object is
# steadier than objects per second.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0; }
echo
echo "== POST envelopes of $per_envelope objects to the inbox: ${seconds} s, $threads threads, $connections connections"
cpu0="$(cpu_ticks)"
ENVELOPES="$work/measured.txt" AUTH="$auth" THREADS=$threads wrk -t$threads -c$connections -d"${seconds}s" --latency \
  -s "$root/bench/taxii-post.lua" "$base/$inbox/objects/" | tee "$work/post.txt"
cpu1="$(cpu_ticks)"
rps="$(sed -n 's/^Requests\/sec: *//p' "$work/post.txt")"
requests="$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$work/post.txt")"
python3 -c "print(f'POST: {float(\"$rps\") * $per_envelope:,.0f} STIX objects/s ({float(\"$rps\"):.1f} envelopes/s of $per_envelope objects)')"
python3 -c "import os; t = ($cpu1 - $cpu0) / os.sysconf('SC_CLK_TCK'); n = $requests * $per_envelope; print(f'POST: server CPU {t:.1f} s, {t * 1e6 / n:.0f} us per object' if n and t > 0 else '')"
grep -q "status 0," "$work/post.txt" || echo "WARNING: some requests failed (see $work/us.log)"

echo
echo "listing the shared collection's pages (limit=100)..."
python3 - "$base/$shared/objects/" "$auth" "$work/pages.txt" <<'PY'
import json, ssl, sys, urllib.request
url, auth, out = sys.argv[1:4]
ctx = ssl._create_unverified_context()   # the bench only walks its own loopback node
paths, nxt = [], None
while True:
    q = "?limit=100" + ("&next=" + nxt if nxt else "")
    paths.append(url.split("127.0.0.1", 1)[1].split("/", 1)[1] + q)
    r = urllib.request.Request(url + q, headers={"Accept": "application/taxii+json;version=2.1", "Authorization": auth})
    page = json.load(urllib.request.urlopen(r, context=ctx))
    if not page.get("more"):
        break
    nxt = page["next"]
open(out, "w").write("".join("/" + p + "\n" for p in paths))
print(f"{len(paths)} pages")
PY
echo "== GET pages of 100 objects from the shared collection: ${seconds} s, $threads threads, $connections connections"
cpu0="$(cpu_ticks)"
PAGES="$work/pages.txt" AUTH="$auth" wrk -t$threads -c$connections -d"${seconds}s" --latency -s "$root/bench/taxii-get.lua" \
  "https://127.0.0.1:$port/" | tee "$work/get.txt"
cpu1="$(cpu_ticks)"
rps="$(sed -n 's/^Requests\/sec: *//p' "$work/get.txt")"
requests="$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$work/get.txt")"
python3 -c "print(f'GET: {float(\"$rps\") * 100:,.0f} STIX objects/s served ({float(\"$rps\"):.1f} pages/s)')"
python3 -c "import os; t = ($cpu1 - $cpu0) / os.sysconf('SC_CLK_TCK'); n = $requests * 100; print(f'GET: server CPU {t:.1f} s, {t * 1e6 / n:.1f} us per object served' if n and t > 0 else '')"
echo "work files: $work"

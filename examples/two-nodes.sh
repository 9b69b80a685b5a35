#!/usr/bin/env bash
# Two real Hotline nodes on loopback, RU-CERT and US-CERT, each with its own home, keys, TLS
# certificate and SQLite store, run one concern through its whole lifecycle over TAXII 2.1:
#   file (with materials from `hotline analyze --materials-for US` on the bundled samples)
#   -> acknowledge -> request materials -> provide materials -> status update -> respond -> close
# then each node writes its STIX 2.1 export of the concern's full history to
# OUT_DIR/concern-a.json (RU-CERT) and OUT_DIR/concern-b.json (US-CERT), and the script checks that
# the two hold the same objects, and that both channel accounts end with the same digest. Each
# node's operator console (a read-only web page on loopback) must list the concern as closed; set
# KEEP_RUNNING=1 to leave both nodes running at the end and open their consoles (the addresses are
# printed). Both nodes are stopped on exit otherwise. Ports: RU_PORT (9101), US_PORT (9102).
#
# Usage: examples/two-nodes.sh [OUT_DIR]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/two-nodes-out}"
ru_port="${RU_PORT:-9101}"
us_port="${US_PORT:-9102}"
work="$out/work"

step() { printf '\n== %s\n' "$*"; }
hotline() { "$root/hotline" "$@"; }   # the launcher: builds when needed, finds the bundled data
json_field() { sed -n "s/^  \"$1\" : \"\\([^\"]*\\)\".*/\\1/p" | head -1; }   # top-level string field of pretty JSON

mkdir -p "$out"
rm -rf "$work"
mkdir -p "$work"

step "building hotline (skipped when the jar is up to date)"
"$root/hotline" --version >/dev/null

step "creating the parties"
hotline party init --home "$work/ru" --name RU-CERT --country RU --listen "127.0.0.1:$ru_port"
hotline party init --home "$work/us" --name US-CERT --country US --listen "127.0.0.1:$us_port"
hotline party show --home "$work/ru" --json > "$work/ru-card.json"
hotline party show --home "$work/us" --json > "$work/us-card.json"

step "setting up the channel on both sides (one shared secret, each side's card)"
hotline channel add --home "$work/ru" --partner "$work/us-card.json" --secret-file "$work/channel.secret"
hotline channel add --home "$work/us" --partner "$work/ru-card.json" --secret-file "$work/channel.secret"

step "starting both nodes"
pids=()
stop_nodes() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_nodes EXIT
"$root/hotline" serve --home "$work/ru" > "$work/ru.log" 2>&1 & pids+=($!)   # the launcher execs java: $! is the node
"$root/hotline" serve --home "$work/us" > "$work/us.log" 2>&1 & pids+=($!)
for port in "$ru_port" "$us_port"; do
  for _ in $(seq 1 60); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    sleep 0.5
  done
done

step "RU-CERT analyses the bundled sample logs: materials for the partner whose jurisdiction is US"
hotline analyze "$root/samples/logs" --materials-for US --materials-out "$work/materials-us.json" > "$work/analysis.txt"

step "RU-CERT files the concern to US-CERT"
id="$(hotline concern file --home "$work/ru" --partner US-CERT --kind request-for-investigation --severity high \
  --tlp amber --summary "Attacks on our services from US address space" \
  --materials "$work/materials-us.json" --json | json_field id)"
echo "concern $id"

wait_state() {  # node state
  for _ in $(seq 1 60); do
    state="$(hotline concern show "$id" --home "$work/$1" --json | json_field state)"
    [[ "$state" == "$2" ]] && { echo "$1: $state"; return 0; }
    sleep 1
  done
  echo "two-nodes: $1 did not reach state $2 (last: $state); see $work/$1.log" >&2
  return 1
}
wait_state us delivered

step "US-CERT acknowledges and asks for more materials"
hotline concern ack "$id" --home "$work/us" --note "Received; investigating the listed sources."
hotline concern request-materials "$id" --home "$work/us" --request "Log lines with timestamps for the top sources."
wait_state ru awaiting-materials

step "RU-CERT provides materials"
hotline concern provide-materials "$id" --home "$work/ru" --materials "$work/materials-us.json" \
  --note "Materials from the same analysis, with log excerpts."
wait_state us investigating

step "US-CERT says where things stand"
hotline concern update "$id" --home "$work/us" --note "Hosting providers contacted; awaiting their logs."

step "US-CERT sees where the sources named in its open concerns are located (its console draws them on a map)"
hotline concern origins --home "$work/us"

step "US-CERT responds"
hotline concern respond "$id" --home "$work/us" --findings "The sources are hosting customers; abuse reports sent." \
  --action "notified the hosting providers' abuse desks" --outcome action-taken
wait_state ru answered

step "RU-CERT closes the concern"
hotline concern close "$id" --home "$work/ru" --note "Thank you."
wait_state us closed

step "both histories verify; each node exports the concern as STIX 2.1"
hotline concern verify "$id" --home "$work/ru"
hotline concern verify "$id" --home "$work/us"
hotline concern export "$id" --home "$work/ru" --out "$out/concern-a.json"
hotline concern export "$id" --home "$work/us" --out "$out/concern-b.json"

java -cp "$root/hotline-cli/target/hotline.jar" "$root/examples/SameObjects.java" \
  "$out/concern-a.json" "$out/concern-b.json"

step "each node accounts for the channel; the two digests must match"
hotline channel report --home "$work/ru"
digest_ru=$(hotline channel report --home "$work/ru" | sed -n 's/.*sha256 //p')
digest_us=$(hotline channel report --home "$work/us" | sed -n 's/.*sha256 //p')
if [[ -z "$digest_ru" || "$digest_ru" != "$digest_us" ]]; then
  echo "the two nodes' accounts differ: RU-CERT $digest_ru, US-CERT $digest_us" >&2
  exit 1
fi

step "each operator's console lists the concern as closed"
# Plain HTTP on loopback through bash itself: the console's API with the token from console.url.
console_get() {  # node path
  local url port token
  url="$(cat "$work/$1/console.url")"
  port="${url#http://127.0.0.1:}"; port="${port%%/*}"
  token="${url#*#token=}"
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nAuthorization: Bearer %s\r\n\r\n' "$2" "$port" "$token" >&3
  cat <&3
  exec 3<&-
}
for node in ru us; do
  listed="$(console_get "$node" /api/concerns)"
  if [[ "$listed" != *"HTTP/1.1 200"* || "$listed" != *"\"id\":\"$id\""* || "$listed" != *'"state":"closed"'* ]]; then
    echo "two-nodes: $node's console does not list $id as closed:" >&2
    echo "$listed" >&2
    exit 1
  fi
  echo "$node: console at $(cat "$work/$node/console.url")"
done

if [[ -n "${KEEP_RUNNING:-}" ]]; then
  step "both nodes keep running (KEEP_RUNNING): open the consoles above; Ctrl-C stops them"
  wait
fi

step "stopping both nodes"
stop_nodes
trap - EXIT
echo "done: $out/concern-a.json $out/concern-b.json"

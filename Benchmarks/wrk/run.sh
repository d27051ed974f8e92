#!/bin/sh
# wrk against `myco serve` on loopback (issue 15): POST /api/v1/advice beside GET /health (the
# floor: the same server's trivial route), at 16 and 128 connections, 2 wrk threads, --latency.
# Run after `swift build -c release` at the root:  wrk/run.sh [SECONDS]
# Needs the Debian package wrk. Prints wrk's summary lines; the server's access log goes to a file.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-20}
myco=${MYCO:-../.build/release/myco}
port=${PORT:-18080}
folder=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$folder"' EXIT
"$myco" serve --port "$port" --db "$folder/records.sqlite" --knowledge ../Knowledge --rules ../Rules \
  >"$folder/access.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.1
done
# One request of each by hand first: the advice must be a 200 with advice in it.
status=$(curl -s -o "$folder/advice.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  --data-binary '{"variety": "shiitake", "elevation": 300, "date": "2026-08-15", "bag": "18x60", "stage": "spawn-run", "temperature": 31, "symptoms": ["mites"], "lang": "zh"}' \
  "http://127.0.0.1:$port/api/v1/advice")
[ "$status" = 200 ] || { echo "POST /api/v1/advice answered $status" >&2; cat "$folder/advice.json" >&2; exit 1; }
echo "advice response: $(wc -c <"$folder/advice.json") bytes; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for connections in 16 128; do
  for route in health advice; do
    if [ "$route" = health ]; then
      set -- "http://127.0.0.1:$port/health"
    else
      set -- -s wrk/advice.lua "http://127.0.0.1:$port/api/v1/advice"
    fi
    echo "== $route, $connections connections, ${seconds}s"
    wrk -t 2 -c "$connections" -d "${seconds}s" --latency "$@" |
      grep -E 'Requests/sec|99%|50%|Non-2xx|Socket errors|requests in'
  done
done

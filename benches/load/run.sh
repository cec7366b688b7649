#!/usr/bin/env bash
# Load test of the tile server: a viewport walk over both towns (walk.py), replayed by wrk
# against balise with its tile cache, balise without it (BALISE_TILE_CACHE_MB=0), and
# nginx serving the same tiles as static files (the ceiling for a cache hit), first as
# browsers ask (Accept-Encoding: gzip; nginx serves the same tiles pre-gzipped with
# gzip_static), then without compression. All run in this one script, so their figures
# compare; figures of other runs do not.
#
# Needs: a release build (cargo build --release), wrk and nginx-light (Debian), curl.
# Usage: benches/load/run.sh            (FEATURES=1000000 DURATION=30s CONNECTIONS=32)
# Data is generated once into $WORK (default /tmp/balise-load) and reused.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=benches/load
bin=target/release/balise
features=${FEATURES:-1000000}
duration=${DURATION:-30s}
connections=${CONNECTIONS:-32}
work=${WORK:-/tmp/balise-load}
anchor=2026-12-01
at=2026-12-01T10:00:00Z
ports=(18181 18182 18183)

for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install wrk nginx-light curl)" >&2; exit 1; }
done
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }
mkdir -p "$work"

if [ ! -f "$work/data/balise.gpkg" ]; then
  echo "== generating $features synthetic features (seed 42, around $anchor)"
  "$bin" --data-dir "$work/data" demo --features "$features" --seed 42 --anchor "$anchor"
fi
python3 "$here/walk.py" --query "at=$at" > "$work/walk.txt"
echo "== walk: $(wc -l < "$work/walk.txt") requests, $(sort -u "$work/walk.txt" | wc -l) distinct tiles"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # port cache_mb
  BALISE_DEMO=false BALISE_RATE_LIMIT_PER_MINUTE=0 BALISE_LOG=warn BALISE_TILE_CACHE_MB=$2 \
    BALISE_ADMIN_TOKEN=load-test-admin-token-0000 \
    "$bin" --data-dir "$work/data" --listen "127.0.0.1:$1" serve >"$work/balise-$1.log" 2>&1 &
  pids+=($!)
}
start "${ports[0]}" 512
start "${ports[1]}" 0
for port in "${ports[0]}" "${ports[1]}"; do
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "balise on $port did not start" >&2; exit 1; }
done

echo "== writing the walk's tiles as static files (from balise)"
rm -rf "$work/static"
total=0
gz=0
while read -r path; do
  file="$work/static${path%%\?*}"
  mkdir -p "$(dirname "$file")"
  curl -sf -o "$file" "http://127.0.0.1:${ports[0]}$path" || : > "$file"
  [ -f "$file" ] || : > "$file"
  curl -sf -H 'Accept-Encoding: gzip' -o "$file.gz" "http://127.0.0.1:${ports[0]}$path" || : > "$file.gz"
  [ -f "$file.gz" ] || : > "$file.gz"
  total=$((total + $(stat -c %s "$file")))
  gz=$((gz + $(stat -c %s "$file.gz")))
done < <(sort -u "$work/walk.txt")
echo "   $(find "$work/static" -name '*.mvt' | wc -l) tiles, $total bytes ($gz gzipped)"

cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  open_file_cache max=10000 inactive=60s;
  types { application/vnd.mapbox-vector-tile mvt; }
  server {
    listen 127.0.0.1:${ports[2]};
    root $work/static;
    gzip_static on;
  }
}
CONF
nginx -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
sleep 1

run() { # name port [wrk options]
  echo
  echo "== $1"
  wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/walk.lua" "${@:3}" "http://127.0.0.1:$2" -- "$work/walk.txt"
}
gzip=(-H 'Accept-Encoding: gzip')
# the cache is warmed by writing the static files above
run "nginx, static files (ceiling), gzip" "${ports[2]}" "${gzip[@]}"
run "balise, tile cache, gzip" "${ports[0]}" "${gzip[@]}"
run "balise, no cache (every tile drawn), gzip" "${ports[1]}" "${gzip[@]}"
run "nginx, static files (ceiling), no compression" "${ports[2]}"
run "balise, tile cache, no compression" "${ports[0]}"

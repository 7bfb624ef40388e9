#!/usr/bin/env bash
# Runs the seed's delay queue (RabbitMQ TTL + dead-letter exchange, ../shared/anchors/rabbitmq-delay-queue) in both TTL
# modes and the runner's bench back to back on this machine, and prints the ratios the targets are stated in.
# For measuring only: needs rabbitmq-server installed (apt-get install -y rabbitmq-server); nothing else depends on it.
#
#   OrderCloseFunctions.Tools/Bench/compare-with-anchor.sh [--orders N] [--anchor DIR]
#
# Starts the broker if none answers and stops it again at the end (it leaves a broker it found running alone).
set -euo pipefail

orders=20000
repo=$(cd "$(dirname "$0")/../.." && pwd)
# Beside the repository (/work/main → /work/shared), or beside a worktree's folder (/work/wt/NAME → /work/shared).
anchor_source=$repo/../shared/anchors/rabbitmq-delay-queue
[[ -d "$anchor_source" ]] || anchor_source=$repo/../../shared/anchors/rabbitmq-delay-queue
while [[ $# -gt 0 ]]; do
  case "$1" in
    --orders) orders=$2; shift 2 ;;
    --anchor) anchor_source=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ -f "$anchor_source/Program.cs" ]] || { echo "no anchor at $anchor_source: pass --anchor DIR" >&2; exit 2; }
command -v rabbitmq-server >/dev/null || [[ -x /usr/sbin/rabbitmq-server ]] || { echo "rabbitmq-server is not installed: apt-get install -y rabbitmq-server" >&2; exit 2; }

anchor=/tmp/orderclose-anchor
rm -rf "$anchor" && cp -r "$anchor_source" "$anchor"
build() { local log; log=$(dotnet build -c Release "$1" 2>&1) || { echo "$log" >&2; echo "building $1 failed" >&2; exit 1; }; }
build "$anchor"
build "$repo/OrderCloseFunctions.Tools"

started_broker=
if ! rabbitmqctl -q status >/dev/null 2>&1; then
  RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 setsid /usr/sbin/rabbitmq-server >/tmp/rabbitmq.log 2>&1 &
  started_broker=yes
  for _ in $(seq 60); do rabbitmqctl -q status >/dev/null 2>&1 && break; sleep 2; done
fi
stop_broker() { [[ -n "$started_broker" ]] && rabbitmqctl -q stop >/dev/null 2>&1 || true; }
trap stop_broker EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
anchor_run() { dotnet "$anchor/bin/Release/net10.0/RabbitAnchor.dll" --orders "$orders" --ttl-ms 3000 "$@"; }
# A run with violations exits 1; its report still counts (the violations are printed at the end).
bench_run() { dotnet "$repo/OrderCloseFunctions.Tools/bin/Release/net10.0/OrderCloseFunctions.Tools.dll" bench --orders "$orders" --paid-ratio 0 --json --quiet "$@" || true; }

echo "uptime before: $(uptime)"
echo "load $(load): anchor, one TTL for all (3 s)"; queue_ttl=$(anchor_run); echo "$queue_ttl"
echo "load $(load): bench --timeout 3s"; one=$(bench_run --timeout 3s); echo "$one" | jq -c '{createdPerSecond, closeLatenessMs, cpuSecondsPer1000Orders, violations}'
echo "load $(load): anchor, per-message TTL (every tenth 30 s, published first)"; message_ttl=$(anchor_run --per-message); echo "$message_ttl"
echo "load $(load): bench --timeouts 3s,30s"; mixed=$(bench_run --timeouts 3s,30s); echo "$mixed" | jq -c '{createdPerSecond, closeLatenessMs, cpuSecondsPer1000Orders, violations}'
echo "uptime after: $(uptime)"

ratio() { jq -n "$1" | xargs printf '%.2f'; }
echo
echo "created/s ÷ anchor publish/s (target ≥ 1.0):"
echo "  one timeout:    $(ratio "$(jq .createdPerSecond <<<"$one") / $(jq .publishPerS <<<"$queue_ttl")")"
echo "  mixed timeouts: $(ratio "$(jq .createdPerSecond <<<"$mixed") / $(jq .publishPerS <<<"$message_ttl")")"
echo "lateness p99 ÷ anchor per-queue-TTL p99 (target ≤ 1.0):"
echo "  one timeout:    $(ratio "$(jq .closeLatenessMs.p99 <<<"$one") / $(jq .latenessMs.p99 <<<"$queue_ttl")")"
echo "  mixed timeouts: $(ratio "$(jq .closeLatenessMs.p99 <<<"$mixed") / $(jq .latenessMs.p99 <<<"$queue_ttl")") (anchor per-message TTL: $(ratio "$(jq .closeLatenessMs.p99 <<<"$mixed") / $(jq .latenessMs.p99 <<<"$message_ttl")"))"
echo "violations: $(jq .violations <<<"$one") + $(jq .violations <<<"$mixed")"

#!/usr/bin/env bash
# Writes OTLP JSON Lines of delta sums to stdout, Collector file-exporter style, for temporality
# throughput and memory measurements: STREAMS streams (attributes pod × route) of one monotonic
# delta sum, ROUNDS contiguous 10-second windows each; every line is one request with 1000 points
# of one round, and rounds follow each other.
#
# Usage: scripts/gen-delta-jsonl.sh STREAMS ROUNDS > deltas.jsonl
#   e.g. 1000000 2 (1 M streams, 2 M points, about 410 MB); 100000 10 (1 M points, 204 MB).
set -euo pipefail

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
  exit 2
}

[[ $# -eq 2 && $1 =~ ^[0-9]+$ && $2 =~ ^[0-9]+$ && $1 -gt 0 && $2 -gt 0 ]] || usage

LC_ALL=C awk -v streams="$1" -v rounds="$2" '
BEGIN {
  head = "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"load\"}}]},\"scopeMetrics\":[{\"scope\":{\"name\":\"gen\"},\"metrics\":[{\"name\":\"requests\",\"unit\":\"{request}\",\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true,\"dataPoints\":["
  tail = "]}}]}]}]}"
  t0 = 1700000000
  for (r = 0; r < rounds; r++) {
    start = sprintf("%d000000000", t0 + 10 * r)
    end = sprintf("%d000000000", t0 + 10 * (r + 1))
    line = head
    n = 0
    for (s = 0; s < streams; s++) {
      p = "{\"attributes\":[{\"key\":\"pod\",\"value\":{\"stringValue\":\"pod-" int(s / 1000) "\"}},{\"key\":\"route\",\"value\":{\"stringValue\":\"/r/" (s % 1000) "\"}}],\"startTimeUnixNano\":\"" start "\",\"timeUnixNano\":\"" end "\",\"asInt\":\"" ((s + r) % 7) "\"}"
      line = line (n ? "," : "") p
      n++
      if (n == 1000 || s == streams - 1) {
        print line tail
        line = head
        n = 0
      }
    }
  }
}'

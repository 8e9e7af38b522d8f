#!/usr/bin/env bash
# Writes a large, realistic Prometheus text 0.0.4 file to stdout for throughput and memory
# measurements: samples/node_exporter.prom replicated over many hosts. Every replica gets its own
# instance="host-NNNNNN:9100" label, so every series is distinct, and families stay contiguous
# (each family's HELP/TYPE once, then that family's series for every host), as a federation
# endpoint or a big scrape would write them.
#
# Usage: scripts/gen-big-prom.sh [-i SAMPLE] SIZE_MB > big.prom
#   SIZE_MB  approximate output size in megabytes (10^6 bytes); the output is at least that big.
#   -i FILE  the scrape to replicate (default: samples/node_exporter.prom next to this script).
set -euo pipefail

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
  exit 2
}

here=$(cd "$(dirname "$0")" && pwd)
sample="$here/../samples/node_exporter.prom"
while getopts ":i:h" opt; do
  case "$opt" in
    i) sample=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -eq 1 && $1 =~ ^[0-9]+$ && $1 -gt 0 ]] || usage
[[ -r $sample ]] || { echo "gen-big-prom: cannot read $sample" >&2; exit 4; }

LC_ALL=C awk -v target_bytes="$(( $1 * 1000000 ))" '
  # Pass 1 (the sample file): remember each family: its comment lines and its sample lines,
  # split where the instance label goes (right after the name, or after "{").
  /^#/ {
    if (!in_header) { nfam++; in_header = 1 }
    header[nfam] = header[nfam] $0 "\n"
    header_bytes += length($0) + 1
    next
  }
  /^[ \t]*$/ { next }
  {
    in_header = 0
    if (nfam == 0) nfam = 1
    n = ++nsamples[nfam]
    brace = index($0, "{")
    space = index($0, " ")
    if (brace > 0 && brace < space) {
      head[nfam, n] = substr($0, 1, brace)            # name{
      rest = substr($0, brace + 1)
      tail[nfam, n] = (substr(rest, 1, 1) == "}" ? "" : ",") rest
    } else {
      head[nfam, n] = substr($0, 1, space - 1) "{"     # name{
      tail[nfam, n] = "}" substr($0, space)
    }
    sample_bytes += length($0) + 1
  }
  END {
    if (sample_bytes == 0) { print "gen-big-prom: no samples in input" > "/dev/stderr"; exit 3 }
    # Each replica adds instance="host-NNNNNN:9100" (27 bytes with its comma) to every line.
    per_replica = sample_bytes + 27 * total_samples()
    replicas = int((target_bytes - header_bytes + per_replica - 1) / per_replica)
    if (replicas < 1) replicas = 1
    for (f = 1; f <= nfam; f++) {
      printf "%s", header[f]
      for (r = 1; r <= replicas; r++) {
        inst = sprintf("instance=\"host-%06d:9100\"", r)
        for (s = 1; s <= nsamples[f]; s++) print head[f, s] inst tail[f, s]
      }
    }
    printf "gen-big-prom: %d families x %d hosts = %d series\n", nfam, replicas, replicas * total_samples() > "/dev/stderr"
  }
  function total_samples(   f, t) { for (f = 1; f <= nfam; f++) t += nsamples[f]; return t }
' "$sample"

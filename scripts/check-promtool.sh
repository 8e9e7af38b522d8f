#!/usr/bin/env bash
# Checks promotel's Prometheus text 0.0.4 output with promtool, the reference tooling's own parser:
# every file in samples/ is converted with `promotel convert --to prom` and piped into
# `promtool check metrics`; each .prom sample is also checked as it is.
#
# promtool check metrics exits 0 when clean, 3 when it only has lint warnings (naming advice such
# as "counter metrics should have _total suffix") and 1 when it cannot parse its input
# ("error while linting: text format parsing error ..."). Only the last is a failure here.
# promtool before 3.0 cannot read quoted UTF-8 names (samples/utf8.prom); such output is skipped
# with a note rather than failed.
#
# Usage: scripts/check-promtool.sh [SAMPLE...]
#   SAMPLE     files to check (default: every .prom and .om file in samples/)
#   PROMOTEL   environment: the command to run promotel (default: java -jar cli/target/promotel.jar)
#   PROMTOOL   environment: the promtool to use (default: promtool on PATH)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
promtool=${PROMTOOL:-promtool}
if [[ -n ${PROMOTEL:-} ]]; then
  read -r -a promotel <<<"$PROMOTEL"
else
  promotel=(java -jar "$root/cli/target/promotel.jar")
  [[ -f $root/cli/target/promotel.jar ]] || {
    echo "check-promtool: $root/cli/target/promotel.jar is missing: run mvn -B verify first (or set PROMOTEL)" >&2
    exit 2
  }
fi
command -v "$promtool" >/dev/null || {
  echo "check-promtool: promtool not found (Debian: apt-get install prometheus)" >&2
  exit 2
}

promtool_version=$("$promtool" --version 2>&1 | awk 'NR == 1 { print $3 }')
promtool_major=${promtool_version%%.*}
[[ $promtool_major =~ ^[0-9]+$ ]] || promtool_major=0
echo "check-promtool: promtool $promtool_version, promotel: ${promotel[*]}"

if [[ $# -gt 0 ]]; then
  samples=("$@")
else
  shopt -s nullglob
  samples=("$root"/samples/*.prom "$root"/samples/*.om)
  shopt -u nullglob
fi
[[ ${#samples[@]} -gt 0 ]] || { echo "check-promtool: no samples to check" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ok=0
skipped=0
failed=0

# True when 0.0.4 text uses Prometheus 3's quoted names, which promtool 2.x rejects.
has_quoted_names() {
  grep -Eq '^\{"|^# (HELP|TYPE) "|[{,]"[^"]*"=' "$1"
}

# check LABEL FILE: runs promtool over FILE and classifies the result.
check() {
  local label=$1 file=$2 rc=0
  if ((promtool_major < 3)) && has_quoted_names "$file"; then
    echo "SKIP  $label: promtool $promtool_version cannot read quoted UTF-8 names"
    skipped=$((skipped + 1))
    return
  fi
  "$promtool" check metrics <"$file" >"$work/promtool.out" 2>&1 || rc=$?
  case $rc in
    0 | 3)
      echo "OK    $label$( ((rc == 3)) && printf ' (%d lint warnings)' "$(grep -c . "$work/promtool.out")")"
      ok=$((ok + 1))
      ;;
    *)
      echo "FAIL  $label: promtool exited $rc"
      sed 's/^/      /' "$work/promtool.out"
      failed=$((failed + 1))
      ;;
  esac
}

for sample in "${samples[@]}"; do
  name=${sample#"$root"/}
  if [[ $sample == *.prom ]]; then
    check "$name (as is)" "$sample"
  fi
  out="$work/converted.prom"
  rc=0
  "${promotel[@]}" convert --to prom "$sample" >"$out" 2>"$work/promotel.err" </dev/null || rc=$?
  if ((rc != 0)); then
    echo "FAIL  $name: promotel convert --to prom exited $rc"
    sed 's/^/      /' "$work/promotel.err"
    failed=$((failed + 1))
    continue
  fi
  check "promotel convert --to prom $name" "$out"
done

echo "check-promtool: $ok ok, $skipped skipped, $failed failing"
((failed == 0))

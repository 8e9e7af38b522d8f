#!/usr/bin/env bash
# Builds promotel and installs it under a prefix (default ~/.local):
#   PREFIX/bin/promotel                                  launcher (honours JAVA_HOME, PROMOTEL_JAVA_OPTS)
#   PREFIX/share/promotel/promotel.jar                   the executable jar
#   PREFIX/share/promotel/promotel.jsa | promotel.aot    start-up archive from a training run over samples/
#   PREFIX/share/man/man1/promotel*.1                    man pages
#   PREFIX/share/bash-completion/completions/promotel    bash completion
#   PREFIX/share/zsh/site-functions/_promotel            zsh completion
#   PREFIX/share/fish/vendor_completions.d/promotel.fish fish completion
# Re-running replaces the installation; --uninstall removes exactly what the last install wrote
# (listed in PREFIX/share/promotel/install-manifest).
#
# Usage: ./install.sh [--prefix DIR] [--uninstall] [--no-build] [--help]
#   --prefix DIR  where to install (default: $HOME/.local)
#   --uninstall   remove what a previous install into DIR wrote, then empty folders it created
#   --no-build    use the jar already built in cli/target instead of running Maven
#   --help        print this help
# Requires Java 17 or newer (JAVA_HOME is honoured) and, unless --no-build, Maven.
set -euo pipefail

readonly MIN_JAVA=17
src=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
prefix="${HOME:-}/.local"
uninstall=false
build=true

say() { printf 'install.sh: %s\n' "$*"; }
die() { printf 'install.sh: error: %s\n' "$1" >&2; exit "${2:-1}"; }
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix) [[ $# -ge 2 && -n $2 ]] || die "--prefix needs a directory" 2; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; [[ -n $prefix ]] || die "--prefix needs a directory" 2; shift ;;
    --uninstall) uninstall=true; shift ;;
    --no-build) build=false; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" 2 ;;
  esac
done
[[ $prefix == /* ]] || prefix="$PWD/$prefix"
prefix=${prefix%/}

readonly share="$prefix/share/promotel"
readonly manifest="$share/install-manifest"

# --- manifest: "f PATH" for each installed file, "d PATH" for each folder this script created ---
declare -a new_files=() new_dirs=() old_files=() old_dirs=()
if [[ -f $manifest ]]; then
  while read -r kind path; do
    case "$kind" in
      f) old_files+=("$path") ;;
      d) old_dirs+=("$path") ;;
    esac
  done <"$manifest"
fi

contains() {
  local needle=$1 item
  shift
  for item in "$@"; do [[ $item == "$needle" ]] && return 0; done
  return 1
}

# Creates DIR and its missing parents, remembering which ones did not exist before.
ensure_dir() {
  local dir=$1 missing=()
  while [[ ! -d $dir ]]; do
    missing=("$dir" "${missing[@]}")
    dir=$(dirname "$dir")
  done
  local d
  for d in "${missing[@]}"; do
    mkdir "$d"
    new_dirs+=("$d")
  done
}

# Copies SRC to DEST with MODE through a temporary file, so a running promotel never sees half a file.
put() {
  local mode=$1 from=$2 to=$3
  ensure_dir "$(dirname "$to")"
  local tmp="$to.tmp.$$"
  cp "$from" "$tmp"
  chmod "$mode" "$tmp"
  mv -f "$tmp" "$to"
  new_files+=("$to")
  say "installed $to"
}

remove_installed() {
  local path
  for path in "$@"; do
    if [[ -e $path || -L $path ]]; then
      rm -f "$path"
      say "removed $path"
    fi
  done
}

# Removes the folders an install created, deepest first, when they are empty.
remove_created_dirs() {
  local i
  for ((i = $# ; i >= 1; i--)); do
    local dir=${!i}
    if [[ -d $dir ]] && rmdir "$dir" 2>/dev/null; then say "removed empty folder $dir"; fi
  done
}

if $uninstall; then
  [[ -f $manifest ]] || die "nothing to uninstall: no $manifest" 1
  remove_installed "${old_files[@]}"
  rm -f "$manifest"
  remove_created_dirs "${old_dirs[@]}"
  say "uninstalled promotel from $prefix"
  exit 0
fi

# --- Java and Maven ---
if [[ -n ${JAVA_HOME:-} ]]; then
  java="$JAVA_HOME/bin/java"
  [[ -x $java ]] || die "JAVA_HOME is set to $JAVA_HOME but $java is not executable"
else
  java=$(command -v java) || die "no java on PATH: install Java $MIN_JAVA or newer, or set JAVA_HOME"
fi
java_version=$("$java" -XshowSettings:properties -version 2>&1 |
  awk -F' = ' '$1 ~ /^ *java\.specification\.version$/ { print $2 }')
java_feature=${java_version#1.}
java_feature=${java_feature%%.*}
[[ $java_feature =~ ^[0-9]+$ ]] || die "cannot tell the version of $java"
((java_feature >= MIN_JAVA)) || die "$java is Java $java_version; promotel needs Java $MIN_JAVA or newer (set JAVA_HOME)"
java_real=$(readlink -f "$java")
say "using Java $java_version at $java_real"

jar="$src/cli/target/promotel.jar"
if $build; then
  command -v mvn >/dev/null || die "Maven (mvn) is not on PATH: install it, or build elsewhere and use --no-build"
  say "building: mvn -B -q -DskipTests package (in $src)"
  (cd "$src" && mvn -B -q -Dstyle.color=never -DskipTests package) || die "the Maven build failed"
fi
[[ -f $jar ]] || die "$jar does not exist: run without --no-build, or build with mvn -DskipTests package"

# --- files ---
put 644 "$jar" "$share/promotel.jar"

shopt -s nullglob
man_pages=("$src"/man/man1/*.1)
shopt -u nullglob
if [[ ${#man_pages[@]} -eq 0 ]]; then
  say "warning: no man pages in $src/man/man1; skipped"
fi
for page in "${man_pages[@]}"; do
  put 644 "$page" "$prefix/share/man/man1/$(basename "$page")"
done

completions="$src/cli/target/completions"
install_completion() {
  if [[ -f $completions/$1 ]]; then
    put 644 "$completions/$1" "$2"
  else
    say "warning: $completions/$1 was not built; skipped"
  fi
}
install_completion promotel.bash "$prefix/share/bash-completion/completions/promotel"
install_completion _promotel "$prefix/share/zsh/site-functions/_promotel"
install_completion promotel.fish "$prefix/share/fish/vendor_completions.d/promotel.fish"

# --- start-up archive ---
# JDK 17-24: a static class-data-sharing archive from class lists of several training runs. Unlike
# a dynamic archive (-XX:ArchiveClassesAtExit) it also holds picocli's Java 5 class files.
# JDK 25+: an AOT cache (classes loaded and linked ahead of time) from one training run.
# Either is tied to this JDK build and this jar; the launcher uses it only with the same java
# and the JVM ignores it silently if the JDK was updated in place.
installed_jar="$share/promotel.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
archive_opt=""
log_opts=""
rm -f "$share/promotel.jsa" "$share/promotel.aot"
runs=0
# One training run of the installed jar, from the source folder so sample paths stay short.
# Exit codes are ignored (validate may exit 3): only the classes it loads matter.
train() {
  runs=$((runs + 1))
  say "training run: promotel $*"
  (cd "$src" && "$java" -Xshare:off -XX:+UseSerialGC -XX:DumpLoadedClassList="$work/$runs.classlist" \
    -jar "$installed_jar" "$@" >/dev/null 2>&1 </dev/null) || true
}
if ((java_feature >= 25)); then
  archive="$share/promotel.aot"
  say "training the AOT cache: promotel convert --to om samples/node_exporter.prom samples/app.om"
  # As with the class lists, the run's exit code does not matter; the cache is written at exit.
  (cd "$src" && "$java" -XX:AOTCacheOutput="$archive" -Xlog:aot=off -Xlog:cds=off -XX:+UseSerialGC \
    -jar "$installed_jar" convert --to om samples/node_exporter.prom samples/app.om \
    >"$work/train.out" 2>&1 </dev/null) || true
  if [[ -f $archive ]]; then
    archive_opt="-XX:AOTCache=$archive"
    log_opts="-Xlog:aot=off -Xlog:cds=off"
  fi
else
  archive="$share/promotel.jsa"
  train --version
  train --help
  train formats
  train convert --to om samples/node_exporter.prom
  train convert --to prom samples/app.om
  train validate samples/app.om
  train completion bash
  shopt -s nullglob
  lists=("$work"/*.classlist)
  shopt -u nullglob
  if [[ ${#lists[@]} -gt 0 ]]; then
    awk '!seen[$0]++' "${lists[@]}" >"$work/promotel.classlist"
    if "$java" -Xshare:dump -XX:+UseSerialGC -XX:SharedClassListFile="$work/promotel.classlist" \
      -XX:SharedArchiveFile="$archive" -cp "$installed_jar" >"$work/dump.out" 2>&1 && [[ -f $archive ]]; then
      chmod 644 "$archive"
      archive_opt="-XX:SharedArchiveFile=$archive"
      log_opts="-Xlog:cds=off"
    fi
  fi
fi
if [[ -n $archive_opt ]]; then
  new_files+=("$archive")
  say "installed $archive"
else
  rm -f "$archive"
  say "warning: could not create the start-up archive; promotel works, but starts slower"
fi

# --- launcher ---
launcher="$work/promotel"
# Quotes a value for sh: single quotes, with each ' written as '\''.
sh_quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }
{
  cat <<'EOF'
#!/bin/sh
# promotel launcher, written by install.sh (re-run it to regenerate this file).
# JAVA_HOME selects the java to run (else java on PATH); PROMOTEL_JAVA_OPTS adds JVM options
# (split on spaces). A -XX:+Use...GC option there replaces the default serial collector; any
# heap-sizing option there (-Xms, -Xmx, -Xmn, -XX:...Heap..., -XX:...RAM..., -XX:...NewSize...,
# -XX:SurvivorRatio) replaces the default heap shape below.
# Class-data sharing is on by default (-Xshare:auto); an archive or AOT cache made at install
# time is added for the java it was made with.
EOF
  printf 'home=%s\n' "$(sh_quote "$share")"
  printf 'trained_java=%s\n' "$(sh_quote "$java_real")"
  printf 'archive_opt=%s\n' "$(sh_quote "$archive_opt")"
  printf 'log_opts=%s\n' "$(sh_quote "$log_opts")"
  cat <<'EOF'
if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
else
  java=$(command -v java) || java=
fi
if [ -z "$java" ] || [ ! -x "$java" ]; then
  echo "promotel: no Java found: install Java 17 or newer, or set JAVA_HOME" >&2
  exit 70
fi
gc=-XX:+UseSerialGC
case " ${PROMOTEL_JAVA_OPTS:-} " in
  *" -XX:+Use"*GC" "*) gc= ;;
esac
# Heap shape for streaming conversions, whose live data is a few tens of MB whatever the input
# size. Left alone, the JVM starts with 1/64 of RAM (about 400 MB on a 24 GB machine), so the
# old generation fills with short-lived garbage promoted early before its first full collection,
# and peak RSS grows past 450 MB on a 1 GB input. A 160 MB initial heap keeps RSS near 250 MB;
# the 96 MB young generation with large survivor spaces (SurvivorRatio=4: 64 MB eden, 2 x 16 MB
# survivors) lets families buffered across a few collections die young instead of being promoted.
# No -Xmx: the maximum stays the JVM's default (1/4 of RAM), so an input that really needs more
# memory (a huge family, a command that holds its input) grows the heap instead of failing.
heap="-Xms160m -Xmn96m -XX:SurvivorRatio=4"
case " ${PROMOTEL_JAVA_OPTS:-} " in
  *" -Xms"* | *" -Xmx"* | *" -Xmn"* | *" -XX:"*Heap* | *" -XX:"*RAM* | *" -XX:"*NewSize* \
    | *" -XX:SurvivorRatio"*) heap= ;;
esac
# JIT: a conversion of tens of MB ends while the optimising compiler is still warming up, and on
# a 2-core machine its thread competes with reading and writing. Smaller inlining limits make
# each of its compilations several times cheaper for little loss in compiled speed (101 MB
# 0.0.4 -> otlp-pb 1.4 s instead of 1.9 s, 1 GB about the same); without argument and return
# type profiles (TypeProfileLevel=0) the profiled code runs a little faster (a further 2-5 %).
# Options in PROMOTEL_JAVA_OPTS come later on the command line and win.
jit="-XX:InlineSmallCode=500 -XX:FreqInlineSize=50 -XX:MaxInlineLevel=6 -XX:TypeProfileLevel=0"
# The archive was made by one JDK build; another java gets no archive rather than a warning.
if [ -z "$archive_opt" ] || [ "$(readlink -f "$java")" != "$trained_java" ]; then
  archive_opt=
  log_opts=
fi
# shellcheck disable=SC2086 # heap, jit, log_opts and PROMOTEL_JAVA_OPTS are meant to split into words
exec "$java" ${gc:+"$gc"} $heap $jit -XX:-UsePerfData ${archive_opt:+"$archive_opt"} $log_opts ${PROMOTEL_JAVA_OPTS:-} \
  -jar "$home/promotel.jar" "$@"
EOF
} >"$launcher"
put 755 "$launcher" "$prefix/bin/promotel"

# --- manifest and clean-up of what an older install wrote but this one did not ---
stale=()
for path in "${old_files[@]}"; do
  contains "$path" "${new_files[@]}" "$manifest" || stale+=("$path")
done
remove_installed "${stale[@]}"
# Folders an older install created stay ours; they are parents of, or beside, the new ones.
kept=()
for dir in "${old_dirs[@]}"; do
  contains "$dir" "${new_dirs[@]}" || kept+=("$dir")
done
new_dirs=("${kept[@]}" "${new_dirs[@]}")
{
  for dir in "${new_dirs[@]}"; do printf 'd %s\n' "$dir"; done
  for path in "${new_files[@]}"; do printf 'f %s\n' "$path"; done
  printf 'f %s\n' "$manifest"
} >"$manifest"
say "installed $manifest"

version=$("$prefix/bin/promotel" --version 2>&1) || die "the installed launcher does not start: $version"
say "done: ${version%%$'\n'*}"
case ":${PATH:-}:" in
  *":$prefix/bin:"*) ;;
  *) say "note: $prefix/bin is not on PATH; add it, e.g. export PATH=\"$prefix/bin:\$PATH\"" ;;
esac

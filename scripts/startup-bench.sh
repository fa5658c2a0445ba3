#!/usr/bin/env bash
# Start-up benchmark: how long `paperdex search` takes as a whole process (launcher, JVM, index
# open, query, output) on an existing index, with the machine warm.
#
#   scripts/startup-bench.sh [--index DIR] [--query WORDS] [RUNS] [LAUNCHER...]
#
# Indexes data/ into a temporary directory (or searches the existing index DIR, read only, with --index:
# for example a large one built with `paperdex index`), runs each launcher a few times to warm up (which also
# lets it record its start-up cache, waited for), then runs `LAUNCHER --index DIR search "KV cache"` (or the --query)
# RUNS times (default 30) for each, in turn, and prints the median, lowest and highest wall time and
# the median CPU time (user + system, all processes) of each. The launchers default to ./paperdex
# and ./paperdex with PAPERDEX_STARTUP_CACHE=off; name others to compare, each with any words to run
# it with: scripts/startup-bench.sh 30 ../old/paperdex ./paperdex "env PAPERDEX_STARTUP_CACHE=off ./paperdex"
set -euo pipefail

ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
runs=30 given_index='' query='KV cache'
while [[ ${1:-} == --index || ${1:-} == --query ]]; do
  if (($# < 2)); then
    echo "startup-bench.sh: $1 needs a value" >&2
    exit 2
  fi
  if [[ $1 == --index ]]; then given_index=$2; else query=$2; fi
  shift 2
done
if [[ -n $given_index && ! -d $given_index ]]; then
  echo "startup-bench.sh: no index directory $given_index" >&2
  exit 2
fi
if [[ ${1:-} =~ ^[0-9]+$ ]]; then
  runs=$1
  shift
fi
# Each configuration: a label, then the command's environment assignments and launcher.
labels=() commands=()
if (($# == 0)); then
  labels=("./paperdex" "./paperdex, PAPERDEX_STARTUP_CACHE=off")
  commands=("$ROOT/paperdex" "env PAPERDEX_STARTUP_CACHE=off $ROOT/paperdex")
else
  for command in "$@"; do # a launcher, after any words to run it with ("env NAME=VALUE")
    launcher=${command##* } prefix=${command%"$launcher"}
    labels+=("$command")
    commands+=("$prefix$(cd -P -- "$(dirname -- "$launcher")" && pwd -P)/$(basename -- "$launcher")")
  done
fi

times_file=$(mktemp "${TMPDIR:-/tmp}/paperdex-bench.XXXXXX")
if [[ -n $given_index ]]; then
  index=$given_index
  trap 'rm -f -- "$times_file"' EXIT
  index_name=$index
else
  index=$times_file.index
  trap 'rm -rf -- "$index" "$times_file"' EXIT
  "$ROOT/paperdex" --index "$index" index "$ROOT/data" >/dev/null 2>&1
  index_name=data/
fi

now_us=0
now() { # sets now_us to the time of day in microseconds
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    local t=${EPOCHREALTIME/[.,]/}
    now_us=$((10#$t))
  else
    now_us=$(($(date +%s%N) / 1000))
  fi
}
cpu_us=0
children_cpu() { # sets cpu_us to the user + system time of all finished children (`times`, no subshell)
  local user sys
  times >"$times_file"
  { read -r _ _ && read -r user sys; } <"$times_file"
  cpu_us=$(($(seconds_to_us "$user") + $(seconds_to_us "$sys")))
}
seconds_to_us() { # "1m2.345s" -> 62345000
  local t=${1%s} minutes seconds whole frac
  minutes=${t%%m*} seconds=${t#*m}
  whole=${seconds%.*} frac=${seconds#*.}
  frac=${frac}000000
  echo $((10#$minutes * 60000000 + 10#$whole * 1000000 + 10#${frac:0:6}))
}
wall=0 cpu=0
run_once() { # COMMAND: sets wall and cpu, in microseconds
  local start cpu_start
  children_cpu
  cpu_start=$cpu_us
  now
  start=$now_us
  # shellcheck disable=SC2086 # the command holds its env assignments and launcher as words
  $1 --index "$index" search "$query" >/dev/null
  now
  wall=$((now_us - start))
  children_cpu
  cpu=$((cpu_us - cpu_start))
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ms() { awk -v us="$1" 'BEGIN { printf "%.0f", us / 1000 }'; }

for i in "${!commands[@]}"; do
  for _ in 1 2 3; do run_once "${commands[$i]}"; done
  startup=$(dirname -- "${commands[$i]##* }")/cli/target/startup
  for _ in $(seq 300); do
    compgen -G "$startup/*.lock" >/dev/null || break
    sleep 1
  done
  run_once "${commands[$i]}"
done

declare -A walls=() cpus=()
for _ in $(seq "$runs"); do
  for i in "${!commands[@]}"; do
    run_once "${commands[$i]}"
    walls[$i]+="$wall"$'\n'
    cpus[$i]+="$cpu"$'\n'
  done
done

echo "paperdex search \"$query\" on $index_name, $runs runs each, $(nproc 2>/dev/null || echo ?) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
printf '%-45s %10s %8s %8s %10s\n' launcher "median ms" "min ms" "max ms" "CPU ms"
for i in "${!commands[@]}"; do
  printf '%-45s %10s %8s %8s %10s\n' "${labels[$i]}" \
    "$(ms "$(printf '%s' "${walls[$i]}" | median)")" \
    "$(ms "$(printf '%s' "${walls[$i]}" | sort -n | head -n 1)")" \
    "$(ms "$(printf '%s' "${walls[$i]}" | sort -n | tail -n 1)")" \
    "$(ms "$(printf '%s' "${cpus[$i]}" | median)")"
done

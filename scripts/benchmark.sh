#!/usr/bin/env bash
# paperdex against SQLite FTS5, in one run, on the same records and queries; see README "Benchmark".
#
#   scripts/benchmark.sh [--source DIR] [--work DIR] [--results DIR] [--sizes "25000 50000 100000 200000 all"]
#                        [--runs N] [--query-runs N] [--search-runs N] [--queries N]
#
# Builds paperdex (and the bench module), cuts the Kaggle records of --source into subsets under --work (not in the
# repository), writes the query set, then for each subset indexes it with `paperdex index` and with FTS5 (--runs
# times each), and on the largest subset measures warm query latency in-process and whole-process `paperdex search`.
# Prints a table with the ratio paperdex/FTS5 and writes results.json and results.csv to --results.
set -euo pipefail
ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)

source_dir=$ROOT/../shared/data/arxiv-kaggle-format
work=${TMPDIR:-/tmp}/paperdex-bench
results=''
sizes='25000 50000 100000 200000 all'
runs=3
query_runs=3
search_runs=5
queries=1200
while (($#)); do
  case $1 in
    --source) source_dir=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --query-runs) query_runs=$2; shift 2 ;;
    --search-runs) search_runs=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "benchmark: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
results=${results:-$work/results}
if [[ ! -d $source_dir ]]; then
  echo "benchmark: no Kaggle records at $source_dir: name a directory of Kaggle JSON lines with --source" >&2
  exit 1
fi
command -v python3 >/dev/null || { echo "benchmark: needs python3 (with its built-in sqlite3)" >&2; exit 1; }
python3 -c 'import sqlite3; sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(a)")' \
  || { echo "benchmark: this python3's sqlite3 has no FTS5" >&2; exit 1; }

# shellcheck source=scripts/find-jdk.sh
. "$ROOT/scripts/find-jdk.sh"
paperdex_find_jdk || exit 1
mkdir -p "$work"
echo "benchmark: building paperdex with $JAVA_HOME" >&2
mvn -q -B -DskipTests -f "$ROOT/pom.xml" package </dev/null >"$work/build.log" 2>&1 \
  || { echo "benchmark: the build failed; see $work/build.log" >&2; exit 1; }
# Maven may keep the jar's old time; the launcher must not rebuild it during the timed runs.
touch "$ROOT/cli/target/paperdex.jar"
# The new jar has no start-up cache yet: let the launcher record one now, and wait for it, so that no timed run
# pays for it or shares the CPU with its recording.
"$ROOT/paperdex" --version >/dev/null 2>&1 || true
for ((waited = 0; waited < 600; waited++)); do
  compgen -G "$ROOT/cli/target/startup/*.lock" >/dev/null || break
  sleep 1
done

# shellcheck disable=SC2086
python3 "$ROOT/scripts/bench_prepare.py" "$source_dir" "$work" $sizes --queries "$queries"
# shellcheck disable=SC2086
python3 "$ROOT/scripts/bench_run.py" "$ROOT" "$work" "$results" --sizes $sizes --runs "$runs" \
  --query-runs "$query_runs" --search-runs "$search_runs"

#!/usr/bin/env bash
# Runs each libFuzzer harness (built by the fuzz preset into build-fuzz/) for RUNS inputs from its
# seed corpus, with a fixed random seed (so a run is repeatable: what passes here passes in CI), and
# prints its time and executions per second. Exit 1 when any harness finds a crash, a leak or a
# timeout: the input is kept under build-fuzz/crashes/NAME/; add it to fuzz/regressions/NAME/ with
# the fix, where every test build replays it.
#   fuzz/run.sh [RUNS] [SEED]   (default 40000 inputs a harness, about a minute each here; seed 1)
#   STORYPLOT_FUZZ_ONLY="basemap style" fuzz/run.sh   runs only the harnesses named
set -uo pipefail
cd "$(dirname "$0")/.."
runs_wanted=${1:-40000}
seed=${2:-1}
status=0
for name in ${STORYPLOT_FUZZ_ONLY:-story article basemap style pmtiles}; do
  bin=build-fuzz/fuzz/${name}_fuzzer
  [[ -x $bin ]] || { echo "fuzz: $bin is not built (cmake --preset fuzz && cmake --build --preset fuzz)"; exit 1; }
  corpus=$(mktemp -d)
  crashes=build-fuzz/crashes/$name
  mkdir -p "$crashes"
  seeds=(fuzz/corpus/$name fuzz/regressions/$name)
  [[ $name == story ]] && seeds+=(assets/stories)
  [[ $name == article ]] && seeds+=(tests/data/articles)
  log=build-fuzz/fuzz-$name.log
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 "$bin" -runs="$runs_wanted" -seed="$seed" -max_total_time=600 -timeout=10 -rss_limit_mb=4096 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "${seeds[@]}" >"$log" 2>&1
  code=$?
  seconds=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*')
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  per_second=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
  echo "fuzz: $name: ${runs:-?} inputs in ${seconds:-?} s (${per_second:-?}/s), corpus $(ls "$corpus" | wc -l) files, exit $code"
  if ((code != 0)); then
    status=1
    grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -20
  fi
  rm -rf "$corpus"
done
exit $status

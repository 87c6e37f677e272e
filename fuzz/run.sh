#!/usr/bin/env bash
# Runs each libFuzzer harness (built by the fuzz preset into build-fuzz/) for SECONDS, from its seed
# corpus, and prints its executions per second. Exit 1 when any harness finds a crash, a leak or a
# timeout: the input is kept under build-fuzz/crashes/NAME/; add it to fuzz/regressions/NAME/ with
# the fix, where every test build replays it.
#   fuzz/run.sh [SECONDS]   (default 60)
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
status=0
for name in story article basemap; do
  bin=build-fuzz/fuzz/${name}_fuzzer
  [[ -x $bin ]] || { echo "fuzz: $bin is not built (cmake --preset fuzz && cmake --build --preset fuzz)"; exit 1; }
  corpus=$(mktemp -d)
  crashes=build-fuzz/crashes/$name
  mkdir -p "$crashes"
  seeds=(fuzz/corpus/$name fuzz/regressions/$name)
  [[ $name == story ]] && seeds+=(assets/stories)
  [[ $name == article ]] && seeds+=(tests/data/articles)
  log=build-fuzz/fuzz-$name.log
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "${seeds[@]}" >"$log" 2>&1
  code=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  per_second=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
  echo "fuzz: $name: ${runs:-?} inputs in ${seconds} s (${per_second:-?}/s), corpus $(ls "$corpus" | wc -l) files, exit $code"
  if ((code != 0)); then
    status=1
    grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -20
  fi
  rm -rf "$corpus"
done
exit $status

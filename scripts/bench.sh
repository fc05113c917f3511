#!/usr/bin/env bash
# Builds and runs the benchmarks: the JMH suite (results as JSON), the C baseline of scenario 1
# (built with the system cc), then the memory and thread checks, each in JVMs of their own.
#
#   scripts/bench.sh smoke   one fork, one short iteration per benchmark: proves that every
#                            benchmark runs (CI); fails if one does not; writes no report
#   scripts/bench.sh quick   one fork, a few short iterations (about 3 minutes on 2 cores);
#                            writes docs/benchmarks.md, for a first look only
#   scripts/bench.sh full    three forks (about 20 minutes on 2 cores); writes
#                            docs/benchmarks.md, the figures to publish
#   scripts/bench.sh report quick|full
#                            writes docs/benchmarks.md again from the results of the last
#                            run of that mode (after editing benchmarks/NOTES.md, say)
#
# Results, logs and load-average samples go to benchmarks/target/bench/. Uses the java of
# JAVA_HOME when set, else the one on the PATH. Run it on a quiet machine: other work widens
# the errors, and the report records the load average to show how quiet it was.
set -euo pipefail
cd "$(dirname "$0")/.."

out=benchmarks/target/bench
jar=benchmarks/target/benchmarks.jar
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
report=("$java" -cp "$jar" dev.cuprum.benchmarks.report.Report)

mode="${1:-}"
if [[ "$mode" == report ]]; then
  args_file="$out/report-args-${2:-full}"
  if [[ ! -f "$args_file" ]]; then
    echo "FAIL: no results of a ${2:-full} run in $out" >&2
    exit 1
  fi
  mapfile -t report_args < "$args_file"
  exec "${report[@]}" "${report_args[@]}"
fi
# c_options: rounds, commands per round, warm-up commands of the C baseline.
case "$mode" in
  smoke) jmh_options=(-f 1 -wi 1 -w 500ms -i 1 -r 500ms); c_options=(1 200 100) ;;
  quick) jmh_options=(-f 1 -wi 2 -w 1s -i 4 -r 1s); c_options=(4 1000 500) ;;
  full) jmh_options=(-f 3 -wi 3 -w 2s -i 8 -r 2s); c_options=(24 1000 1000) ;;
  *)
    echo "usage: $0 smoke|quick|full, or $0 report quick|full" >&2
    exit 2
    ;;
esac

begin=$SECONDS

echo "=== Building the benchmarks"
mvn -B -q -pl benchmarks -am package -DskipTests
mkdir -p "$out"

load_file="$out/load-$mode.txt"
sample_load() {
  echo "$(date -u +%H:%M:%S) $(cut -d ' ' -f 1-3 /proc/loadavg)" >> "$load_file"
}
: > "$load_file"
sample_load
echo "=== Load average before the run: $(cut -d ' ' -f 1-3 /proc/loadavg)"
stop_file="$out/.stop-load-sampling"
rm -f "$stop_file"
(
  while [[ ! -e "$stop_file" ]]; do
    for _ in 1 2 3 4 5 6; do
      sleep 5
      [[ -e "$stop_file" ]] && exit 0
    done
    sample_load
  done
) &
sampler=$!
stop_sampling() {
  touch "$stop_file"
  wait "$sampler" 2>/dev/null || true
}
trap stop_sampling EXIT

started="$(date -u '+%Y-%m-%d %H:%M UTC')"
jmh_json="$out/jmh-$mode.json"
jmh_log="$out/jmh-$mode.log"
# The native launcher needs JDK 22 or later: on an older JDK its benchmarks are left out.
feature="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if (( ${feature%%.*} < 22 )); then
  jmh_options+=(-e 'cuprumNative')
fi
echo "=== JMH ($mode: ${jmh_options[*]}), log in $jmh_log"
if ! "$java" -jar "$jar" "${jmh_options[@]}" -foe true -rf json -rff "$jmh_json" > "$jmh_log" 2>&1; then
  tail -n 60 "$jmh_log" >&2
  echo "FAIL: a benchmark failed; the whole log is in $jmh_log" >&2
  exit 1
fi
sed -n '/^Benchmark  /,$p' "$jmh_log"

# The floor of scenario 1: the same work in C, posix_spawn and waitpid, no JVM.
c_spawn="$out/spawn-true"
c_results="$out/c-spawn-$mode.txt"
echo "=== C baseline of scenario 1 (posix_spawn of /bin/true, ${c_options[*]})"
cc -O2 -Wall -o "$c_spawn" benchmarks/src/main/c/spawn-true.c
"$c_spawn" "${c_options[@]}" > "$c_results"

resources_json="$out/resources-$mode.json"
echo "=== Memory and threads"
"$java" -cp "$jar" dev.cuprum.benchmarks.ResourceCheck "$resources_json"

stop_sampling
trap - EXIT
sample_load
finished="$(date -u '+%Y-%m-%d %H:%M UTC')"

if [[ "$mode" == smoke ]]; then
  "${report[@]}" check --jmh "$jmh_json" --resources "$resources_json" --c-spawn "$c_results"
else
  commit="$(git describe --always --dirty 2>/dev/null || echo unknown)"
  report_args=(write --jmh "$jmh_json" --resources "$resources_json" --c-spawn "$c_results" --out docs/benchmarks.md --mode "$mode"
    --started "$started" --finished "$finished" --commit "$commit" --load "$load_file" --notes benchmarks/NOTES.md)
  printf '%s\n' "${report_args[@]}" > "$out/report-args-$mode"
  "${report[@]}" "${report_args[@]}"
fi
echo "=== bench.sh $mode took $((SECONDS - begin)) s; load average now: $(cut -d ' ' -f 1-3 /proc/loadavg)"

#!/usr/bin/env bash
# End-to-end check of the sample's metrics: a real Prometheus scrapes the sample on loopback, the
# API is driven with curl, and Prometheus's query API must then hold the cuprum series with the
# expected labels and counts. Installs Debian's prometheus package when it is missing and builds
# the sample's jar when it is missing; everything it starts, it stops. Ends with PASS or FAIL.
set -euo pipefail

readonly E2E_NAME=e2e-prometheus
# shellcheck source=scripts/e2e-lib.sh
source "$(dirname "$0")/e2e-lib.sh"
e2e_init

e2e_require_commands curl jq git
if ! command -v prometheus >/dev/null 2>&1; then
  e2e_apt_install prometheus
fi
e2e_ensure_sample_jar

e2e_deadline 150
app_port="$(e2e_free_port)"
e2e_start_sample "$app_port"
e2e_wait_sample "$app_port"
app="http://127.0.0.1:$app_port"

e2e_start_prometheus cuprum-sample "$app_port"
prometheus="$E2E_PROMETHEUS"

# Seven echo runs (three single, a batch of four), two git runs (the git status request reads the
# repository's settings, then runs git status), and one refused request that
# must not count as a run.
git -c init.defaultBranch=main -C "$E2E_TMP/git-root" init -q
for text in one two three; do
  e2e_post_json "$app/api/echo" "{\"text\": \"$text\"}" >/dev/null
done
batch="$(e2e_post_json "$app/api/batch" '{"texts": ["a", "b", "c", "d"], "concurrency": 2}')"
[[ "$batch" == "$(e2e_batch_answer a b c d)" ]] || e2e_fail "unexpected batch response: $batch"
curl -fsS --max-time 30 -o /dev/null "$app/api/git/status?dir=$E2E_TMP/git-root" || e2e_fail "git status failed"
refused="$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"text": ""}' "$app/api/echo")"
[[ "$refused" == 400 ]] || e2e_fail "an empty text answered $refused, not 400"
e2e_log "drove the API: 7 echo runs, 2 git runs, 1 refused request"

# query PROMQL JQ_FILTER: the filter applied to the instant query's result vector.
query() {
  curl -fsS --max-time 5 --get --data-urlencode "query=$1" "$prometheus/api/v1/query" | jq -r "$2"
}

# shellcheck disable=SC2317 # called through e2e_until
scraped_everything() {
  [[ "$(query 'sum(cuprum_exec_seconds_count{job="cuprum-sample"})' '.data.result[0].value[1] // "0"')" == 9 ]]
}
e2e_until 60 "9 runs in cuprum_exec_seconds_count" scraped_everything

instance="127.0.0.1:$app_port"
# Every series, labels and value, one a line, so that an extra or a missing series shows.
executions="$(query 'cuprum_executions_total' \
  '.data.result[] | .metric | del(.__name__) | to_entries | map("\(.key)=\(.value)") | join(",")' | sort)"
executions_values="$(query 'cuprum_executions_total' \
  '.data.result[] | "\(.metric.program) \(.value[1])"' | sort)"
expected_executions="$(printf '%s\n' \
  "instance=$instance,job=cuprum-sample,program=echo,project=sample" \
  "instance=$instance,job=cuprum-sample,program=git,project=sample")"
[[ "$executions" == "$expected_executions" ]] \
  || e2e_fail "cuprum_executions_total series are"$'\n'"$executions"$'\n'"expected"$'\n'"$expected_executions"
[[ "$executions_values" == $'echo 7\ngit 2' ]] \
  || e2e_fail "cuprum_executions_total values are"$'\n'"$executions_values"$'\n'"expected echo 7, git 2"

exec_counts="$(query 'cuprum_exec_seconds_count' \
  '.data.result[] | .metric | del(.__name__) | to_entries | map("\(.key)=\(.value)") | join(",")' | sort)"
exec_values="$(query 'cuprum_exec_seconds_count' '.data.result[] | "\(.metric.cuprum_program) \(.value[1])"' | sort)"
expected_exec_counts="$(printf '%s\n' \
  "cuprum_exit_code=0,cuprum_outcome=SUCCESS,cuprum_program=echo,cuprum_project=sample,error=none,instance=$instance,job=cuprum-sample" \
  "cuprum_exit_code=0,cuprum_outcome=SUCCESS,cuprum_program=git,cuprum_project=sample,error=none,instance=$instance,job=cuprum-sample")"
[[ "$exec_counts" == "$expected_exec_counts" ]] \
  || e2e_fail "cuprum_exec_seconds_count series are"$'\n'"$exec_counts"$'\n'"expected"$'\n'"$expected_exec_counts"
[[ "$exec_values" == $'echo 7\ngit 2' ]] \
  || e2e_fail "cuprum_exec_seconds_count values are"$'\n'"$exec_values"$'\n'"expected echo 7, git 2"

# The timer's histogram buckets (cuprum.observations.timer-buckets): every run is in the +Inf
# bucket, and histogram_quantile gives a latency for each program.
buckets="$(query 'count(count by (le) (cuprum_exec_seconds_bucket{cuprum_program="echo"}))' '.data.result[0].value[1] // "0"')"
[[ "$buckets" == 13 ]] || e2e_fail "cuprum_exec_seconds_bucket has $buckets buckets for echo, expected 12 bounds and +Inf"
in_inf="$(query 'sum by (cuprum_program) (cuprum_exec_seconds_bucket{le="+Inf"})' \
  '.data.result[] | "\(.metric.cuprum_program) \(.value[1])"' | sort)"
[[ "$in_inf" == $'echo 7\ngit 2' ]] || e2e_fail "the +Inf buckets hold"$'\n'"$in_inf"$'\n'"expected echo 7, git 2"
p95="$(query 'histogram_quantile(0.95, sum by (le) (cuprum_exec_seconds_bucket{cuprum_program="echo"}))' \
  '.data.result[0].value[1] // "none"')"
[[ "$p95" =~ ^[0-9.e+-]+$ ]] || e2e_fail "histogram_quantile over cuprum_exec_seconds_bucket gave '$p95'"

# Prometheus scrapes OpenMetrics, where each bucket carries a trace exemplar of a command that fell
# into it (the sample samples every trace).
exemplars="$(curl -fsS --max-time 5 --get --data-urlencode 'query=cuprum_exec_seconds_bucket' \
  --data-urlencode "start=$(( $(date +%s) - 600 ))" --data-urlencode "end=$(( $(date +%s) + 60 ))" \
  "$prometheus/api/v1/query_exemplars" | jq '[.data[].exemplars[] | select(.labels.trace_id != null)] | length')"
[[ "$exemplars" -ge 1 ]] || e2e_fail "no trace exemplar on cuprum_exec_seconds_bucket"

failures="$(query 'sum(cuprum_failures_total)' '.data.result[0].value[1] // "0"')"
[[ "$failures" == 0 ]] || e2e_fail "cuprum_failures_total is $failures, expected 0"

# No tracing endpoint is set: nothing may have tried to export spans.
e2e_check_sample_log

e2e_pass "Prometheus scraped cuprum_exec_seconds_count and cuprum_executions_total: echo 7, git 2, both SUCCESS in project sample; 13 buckets per program, p95 of echo $p95 s, $exemplars bucket exemplars"

#!/usr/bin/env bash
# End-to-end check of the sample's traces: a Zipkin server on loopback receives the sample's
# spans, a batch is run through the API, and Zipkin's API must then show the batch's commands
# ("cuprum.exec echo") as children of the "cuprum.batch" span, itself a child of the HTTP server
# span of the request. Then a job runs an instrumented program (scripts/report-span.sh) that
# reports a span of its own from the TRACEPARENT Cuprum gave it: that span must be a child of the
# command's span. Fetches Zipkin's exec jar from Maven Central (through Maven) and builds the
# sample's jar when they are missing; everything it starts, it stops. Ends with PASS or FAIL.
set -euo pipefail

readonly E2E_NAME=e2e-zipkin
# shellcheck source=scripts/e2e-lib.sh
source "$(dirname "$0")/e2e-lib.sh"
e2e_init

readonly ZIPKIN_DIR="$E2E_ROOT/target/e2e"
readonly ZIPKIN_JAR="$ZIPKIN_DIR/zipkin-server-exec.jar"

e2e_require_commands curl jq
if [[ ! -f "$ZIPKIN_JAR" ]]; then
  e2e_log "fetching the latest io.zipkin:zipkin-server exec jar into $ZIPKIN_DIR"
  (cd "$E2E_ROOT" && timeout 600 mvn -B -q -N \
    org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy \
    -Dartifact=io.zipkin:zipkin-server:LATEST:jar:exec \
    -DoutputDirectory="$ZIPKIN_DIR" -Dmdep.stripVersion=true) >"$E2E_TMP/zipkin-download.log" 2>&1 \
    || { tail -n 40 "$E2E_TMP/zipkin-download.log" >&2; e2e_fail "could not fetch the Zipkin server"; }
fi
e2e_ensure_sample_jar

e2e_deadline 170
zipkin_port="$(e2e_free_port)"
# Zipkin serves through Armeria, whose listening address is set per port; in-memory storage.
e2e_start zipkin env QUERY_PORT="$zipkin_port" STORAGE_TYPE=mem \
  "$(e2e_java)" "${E2E_JAVA_OPTS[@]}" -jar "$ZIPKIN_JAR" \
  "--armeria.ports[0].ip=127.0.0.1" "--armeria.ports[0].port=$zipkin_port" "--armeria.ports[0].protocols[0]=http"
zipkin="http://127.0.0.1:$zipkin_port"

app_port="$(e2e_free_port)"
report_span="$E2E_ROOT/scripts/report-span.sh"
# A short export delay only makes the spans arrive sooner; the endpoint alone turns export on.
e2e_start_sample "$app_port" \
  --management.tracing.export.zipkin.endpoint="$zipkin/api/v2/spans" \
  --management.opentelemetry.tracing.export.schedule-delay=200ms \
  --cuprum.catalogue.projects.instrumented.programs="$report_span" \
  "--sample.jobs.report-span[0]=$report_span" "--sample.jobs.report-span[1]=$zipkin"
# Zipkin first: the sample's spans of its health checks must find it.
e2e_wait_http zipkin "$zipkin/health" 120
e2e_log "Zipkin $(curl -fsS --max-time 5 "$zipkin/info" | jq -r '.zipkin.version // "of unknown version"')"
e2e_wait_sample "$app_port"
app="http://127.0.0.1:$app_port"

texts=(zipkin-a zipkin-b zipkin-c)
batch="$(e2e_post_json "$app/api/batch" "{\"texts\": $(jq -cn '$ARGS.positional' --args "${texts[@]}"), \"concurrency\": 3}")"
[[ "$batch" == "$(e2e_batch_answer "${texts[@]}")" ]] || e2e_fail "unexpected batch response: $batch"
e2e_log "ran a batch of ${#texts[@]} echo commands"

trace_id=""
# The spans reach Zipkin in several reports: wait until the request's trace is complete.
# shellcheck disable=SC2317 # called through e2e_until
trace_complete() {
  local traces
  traces="$(curl -fsS --max-time 5 --get --data-urlencode serviceName=cuprum-sample \
    --data-urlencode spanName=cuprum.batch --data-urlencode limit=10 "$zipkin/api/v2/traces")" || return 1
  [[ "$(jq 'length' <<<"$traces")" == 1 ]] || return 1
  trace_id="$(jq -r '.[0][0].traceId' <<<"$traces")"
  jq -e '.[0] | (map(select(.name == "cuprum.exec echo")) | length == 3)
    and (map(select(.kind == "SERVER")) | length >= 1)
    and (map(select(.name == "cuprum.batch")) | length == 1)' <<<"$traces" >/dev/null
}
e2e_until 60 "a trace with cuprum.batch, three cuprum.exec echo spans and the server span" trace_complete

trace="$(curl -fsS --max-time 5 "$zipkin/api/v2/trace/$trace_id")" || e2e_fail "could not read trace $trace_id"
span() {
  jq -r "$1" <<<"$trace"
}
batch_id="$(span '.[] | select(.name == "cuprum.batch") | .id')"
batch_parent="$(span '.[] | select(.name == "cuprum.batch") | .parentId // "none"')"
server="$(jq -r --arg id "$batch_parent" \
  '.[] | select(.id == $id) | "\(.kind) \(.name) parent=\(.parentId // "none")"' <<<"$trace")"
[[ "$server" == "SERVER http post /api/batch parent=none" ]] \
  || e2e_fail "the parent of cuprum.batch ($batch_parent) is '$server', not the root server span of POST /api/batch"

commands="$(jq -r --arg batch "$batch_id" '.[] | select(.name == "cuprum.exec echo")
  | "\(.parentId == $batch) \(.tags["cuprum.program"]) \(.tags["cuprum.outcome"]) \(.tags["cuprum.exit_code"]) \(.tags["process.command_args"])"' \
  <<<"$trace" | sort)"
expected="$(printf 'true echo SUCCESS 0 echo -n %s\n' "${texts[@]}")"
[[ "$commands" == "$expected" ]] \
  || e2e_fail "the cuprum.exec echo spans (parent is batch, program, outcome, exit code, argv) are"$'\n'"$commands"$'\n'"expected"$'\n'"$expected"

others="$(jq -r --arg batch "$batch_id" '.[] | select(.parentId == $batch and .name != "cuprum.exec echo") | .name' <<<"$trace")"
[[ -z "$others" ]] || e2e_fail "cuprum.batch has other children: $others"

# The instrumented child continues the trace: its span is a child of its command's span.
reported="$(curl -fsS --max-time 30 -X POST "$app/api/jobs/report-span")" || e2e_fail "the report-span job failed"
child_id="$(jq -r '.stdout' <<<"$reported" | sed -n 's/^reported //p')"
[[ -n "$child_id" ]] || e2e_fail "the report-span job printed no span id: $reported"
child=""
# shellcheck disable=SC2317 # called through e2e_until
child_reported() {
  child="$(curl -fsS --max-time 5 --get --data-urlencode serviceName=report-span --data-urlencode limit=10 \
    "$zipkin/api/v2/traces" | jq -c --arg id "$child_id" '[.[][] | select(.id == $id)] | .[0] // empty')" || return 1
  [[ -n "$child" ]]
}
e2e_until 60 "the span reported by the child process" child_reported
# The sample exports the command's span in its own time, so it may reach Zipkin after the child's.
command_span=""
# shellcheck disable=SC2317 # called through e2e_until
parent_reported() {
  local child_trace
  child_trace="$(curl -fsS --max-time 5 "$zipkin/api/v2/trace/$(jq -r '.traceId' <<<"$child")")" || return 1
  command_span="$(jq -r --arg parent "$(jq -r '.parentId' <<<"$child")" \
    '.[] | select(.id == $parent) | "\(.kind) \(.tags["process.executable.name"]) \(.tags["cuprum.outcome"])"' \
    <<<"$child_trace")"
  [[ -n "$command_span" ]]
}
e2e_until 60 "the parent of the child's span in Zipkin" parent_reported
[[ "$command_span" == "CLIENT report-span.sh SUCCESS" ]] \
  || e2e_fail "the parent of the child's span is '$command_span', not the CLIENT span of the report-span.sh command"

e2e_check_sample_log

e2e_pass "Zipkin trace $trace_id: 3 'cuprum.exec echo' spans under 'cuprum.batch' under 'http post /api/batch'; a child process's span under its 'cuprum.exec' span"

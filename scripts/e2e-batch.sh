#!/usr/bin/env bash
# End-to-end check of a batch of commands as a Spring Batch job across machines: a PostgreSQL
# server holds the job repository and the channel of partition requests; one manager and two
# worker JVMs of the sample batch application compress 2,000 files, one gzip per partition. One
# worker is killed with SIGKILL mid-run, then the manager; the job is restarted with a new worker:
# every partition must end COMPLETED exactly once in the job repository, only partitions in flight
# at the kill may have run twice (at most the worker's concurrency), the workers' metrics must add
# up in a real Prometheus, and the throughput of two workers is reported beside the same commands
# through runConcurrent in one JVM. Installs Debian's postgresql and prometheus packages when they
# are missing and builds the sample's jar when it is missing; everything it starts, it stops. Ends
# with PASS or FAIL.
set -euo pipefail

readonly E2E_NAME=e2e-batch
# shellcheck source=scripts/e2e-lib.sh
source "$(dirname "$0")/e2e-lib.sh"
e2e_init

readonly BATCH_JAR="$E2E_ROOT/sample-batch/target/cuprum-sample-batch.jar"
readonly COMMANDS=2000
readonly WORKER_CONCURRENCY=4
readonly WORKER_STEP=compress.command

postgres_bin() {
  find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1
}

e2e_require_commands curl jq gzip unzip
if [[ -z "$(postgres_bin)" ]] || ! command -v psql >/dev/null 2>&1; then
  e2e_apt_install postgresql
fi
if ! command -v prometheus >/dev/null 2>&1; then
  e2e_apt_install prometheus
fi
if [[ ! -f "$BATCH_JAR" ]]; then
  e2e_log "building $BATCH_JAR"
  (cd "$E2E_ROOT" && timeout 600 mvn -B -q -pl sample-batch -am package -DskipTests) >"$E2E_TMP/build.log" 2>&1 \
    || { tail -n 40 "$E2E_TMP/build.log" >&2; e2e_fail "the sample batch application did not build"; }
fi

e2e_deadline 420

# PostgreSQL refuses to run as root: as root, its cluster belongs to the postgres user.
as_postgres() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
pg_bin="$(postgres_bin)"
pg_dir="$E2E_TMP/postgres"
mkdir -p "$pg_dir"
if [[ "$(id -u)" -eq 0 ]]; then
  chmod 711 "$E2E_TMP"
  chown postgres "$pg_dir"
fi
pg_port="$(e2e_free_port)"
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U cuprum -E UTF8 --no-sync >"$E2E_TMP/initdb.log" 2>&1 \
  || { cat "$E2E_TMP/initdb.log" >&2; e2e_fail "initdb failed"; }
e2e_at_exit "as_postgres '$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop"
# Durability settings off: the check is about what the job repository records, not about disks.
as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start \
  >/dev/null || { cat "$pg_dir/server.log" >&2; e2e_fail "PostgreSQL did not start"; }
e2e_log "$("$pg_bin/postgres" --version) on port $pg_port"

sql() {
  psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U cuprum -d cuprum_batch "$@"
}
psql -X -q -h 127.0.0.1 -p "$pg_port" -U cuprum -d postgres -c "CREATE DATABASE cuprum_batch" >/dev/null
# The schemas of the job repository and of the channel, from the libraries in the sample's jar.
mkdir -p "$E2E_TMP/libs"
(cd "$E2E_TMP/libs" && unzip -q -j -o "$BATCH_JAR" 'BOOT-INF/lib/spring-batch-core-*.jar' \
  'BOOT-INF/lib/spring-integration-jdbc-*.jar')
unzip -p "$E2E_TMP"/libs/spring-batch-core-*.jar org/springframework/batch/core/schema-postgresql.sql | sql >/dev/null
unzip -p "$E2E_TMP"/libs/spring-integration-jdbc-*.jar org/springframework/integration/jdbc/schema-postgresql.sql \
  | sql >/dev/null

input="$E2E_TMP/input"
mkdir -p "$input"
for ((i = 0; i < COMMANDS; i++)); do
  printf 'file %d\n' "$i" >"$input/file-$i.txt"
done

export SAMPLE_BATCH_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/cuprum_batch"
export SAMPLE_BATCH_DB_USER=cuprum
app=("$(e2e_java)" "${E2E_JAVA_OPTS[@]}" -jar "$BATCH_JAR" --sample.batch.input-dir="$input")
worker_ports=()

# start_worker NAME: a worker with its own port and audit log of the commands it started.
start_worker() {
  local port
  port="$(e2e_free_port)"
  e2e_start "$1" "${app[@]}" --spring.profiles.active=worker --server.address=127.0.0.1 --server.port="$port" \
    --sample.batch.worker-concurrency="$WORKER_CONCURRENCY" --sample.batch.audit-log="$E2E_TMP/audit-$1.log"
  worker_ports+=("$port")
}

pid_of() {
  local i
  for i in "${!E2E_NAMES[@]}"; do
    if [[ "${E2E_NAMES[$i]}" == "$1" ]]; then
      echo "${E2E_PIDS[$i]}"
    fi
  done
}

partitions() {
  sql -c "SELECT count(*) FROM batch_step_execution WHERE step_name LIKE '$WORKER_STEP:%' AND status IN ($1)"
}

start_worker worker-1
start_worker worker-2
e2e_wait_http worker-1 "http://127.0.0.1:${worker_ports[0]}/actuator/health" 120
e2e_wait_http worker-2 "http://127.0.0.1:${worker_ports[1]}/actuator/health" 120

e2e_start manager "${app[@]}" --spring.profiles.active=manager --sample.batch.run=e2e
a_third_completed() {
  (($(partitions "'COMPLETED'") >= COMMANDS / 3))
}
e2e_until 120 "a third of the partitions completed" a_third_completed
kill_hard() {
  local pid
  pid="$(pid_of "$1")"
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null || true
}
kill_hard worker-1
e2e_log "killed worker-1 with SIGKILL at $(partitions "'COMPLETED'") completed partitions"

# The other worker takes every request left; what the dead worker had taken stays running forever.
queue_drained() {
  local before after
  before="$(partitions "'STARTING','STARTED'")"
  [[ "$(sql -c 'SELECT count(*) FROM int_channel_message')" -eq 0 ]] || return 1
  sleep 2
  after="$(partitions "'STARTING','STARTED'")"
  [[ "$before" -eq "$after" && "$(($(partitions "'COMPLETED'") + after))" -eq "$COMMANDS" ]]
}
e2e_until 120 "every partition but the dead worker's completed" queue_drained
in_flight="$(partitions "'STARTING','STARTED'")"
e2e_log "$in_flight partitions were in flight on worker-1 when it died"
((in_flight <= WORKER_CONCURRENCY)) || e2e_fail "$in_flight partitions in flight, more than worker-1's concurrency"
# The manager would wait for them forever: it dies too, and the job is restarted.
kill_hard manager

start_worker worker-3
e2e_wait_http worker-3 "http://127.0.0.1:${worker_ports[2]}/actuator/health" 120
e2e_start_prometheus cuprum-sample-batch "${worker_ports[1]}" "${worker_ports[2]}"

timeout 180 "${app[@]}" --spring.profiles.active=manager --sample.batch.run=e2e --sample.batch.recover=true \
  >"$E2E_TMP/restart.log" 2>&1 || { tail -n 40 "$E2E_TMP/restart.log" >&2; e2e_fail "the restarted job did not complete"; }
grep -a 'JobRunner' "$E2E_TMP/restart.log" | tail -n 1 | sed 's/^.*JobRunner *: /restart: /' >&2

# Every partition COMPLETED exactly once in the job repository, and every file compressed.
completed="$(partitions "'COMPLETED'")"
distinct="$(sql -c "SELECT count(DISTINCT step_name) FROM batch_step_execution
  WHERE step_name LIKE '$WORKER_STEP:%' AND status = 'COMPLETED'")"
[[ "$completed" -eq "$COMMANDS" && "$distinct" -eq "$COMMANDS" ]] \
  || e2e_fail "$completed COMPLETED partition executions for $distinct partitions, not $COMMANDS once each"
last_status="$(sql -c "SELECT status FROM batch_job_execution ORDER BY job_execution_id DESC LIMIT 1")"
[[ "$last_status" == COMPLETED ]] || e2e_fail "the restarted job execution is $last_status"
archives="$(find "$input" -name '*.gz' | wc -l)"
[[ "$archives" -eq "$COMMANDS" ]] || e2e_fail "$archives archives, not $COMMANDS"

# At least once: only commands in flight at the kill may have started twice.
started_twice="$(cat "$E2E_TMP"/audit-worker-*.log | sort | uniq -d | wc -l)"
started="$(cat "$E2E_TMP"/audit-worker-*.log | sort -u | wc -l)"
[[ "$started" -eq "$COMMANDS" ]] || e2e_fail "$started distinct commands started, not $COMMANDS"
((started_twice <= in_flight)) || e2e_fail "$started_twice commands started twice, more than the $in_flight in flight"

# The live workers' metrics add up in Prometheus to the commands they started.
# (A worker that ran nothing has no audit log.)
expected="$(cat /dev/null "$E2E_TMP"/audit-worker-[23].log | wc -l)"
runs_in_prometheus() {
  curl -fsS --max-time 5 --get --data-urlencode 'query=sum(cuprum_exec_seconds_count)' \
    "$E2E_PROMETHEUS/api/v1/query" | jq -r '.data.result[0].value[1] // "0"'
}
prometheus_adds_up() {
  [[ "$(runs_in_prometheus)" == "$expected" ]]
}
e2e_until 30 "sum(cuprum_exec_seconds_count) = $expected" prometheus_adds_up

# Throughput: the same commands once more on the two live workers, then through runConcurrent at
# the same total concurrency in one JVM.
find "$input" -name '*.gz' -delete
timeout 180 "${app[@]}" --spring.profiles.active=manager --sample.batch.run=throughput >"$E2E_TMP/throughput.log" 2>&1 \
  || { tail -n 40 "$E2E_TMP/throughput.log" >&2; e2e_fail "the throughput run did not complete"; }
seconds="$(grep -a -o 'ended COMPLETED in [0-9.]* s' "$E2E_TMP/throughput.log" | tr -dc '0-9.')"
distributed="$(awk -v n="$COMMANDS" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')"
find "$input" -name '*.gz' -delete
timeout 180 "${app[@]}" --spring.profiles.active=concurrent \
  --sample.batch.concurrency=$((2 * WORKER_CONCURRENCY)) >"$E2E_TMP/concurrent.log" 2>&1 \
  || { tail -n 40 "$E2E_TMP/concurrent.log" >&2; e2e_fail "the runConcurrent run failed"; }
concurrent="$(grep -a -o '([0-9]* commands/s)' "$E2E_TMP/concurrent.log" | tr -dc '0-9')"

e2e_pass "$COMMANDS commands COMPLETED exactly once across a worker's SIGKILL and a restart" \
  "($in_flight in flight at the kill, $started_twice started twice); two workers ran $distributed commands/s" \
  "from the job's start to its end, runConcurrent in one JVM $concurrent commands/s"

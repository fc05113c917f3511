# shellcheck shell=bash
# Shared by the end-to-end scripts (sourced, not run): starting the sample and the servers it
# talks to on loopback, waiting for them with time limits, and stopping everything on exit.
#
# A script sets E2E_NAME, sources this file and calls e2e_init before anything else. Whatever it
# starts through e2e_start is stopped when it exits, however it exits. It must end with e2e_pass;
# any other exit prints a FAIL line.

: "${E2E_NAME:?set E2E_NAME before sourcing e2e-lib.sh}"
E2E_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly E2E_ROOT
readonly E2E_SAMPLE_JAR="$E2E_ROOT/sample-app/target/cuprum-sample-app.jar"
# The JVMs share a small machine with the build: quick startup matters more than peak speed.
readonly E2E_JAVA_OPTS=(-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)

E2E_TMP=""
E2E_PIDS=()
E2E_NAMES=()
E2E_LOGS=()
E2E_DONE=false
E2E_WATCHDOG=""
E2E_AT_EXIT=()

e2e_log() {
  printf '%s [%s] %s\n' "$(date +%H:%M:%S)" "$E2E_NAME" "$*" >&2
}

e2e_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  else
    command -v java
  fi
}

e2e_init() {
  E2E_TMP="$(mktemp -d "${TMPDIR:-/tmp}/$E2E_NAME.XXXXXX")"
  trap e2e_on_exit EXIT
  trap 'e2e_fail "interrupted"' INT TERM
  e2e_log "working directory $E2E_TMP"
}

# Fails the script once $1 more seconds have passed; only the steps after this call count, so
# that a first-time download or install is not held against the checks themselves.
e2e_deadline() {
  local seconds="$1"
  # shellcheck disable=SC2064 # the limit is part of the message, expanded now on purpose
  trap "e2e_fail 'took longer than $seconds seconds'" USR1
  (
    trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
    sleep "$seconds" &
    sleeper=$!
    wait "$sleeper"
    kill -s USR1 "$$" 2>/dev/null
  ) &
  E2E_WATCHDOG=$!
}

# In a command substitution only that subshell would exit: the reason is left for the main
# shell, whose EXIT trap reports it.
e2e_fail() {
  if [[ "$BASHPID" != "$$" ]]; then
    echo "$*" >"$E2E_TMP/failure"
    exit 1
  fi
  e2e_dump_logs
  echo "FAIL: $E2E_NAME: $*"
  E2E_DONE=true
  exit 1
}

e2e_pass() {
  echo "PASS: $E2E_NAME: $*"
  E2E_DONE=true
  exit 0
}

e2e_dump_logs() {
  local i
  for i in "${!E2E_LOGS[@]}"; do
    if [[ -s "${E2E_LOGS[$i]}" ]]; then
      echo "----- last lines of ${E2E_NAMES[$i]}'s output (${E2E_LOGS[$i]}) -----" >&2
      tail -n 40 "${E2E_LOGS[$i]}" >&2
    fi
  done
}

e2e_on_exit() {
  local status=$?
  trap - INT TERM USR1
  if [[ "$E2E_DONE" != true ]]; then
    e2e_dump_logs
    if [[ -s "$E2E_TMP/failure" ]]; then
      echo "FAIL: $E2E_NAME: $(cat "$E2E_TMP/failure")"
    else
      echo "FAIL: $E2E_NAME: stopped by an unexpected error (exit status $status)"
    fi
    status=1
  fi
  if [[ -n "$E2E_WATCHDOG" ]]; then
    kill "$E2E_WATCHDOG" 2>/dev/null || true
    wait "$E2E_WATCHDOG" 2>/dev/null || true
  fi
  e2e_stop_all
  local cleanup
  for cleanup in "${E2E_AT_EXIT[@]}"; do
    eval "$cleanup" >/dev/null 2>&1 || true
  done
  if [[ -n "$E2E_TMP" && -d "$E2E_TMP" ]]; then
    rm -rf "$E2E_TMP"
  fi
  exit "$status"
}

# Stops what e2e_start started, newest first: TERM, then KILL after ten seconds.
e2e_stop_all() {
  local i pid waited
  for ((i = ${#E2E_PIDS[@]} - 1; i >= 0; i--)); do
    pid="${E2E_PIDS[$i]}"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for ((waited = 0; waited < 100; waited++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      if kill -0 "$pid" 2>/dev/null; then
        e2e_log "${E2E_NAMES[$i]} (pid $pid) ignored TERM; killing it"
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    wait "$pid" 2>/dev/null || true
  done
  E2E_PIDS=()
}

# e2e_at_exit COMMAND: a shell command run on exit, after what e2e_start started was stopped: for
# servers that run as daemons of their own.
e2e_at_exit() {
  E2E_AT_EXIT+=("$1")
}

# e2e_start NAME COMMAND...: runs the command in the background, its output in NAME.log.
e2e_start() {
  local name="$1"
  shift
  local log="$E2E_TMP/$name.log"
  "$@" >"$log" 2>&1 &
  E2E_PIDS+=("$!")
  E2E_NAMES+=("$name")
  E2E_LOGS+=("$log")
  e2e_log "started $name (pid $!)"
}

# A loopback port nothing listens on now.
e2e_free_port() {
  local port attempt
  for ((attempt = 0; attempt < 50; attempt++)); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  e2e_fail "found no free port"
}

# e2e_start_prometheus JOB PORT...: a Prometheus on loopback that scrapes the actuator of each
# loopback PORT every second, under the job name JOB; sets E2E_PROMETHEUS to its URL once it is
# ready.
E2E_PROMETHEUS=""
e2e_start_prometheus() {
  local job="$1" port targets=()
  shift
  for port in "$@"; do
    targets+=("'127.0.0.1:$port'")
  done
  local prometheus_port
  prometheus_port="$(e2e_free_port)"
  cat >"$E2E_TMP/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: $job
    metrics_path: /actuator/prometheus
    static_configs:
      - targets: [$(IFS=,; echo "${targets[*]}")]
EOF
  e2e_start prometheus prometheus --config.file="$E2E_TMP/prometheus.yml" \
    --storage.tsdb.path="$E2E_TMP/prometheus-data" --web.listen-address="127.0.0.1:$prometheus_port" \
    --log.level=warn --enable-feature=exemplar-storage
  E2E_PROMETHEUS="http://127.0.0.1:$prometheus_port"
  e2e_wait_http prometheus "$E2E_PROMETHEUS/-/ready" 60
  e2e_log "$(prometheus --version 2>&1 | head -n 1)"
}

# e2e_wait_http NAME URL SECONDS: waits until URL answers 2xx, failing if NAME's process ends.
e2e_wait_http() {
  local name="$1" url="$2" seconds="$3"
  local deadline=$((SECONDS + seconds)) i pid=""
  for i in "${!E2E_NAMES[@]}"; do
    [[ "${E2E_NAMES[$i]}" == "$name" ]] && pid="${E2E_PIDS[$i]}"
  done
  until curl -fsS --max-time 2 -o /dev/null "$url" 2>/dev/null; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      e2e_fail "$name exited before $url answered"
    fi
    if ((SECONDS >= deadline)); then
      e2e_fail "$url did not answer within $seconds seconds"
    fi
    sleep 0.5
  done
  e2e_log "$name is ready ($url)"
}

# e2e_until SECONDS DESCRIPTION COMMAND...: retries the command until it succeeds.
e2e_until() {
  local seconds="$1" description="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ((SECONDS >= deadline)); then
      e2e_fail "$description: not seen within $seconds seconds"
    fi
    sleep 0.5
  done
}

e2e_require_commands() {
  local missing=() command
  for command in "$@"; do
    command -v "$command" >/dev/null 2>&1 || missing+=("$command")
  done
  if ((${#missing[@]} > 0)); then
    e2e_apt_install "${missing[@]}"
  fi
}

# Installs Debian packages, refreshing the package lists only when the first attempt fails.
e2e_apt_install() {
  if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    e2e_fail "$* missing, and apt-get cannot install it here (needs root and apt-get)"
  fi
  e2e_log "installing $* with apt-get"
  local apt=(env DEBIAN_FRONTEND=noninteractive timeout 600 apt-get -o DPkg::Lock::Timeout=120 -q -y)
  if "${apt[@]}" install --no-install-recommends "$@" >"$E2E_TMP/apt.log" 2>&1; then
    return 0
  fi
  if ! "${apt[@]}" update >>"$E2E_TMP/apt.log" 2>&1 \
    || ! "${apt[@]}" install --no-install-recommends "$@" >>"$E2E_TMP/apt.log" 2>&1; then
    tail -n 20 "$E2E_TMP/apt.log" >&2
    e2e_fail "apt-get could not install $*"
  fi
}

# Builds the sample's jar when it is missing, through the reactor (nothing is installed).
e2e_ensure_sample_jar() {
  if [[ ! -f "$E2E_SAMPLE_JAR" ]]; then
    e2e_log "building $E2E_SAMPLE_JAR"
    (cd "$E2E_ROOT" && timeout 600 mvn -B -q -pl sample-app -am package -DskipTests) >"$E2E_TMP/build.log" 2>&1 \
      || { tail -n 40 "$E2E_TMP/build.log" >&2; e2e_fail "the sample did not build"; }
  fi
}

# e2e_start_sample PORT ARGS...: the sample on loopback, with its git roots in the temp directory
# and an actuator password of its own, as an operator would set one (without it Boot generates one
# and warns).
e2e_start_sample() {
  local port="$1"
  shift
  mkdir -p "$E2E_TMP/git-root"
  e2e_start sample "$(e2e_java)" "${E2E_JAVA_OPTS[@]}" -jar "$E2E_SAMPLE_JAR" \
    --server.address=127.0.0.1 --server.port="$port" --sample.git.roots="$E2E_TMP/git-root" \
    --spring.security.user.password="e2e-$RANDOM$RANDOM" "$@"
}

e2e_wait_sample() {
  e2e_wait_http sample "http://127.0.0.1:$1/actuator/health" 120
}

# The sample logs no warning and no error: in particular, no failed attempt to export spans.
e2e_check_sample_log() {
  local problems
  problems="$(grep -E '^[0-9T:.+-]+Z? +(WARN|ERROR) ' "$E2E_TMP/sample.log" || true)"
  [[ -z "$problems" ]] || e2e_fail "the sample logged warnings or errors:"$'\n'"$problems"
}

# e2e_post_json URL BODY: prints the response body; fails unless the status is 200.
e2e_post_json() {
  local url="$1" body="$2" response status
  response="$(curl -sS --max-time 30 -H 'Content-Type: application/json' -d "$body" -w '\n%{http_code}' "$url")" \
    || e2e_fail "POST $url failed"
  status="${response##*$'\n'}"
  [[ "$status" == 200 ]] || e2e_fail "POST $url $body answered $status: ${response%$'\n'*}"
  echo "${response%$'\n'*}"
}

# e2e_batch_answer TEXT...: the JSON the batch endpoint answers when every echo succeeds.
e2e_batch_answer() {
  local results
  results="$(printf '{"exitCode":0,"stdout":"%s"},' "$@")"
  echo "{\"ok\":true,\"results\":[${results%,}]}"
}

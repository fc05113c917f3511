#!/bin/sh
# An instrumented program, for the checks of trace propagation: reads the trace context that
# Cuprum puts in TRACEPARENT, reports one span of its own ("child work", a child of that context)
# to the Zipkin API given as its first argument, and prints "reported <span id>".
set -eu
trace_id=$(printf '%s' "$TRACEPARENT" | cut -d- -f2)
parent_id=$(printf '%s' "$TRACEPARENT" | cut -d- -f3)
span_id=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
now=$(($(date +%s) * 1000000))
curl -fsS -o /dev/null -H 'Content-Type: application/json' \
  -d "[{\"traceId\":\"$trace_id\",\"parentId\":\"$parent_id\",\"id\":\"$span_id\",\"name\":\"child work\",\"timestamp\":$now,\"duration\":1000,\"localEndpoint\":{\"serviceName\":\"report-span\"}}]" \
  "$1/api/v2/spans"
echo "reported $span_id"

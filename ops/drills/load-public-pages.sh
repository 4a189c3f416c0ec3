#!/usr/bin/env bash
# Load (issue 9, item 8): wrk drives the public pages at CONNECTIONS connections (default 64) for DURATION
# (default 10m) against the app in embedded demo mode; the heap after a full GC is measured before and after
# (jcmd GC.heap_info), and non-2xx answers are counted by wrk.
source "$(dirname "$0")/lib.sh"
DRILL=load-public-pages
PORT=18087; DURATION="${DURATION:-10m}"; CONNECTIONS="${CONNECTIONS:-64}"; THREADS="${THREADS:-2}"
trap 'app_stop app || true' EXIT
app_start app $PORT
pid="$(app_pid app)"
heap() { jcmd "$pid" GC.run >/dev/null; sleep 2; jcmd "$pid" GC.heap_info | grep -Eo '(garbage-first heap|total) +total [0-9]+K, used [0-9]+K' | head -1; }
wrk -t2 -c16 -d20s "http://localhost:$PORT/public/draws" >/dev/null # warm-up (JIT, template cache)
before="$(heap)"
result $DRILL "heap after full GC before the run: $before"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "$DRILLS_DIR/public-pages.lua" "http://localhost:$PORT" | tee "$WORK/wrk.txt"
after="$(heap)"
result $DRILL "wrk -t$THREADS -c$CONNECTIONS -d$DURATION: $(grep -E 'Requests/sec' "$WORK/wrk.txt" | tr -s ' '); $(grep -E '^requests ' "$WORK/wrk.txt"); $(grep -E 'Non-2xx' "$WORK/wrk.txt" || echo 'no non-2xx responses'); $(grep -E '^latency' "$WORK/wrk.txt")"
result $DRILL "heap after full GC after the run: $after"
! grep -q 'Non-2xx\|Socket errors' "$WORK/wrk.txt"

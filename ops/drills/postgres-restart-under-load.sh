#!/usr/bin/env bash
# Drill (b): PostgreSQL restarts while a loop of requests runs. The app must answer again without any manual
# action: Hikari drops the broken connections and opens new ones (no restart of the app).
source "$(dirname "$0")/lib.sh"
DRILL=postgres-restart-under-load
PORT=18083; SECONDS_OF_LOAD="${SECONDS_OF_LOAD:-60}"
trap 'kill "${loader:-0}" 2>/dev/null || true; app_stop app || true; pg_stop' EXIT
pg_start; create_db pgrestart
export SPRING_DATASOURCE_URL="$(jdbc_url pgrestart)" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=x
app_start app $PORT --inspection.demo.enabled=true
curl -s -o /dev/null -m 60 "http://localhost:$PORT/public/draws" # warm-up: the first render is slow
# the loop: public pages that read the database, every 100 ms, one status code per line
( end=$((SECONDS + SECONDS_OF_LOAD)); while [ $SECONDS -lt $end ]; do
	printf '%s %s\n' "$(date +%s.%N | cut -c1-14)" \
		"$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://localhost:$PORT/public/draws")"
	sleep 0.1; done ) >"$WORK/codes.txt" &
loader=$!
sleep 15
log "restarting PostgreSQL (immediate stop: open connections are cut)"
restart_at=$(date +%s.%N | cut -c1-14)
pg_stop immediate; sleep 5; pg_start
up_at=$(date +%s.%N | cut -c1-14)
wait "$loader"
total=$(wc -l <"$WORK/codes.txt"); ok=$(grep -c ' 200$' "$WORK/codes.txt" || true)
bad_before=$(awk -v t="$restart_at" '$1 < t && $2 != 200' "$WORK/codes.txt" | wc -l)
first_ok_after=$(awk -v t="$up_at" '$1 >= t && $2 == 200 {print $1; exit}' "$WORK/codes.txt")
bad_after_recovery=$(awk -v t="${first_ok_after:-0}" '$1 > t && $2 != 200' "$WORK/codes.txt" | wc -l)
result $DRILL "requests: $total, 200: $ok; errors before the restart: $bad_before; database down for $(awk -v a="$restart_at" -v b="$up_at" 'BEGIN{printf "%.1f s", b-a}') (immediate stop, 5 s pause, start)"
result $DRILL "first 200 after PostgreSQL was back: $(awk -v a="$up_at" -v b="${first_ok_after:-0}" 'BEGIN{printf "%.1f s", b-a}') later; errors after that: $bad_after_recovery"
result $DRILL "status codes while down: $(awk -v a="$restart_at" -v b="${first_ok_after:-0}" '$1>=a && $1<=b {print $2}' "$WORK/codes.txt" | sort | uniq -c | tr -s ' \n' ' ')"
[ -n "$first_ok_after" ] && [ "$bad_after_recovery" = 0 ]

#!/usr/bin/env bash
# Drill (e): two app instances on one database (different ports, same SPRING_DATASOURCE_URL). A signed-in user
# whose requests alternate between them keeps working (sessions in PostgreSQL), signing out on one ends the
# session on both, and the scheduled audit checkpoint runs on one instance per round (scheduled_job_lock).
source "$(dirname "$0")/lib.sh"
DRILL=two-instances
A=18081; B=18082; ROUNDS="${ROUNDS:-20}"
trap 'app_stop a || true; app_stop b || true; pg_stop' EXIT
pg_start; create_db twoinst
export SPRING_DATASOURCE_URL="$(jdbc_url twoinst)" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=x
# demo data from instance a first (it is written at startup); b starts on the populated database
COMMON=(--inspection.demo.enabled=true --inspection.audit.checkpoint-interval=PT20S)
app_start a $A "${COMMON[@]}" --inspection.audit.checkpoint-initial-delay=PT5S
app_start b $B "${COMMON[@]}" --inspection.audit.checkpoint-initial-delay=PT15S
JAR_="$WORK/cookies.txt"; rm -f "$JAR_"
landing="$(sign_in "http://localhost:$A" "$JAR_" scjg-officer1)"
log "signed in on a, sent to $landing"
ok=0; fail=0
for i in $(seq 1 "$ROUNDS"); do
	port=$(( i % 2 == 0 ? A : B ))
	code="$(curl -s -o "$WORK/page.html" -w '%{http_code}' -b "$JAR_" -c "$JAR_" "http://localhost:$port/account/sessions")"
	if [ "$code" = 200 ] && grep -q 'scjg-officer1\|当前会话' "$WORK/page.html"; then ok=$((ok+1)); else fail=$((fail+1)); log "request $i on $port: $code"; fi
done
result $DRILL "alternating requests a/b to /account/sessions: $ok ok, $fail failed (of $ROUNDS)"
# a POST with the CSRF token of a page served by the other instance
token="$(csrf "http://localhost:$B/account/sessions" "$JAR_")"
after="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$JAR_" -c "$JAR_" -X POST "http://localhost:$A/logout" --data-urlencode "_csrf=$token")"
again="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$JAR_" "http://localhost:$B/account/sessions")"
result $DRILL "sign-out on a with b's CSRF token: $after; then b answers: $again"
sleep 50
runs_a=$(grep -c 'Audit checkpoint \(written\|round\)' "$WORK/a.log" || true); runs_b=$(grep -c 'Audit checkpoint \(written\|round\)' "$WORK/b.log" || true)
lock="$(psql_ -d twoinst -c "select name||' held by '||locked_by||' until '||locked_until from scheduled_job_lock")"
result $DRILL "audit checkpoint rounds run in 60 s with a 20 s interval: a=$runs_a b=$runs_b; lock row: $lock"
sessions="$(psql_ -d twoinst -c "select count(*) from spring_session")"
result $DRILL "rows in spring_session at the end: $sessions"
[ "$fail" = 0 ] && [ "$ok" = "$ROUNDS" ] && [[ "$again" == 302* ]]

#!/usr/bin/env bash
# Drill (d): the previous release's jar builds its schema with data (demo data) on a database; the current jar
# then starts on it: Flyway applies the new migrations, Hibernate validates, and nothing already there is lost.
# PREVIOUS_JAR: the previous release's inspection-web.jar, e.g. built from its commit in a separate worktree:
#   git worktree add /tmp/prev <commit> && (cd /tmp/prev && ./mvnw -q package -DskipTests)
source "$(dirname "$0")/lib.sh"
DRILL=migrate-previous-release
PORT=18085
: "${PREVIOUS_JAR:?set PREVIOUS_JAR to the previous release\'s inspection-web.jar}"
trap 'app_stop app || true; pg_stop' EXIT
pg_start; create_db upgrade
export SPRING_DATASOURCE_URL="$(jdbc_url upgrade)" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=x
JAR="$PREVIOUS_JAR" app_start app $PORT --inspection.demo.enabled=true
app_stop app
before="$(psql_ -d upgrade -c "select max(version::int) from flyway_schema_history where success")"
tables="select table_name from information_schema.tables where table_schema='public' and table_type='BASE TABLE' and table_name <> 'flyway_schema_history' order by 1"
psql_ -d upgrade -c "$tables" | while read -r t; do echo "$t $(psql_ -d upgrade -c "select count(*) from \"$t\"")"; done >"$WORK/before.counts"
result $DRILL "previous release: schema at V$before, $(wc -l <"$WORK/before.counts") tables, $(awk '{s+=$2} END {print s}' "$WORK/before.counts") rows"
app_start app $PORT --inspection.demo.enabled=true
after="$(psql_ -d upgrade -c "select string_agg(version||' '||description||' '||success, '; ' order by installed_rank) from flyway_schema_history where version::int > $before")"
lost=0
while read -r t n; do
	now="$(psql_ -d upgrade -c "select count(*) from \"$t\"")"
	if [ "$now" -lt "$n" ]; then lost=$((lost+1)); log "$t: $n rows before, $now after"; fi
done <"$WORK/before.counts"
health="$(curl -s "http://localhost:$PORT/actuator/health")"
result $DRILL "current release started on it: applied [$after]; tables with fewer rows than before: $lost; health $health"
code="$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/public/draws")"
result $DRILL "GET /public/draws on the upgraded database: $code"
[ "$lost" = 0 ] && [ "$code" = 200 ]

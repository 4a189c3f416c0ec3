#!/usr/bin/env bash
# Drill (c): pg_dump of a running installation, restore into a new database, compare the row count of every
# table, verify the audit chain offline (verifier/VerifyAudit.java, no shared code) against the restored
# database, and start the app on the restored database.
source "$(dirname "$0")/lib.sh"
DRILL=backup-restore
PORT=18084
trap 'app_stop app || true; pg_stop' EXIT
pg_start; create_db origin
export SPRING_DATASOURCE_URL="$(jdbc_url origin)" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=x
app_start app $PORT --inspection.demo.enabled=true
"$PG_BIN/pg_dump" -h localhost -p "$PG_PORT" -U postgres -Fc origin >"$WORK/origin.dump"
result $DRILL "pg_dump -Fc while the app runs: $(stat -c %s "$WORK/origin.dump") bytes"
create_db restored
"$PG_BIN/pg_restore" -h localhost -p "$PG_PORT" -U postgres -d restored --exit-on-error "$WORK/origin.dump"
counts() { psql_ -d "$1" -c "select table_name from information_schema.tables where table_schema='public' and table_type='BASE TABLE' order by 1" \
	| while read -r t; do echo "$t $(psql_ -d "$1" -c "select count(*) from \"$t\"")"; done; }
app_stop app
counts origin >"$WORK/origin.counts"; counts restored >"$WORK/restored.counts"
tables=$(wc -l <"$WORK/origin.counts"); rows=$(awk '{s+=$2} END {print s}' "$WORK/origin.counts")
if diff -u "$WORK/origin.counts" "$WORK/restored.counts" >"$WORK/counts.diff"; then same=identical; else same="DIFFERENT: $(cat "$WORK/counts.diff")"; fi
result $DRILL "row counts of $tables tables ($rows rows): $same"
# the restored database serves the app (same working directory, so the same checkpoint file and key)
export SPRING_DATASOURCE_URL="$(jdbc_url restored)"
app_start app $PORT --inspection.demo.enabled=true
base="http://localhost:$PORT"; jar="$WORK/audit.cookies"
sign_in "$base" "$jar" auditadmin >/dev/null
token="$(csrf "$base/account/second-factor" "$jar")"
curl -s -o /dev/null -b "$jar" -c "$jar" -X POST "$base/account/second-factor" --data-urlencode "_csrf=$token" \
	--data-urlencode "code=$(totp "$DEMO_TOTP_SECRET")"
token="$(csrf "$base/admin/audit/checkpoints" "$jar")"
curl -s -o /dev/null -b "$jar" -c "$jar" -X POST "$base/admin/audit/checkpoints" --data-urlencode "_csrf=$token"
curl -s -b "$jar" "$base/admin/audit/export.jsonl" >"$WORK/audit-trail.jsonl"
curl -s -b "$jar" "$base/admin/audit/checkpoints.jsonl" >"$WORK/audit-checkpoints.jsonl"
curl -s "$base/public/audit-key.pem" >"$WORK/audit-key.pub.pem"
set +e
verdict="$(java "$REPO_DIR/verifier/VerifyAudit.java" "$WORK/audit-trail.jsonl" "$WORK/audit-checkpoints.jsonl" "$WORK/audit-key.pub.pem")"
status=$?
set -e
result $DRILL "app started on the restored database; offline audit verification (exit $status): $verdict"
[ "$same" = identical ] && [ "$status" = 0 ]

#!/usr/bin/env bash
# Drill (a): SIGKILL during a large import and during a draw (embedded mode, demo data). The app JVM and its
# embedded PostgreSQL are both killed with -9, as a power cut would; then the app restarts on the same data.
# Shown: the import is all or nothing; the draw is all or nothing, and pressing 抽取 again after the restart
# gives a result that the independent verifier (verifier/verify_draw.py) re-derives byte for byte.
source "$(dirname "$0")/lib.sh"
DRILL=kill-during-import-and-draw
PORT=18086; DBPORT=15486; ROWS="${ROWS:-30000}"
base="http://localhost:$PORT"
# full evidence (pool.csv, conflicts.csv) on the public page, so that the verifier re-derives the whole draw
APP_ARGS=(--inspection.embedded-database.port=$DBPORT --inspection.draw.public-full-evidence=true)
trap 'app_stop app || true' EXIT
sql() { "$PG_BIN/psql" -h localhost -p $DBPORT -U postgres -d inspection -qAt -c "$1"; }
power_cut() { # the JVM and the embedded server, both with SIGKILL
	local pg; pg="$(head -1 "$WORK/app/data/postgres/postmaster.pid" 2>/dev/null || true)"
	kill -9 "$(app_pid app)" ${pg:+"$pg"} 2>/dev/null || true; sleep 2
}
# DRAW_ONLY=1 with the DRILL_WORK of an earlier run: only the draw part, on that run's data (its drand round
# is due by then)
if [ -z "${DRAW_ONLY:-}" ]; then
app_start app $PORT "${APP_ARGS[@]}"
# --- the import: ROWS new targets, valid credit codes
python3 - "$ROWS" >"$WORK/targets.csv" <<'PY'
import sys
CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"; W = [1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
def code(body):
    return body + CH[(31 - sum(CH.index(c) * w for c, w in zip(body, W)) % 31) % 31]
print("对象类型,代码,名称,行政区划,行业代码,成立日期,信用分类,信用分类日期,标签")
for i in range(int(sys.argv[1])):
    print("企业,%s,演练导入%06d有限公司,鄂托克旗,26,2019-05-01,B,2026-03-31," % (code("91150624MA%07d" % i), i))
PY
jar="$WORK/officer.cookies"
sign_in "$base" "$jar" sthj-officer >/dev/null
token="$(csrf "$base/registry/targets/import" "$jar")"
curl -s -b "$jar" -c "$jar" -F "_csrf=$token" -F "file=@$WORK/targets.csv;filename=targets.csv" "$base/registry/targets/import" >"$WORK/preview.html"
commit="$(grep -o '/registry/targets/import/[^/"]*/commit' "$WORK/preview.html" | head -1)"
[ -n "$commit" ] || { log "no preview, see $WORK/preview.html"; exit 1; }
token="$(grep -o 'name="_csrf"[^>]*value="[^"]*"\|value="[^"]*"[^>]*name="_csrf"' "$WORK/preview.html" | head -1 | sed 's/.*value="\([^"]*\)".*/\1/')"
before="$(sql "select count(*) from target")"
audit_before="$(sql "select count(*) from audit_event")"
curl -s -o /dev/null -b "$jar" -c "$jar" -X POST "$base$commit" --data-urlencode "_csrf=$token" &
# kill while the import's inserts are running (seen in pg_stat_activity), not before and not after
for _ in $(seq 1 600); do
	busy="$(sql "select count(*) from pg_stat_activity where state = 'active' and query ilike 'insert into target%'")"
	[ "${busy:-0}" -gt 0 ] && break; sleep 0.05
done
in_flight="$(sql "select count(*) from pg_stat_activity where state in ('active','idle in transaction') and datname='inspection' and backend_type='client backend'")"
power_cut
result $DRILL "import of $ROWS rows: SIGKILL while its inserts ran (busy=$busy, open connections $in_flight); targets before: $before"
app_start app $PORT "${APP_ARGS[@]}"
after="$(sql "select count(*) from target")"
audit_after="$(sql "select count(*) from audit_event where action like 'target.import%'")"
if [ "$after" = "$before" ]; then verdict="nothing written (rolled back)"; elif [ "$after" = $((before + ROWS)) ]; then verdict="all $ROWS written (committed before the kill)"; else verdict="HALF-WRITTEN"; fi
result $DRILL "after restart: targets $after -> $verdict; import audit events: $audit_after"

else
app_start app $PORT "${APP_ARGS[@]}"
fi

# --- the draw: the demo task waiting for its drand round
read -r task draw round due <<<"$(sql "select d.task_id, d.id, d.drand_round, extract(epoch from d.drand_due_at)::bigint from draw d
	left join draw_result r on r.draw_id = d.id where d.committed_at is not null and r.draw_id is null and d.voided_at is null
	order by d.id limit 1" | tr '|' ' ')"
[ -n "${task:-}" ] || { log "no committed draw waiting"; exit 1; }
wait_s=$(( due - $(date +%s) + 1 )); [ $wait_s -gt 0 ] && { log "waiting $wait_s s for drand round $round"; sleep $wait_s; }
signature="$(python3 -c 'import hashlib; print((hashlib.sha256(b"drill-signature").digest()*2)[:48].hex())')"
randomness="$(python3 -c 'import hashlib,sys; print(hashlib.sha256(bytes.fromhex(sys.argv[1])).hexdigest())' "$signature")"
jar="$WORK/manager.cookies"
sign_in "$base" "$jar" scjg-manager >/dev/null
token="$(csrf "$base/tasks/$task/draw" "$jar")"
curl -s -o /dev/null -b "$jar" -c "$jar" -X POST "$base/tasks/$task/draw/drand" --data-urlencode "_csrf=$token" \
	--data-urlencode "round=$round" --data-urlencode "randomness=$randomness" --data-urlencode "signature=$signature"
sources="$(sql "select count(*) from draw_source_value where draw_id = $draw")"
token="$(csrf "$base/tasks/$task/draw" "$jar")"
curl -s -o /dev/null -b "$jar" -c "$jar" -X POST "$base/tasks/$task/draw/run" --data-urlencode "_csrf=$token" &
sleep "${DRAW_KILL_AFTER:-0.3}"
power_cut
result $DRILL "draw of task $task (draw $draw, drand round $round, $sources source value stored): SIGKILL ${DRAW_KILL_AFTER:-0.3} s after 抽取 was pressed"
app_start app $PORT "${APP_ARGS[@]}"
state() { sql "select (select count(*) from draw_result where draw_id = $draw)||' result, '||(select count(*) from draw_selected where draw_id = $draw)||' selected rows, '||(select count(*) from draw_team_slot where draw_id = $draw)||' team slots, task '||(select state from task where id = $task)||', '||(select count(*) from audit_event where action = 'draw.run' and object_id = '$task')||' draw.run audit events'"; }
after_kill="$(state)"
result $DRILL "after restart: $after_kill"
jar="$WORK/manager2.cookies"
sign_in "$base" "$jar" scjg-manager >/dev/null
token="$(csrf "$base/tasks/$task/draw" "$jar")"
curl -s -o /dev/null -b "$jar" -c "$jar" -X POST "$base/tasks/$task/draw/run" --data-urlencode "_csrf=$token"
seed1="$(sql "select seed||' '||digest from draw_result where draw_id = $draw")"
token="$(csrf "$base/tasks/$task/draw" "$jar")"
curl -s -o /dev/null -b "$jar" -c "$jar" -X POST "$base/tasks/$task/draw/run" --data-urlencode "_csrf=$token"
seed2="$(sql "select seed||' '||digest from draw_result where draw_id = $draw")"
result $DRILL "抽取 after the restart: $(state); seed digest: $seed1; pressed again: $seed2"
rm -rf "$WORK/evidence"; mkdir -p "$WORK/evidence" && curl -s "$base/public/draws/$draw/evidence" -o "$WORK/evidence.zip" && (cd "$WORK/evidence" && unzip -o -q ../evidence.zip)
set +e; verdict="$(python3 "$REPO_DIR/verifier/verify_draw.py" "$WORK/evidence/draw-$draw" 2>&1 | tail -1)"; status=$?; set -e
result $DRILL "independent verifier on the evidence package: $verdict (exit $status)"
[ "$seed1" = "$seed2" ] && [ -n "$seed1" ]

#!/usr/bin/env bash
# Shared by the failure drills: start and stop the app jar and a standalone PostgreSQL, sign in with curl.
# Every drill writes its outcome to $DRILL_OUT/<drill>.result (default ops/drills/results/).
set -euo pipefail

DRILLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$DRILLS_DIR/../.." && pwd)"
JAR="${JAR:-$REPO_DIR/inspection-web/target/inspection-web.jar}"
WORK="${DRILL_WORK:-/tmp/drills-${USER:-$(id -un)}-$$}"
DRILL_OUT="${DRILL_OUT:-$DRILLS_DIR/results}"
# A standalone server for the drills that need one independent of the app: Debian's PostgreSQL by default
# (it brings pg_dump and psql of the same major version); PG_BIN may point at another installation.
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
PG_PORT="${PG_PORT:-55432}"
PG_DATA="$WORK/pg"
DEMO_PASSWORD="Ordos-Demo-2026"
# the published demo TOTP secret of sysadmin, secadmin and auditadmin (demo mode only)
DEMO_TOTP_SECRET="N5ZGI33TFVSGK3LPFV2G65DQFUZDAMRW"
mkdir -p "$WORK" "$DRILL_OUT"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

result() { # result <drill> <line...>: appends a line to the drill's outcome file
	local drill="$1"; shift
	printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" | tee -a "$DRILL_OUT/$drill.result"
}

# --- standalone PostgreSQL (runs as the postgres user when started as root: initdb refuses root)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() {
	if [ ! -d "$PG_DATA" ]; then
		mkdir -p "$PG_DATA"; [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA" "$WORK"
		as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
	fi
	as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -o "-p $PG_PORT -k /tmp -c max_connections=60" -l "$WORK/pg.log" -w start >/dev/null
}
pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m "${1:-fast}" -w stop >/dev/null || true; }
psql_() { "$PG_BIN/psql" -h localhost -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
create_db() { psql_ -d postgres -c "create database $1"; }
jdbc_url() { echo "jdbc:postgresql://localhost:$PG_PORT/$1"; }

# --- the app
# app_start <name> <port> [extra args...]: in its own working directory $WORK/<name> (so ./data is its own).
# With SPRING_DATASOURCE_URL exported it uses that server; else the embedded one.
app_start() {
	local name="$1" port="$2"; shift 2
	mkdir -p "$WORK/$name"
	# no checkpoint round during a drill unless the drill asks for one
	[[ " $* " == *checkpoint-initial-delay* ]] || set -- "$@" --inspection.audit.checkpoint-initial-delay=PT10M
	( cd "$WORK/$name" && exec java -Xmx512m -jar "$JAR" --server.port="$port" "$@" >>"$WORK/$name.log" 2>&1 ) &
	echo $! >"$WORK/$name.pid"
	app_wait "$port" "$name"
}
app_wait() {
	local port="$1" name="$2"
	for _ in $(seq 1 240); do
		if curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; then return 0; fi
		if ! kill -0 "$(cat "$WORK/$name.pid")" 2>/dev/null; then log "$name died, see $WORK/$name.log"; return 1; fi
		sleep 1
	done
	log "$name not up after 240 s"; return 1
}
app_pid() { cat "$WORK/$1.pid"; }
app_stop() { local pid; pid="$(app_pid "$1")"; kill "$pid" 2>/dev/null || true; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done; }
app_kill9() { kill -9 "$(app_pid "$1")" 2>/dev/null || true; sleep 1; }

# sign_in <base-url> <cookie-jar> <username>: the login form's CSRF token, then POST /login
sign_in() {
	local base="$1" jar="$2" user="$3" token
	token="$(csrf "$base/login" "$jar")"
	curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" -X POST "$base/login" \
		--data-urlencode "username=$user" --data-urlencode "password=$DEMO_PASSWORD" --data-urlencode "_csrf=$token"
}
# csrf <page-url> <cookie-jar>: the CSRF token of a page's first form
csrf() {
	curl -s -b "$2" -c "$2" "$1" | grep -o 'name="_csrf"[^>]*value="[^"]*"\|value="[^"]*"[^>]*name="_csrf"' | head -1 \
		| sed 's/.*value="\([^"]*\)".*/\1/'
}

# totp <base32-secret>: the current RFC 6238 code (HMAC-SHA1, 30 s, 6 digits)
totp() {
	python3 -c 'import base64,hmac,hashlib,struct,sys,time
k=base64.b32decode(sys.argv[1]); h=hmac.new(k,struct.pack(">Q",int(time.time())//30),hashlib.sha1).digest()
o=h[-1]&15; print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$1"
}

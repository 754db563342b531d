# Replica reads (issue 19), sourced by scripts/test after the reliability checks: counted steps.
# Two MariaDB servers of this check's own (data directories, ports and sockets under a temporary
# folder; the machine's MariaDB is never touched): a primary with a binary log (server-id 1) and a
# replica (server-id 2, read-only) made from it with CHANGE MASTER TO … / START SLAVE. One
# throw-away site on the primary, with the demo data (FULIAN_REPLICA_SCALE, 0.02) and the demo
# users, its site_config pointed at the replica (read_from_replica, replica_host,
# replica_db_port), served by gunicorn. scripts/replica.py then proves over HTTP where each read
# and write went, by the general query logs and the status counters of both servers, stops the
# replication and starts it again, and measures (the benchmark figures, logs/fulian-replica.json).
REPLICA_SITE=${SITE%%.*}-replica.localhost
REPLICA_SCALE=${FULIAN_REPLICA_SCALE:-0.02}
RDB=$(mktemp -d)
PRIMARY_PORT=$(free_port)
REPLICA_PORT=$(free_port)
server_args() { # $1 = primary|replica, $2 = port
	echo --no-defaults --datadir="$RDB/$1" --port="$2" --bind-address=127.0.0.1 --socket="$RDB/$1.sock" \
		--pid-file="$RDB/$1.pid" --tmpdir="$RDB" --user=root --innodb-buffer-pool-size=64M --character-set-server=utf8mb4 \
		--collation-server=utf8mb4_unicode_ci --general-log=1 --general-log-file="$RDB/$1-general.log"
}
rdb_start() { # $1 = primary|replica, $2 = port, then extra options
	local name=$1 port=$2
	shift 2
	mariadb-install-db --no-defaults --datadir="$RDB/$name" --user=root --auth-root-authentication-method=normal \
		--skip-test-db >"$RDB/$name-install.log" 2>&1 || return 1
	# shellcheck disable=SC2046
	setsid /usr/sbin/mariadbd $(server_args "$name" "$port") "$@" >"$RDB/$name.log" 2>&1 </dev/null &
	for _ in $(seq 60); do mariadb-admin --socket="$RDB/$name.sock" -u root ping >/dev/null 2>&1 && return 0; sleep 1; done
	return 1
}
rdb_sql() { mariadb --socket="$RDB/$1.sock" -u root -e "$2"; } # $1 = primary|replica
rdb_stop() { [ -f "$RDB/$1.pid" ] && kill "$(cat "$RDB/$1.pid")" 2>/dev/null; for _ in $(seq 30); do [ -f "$RDB/$1.pid" ] || break; sleep 1; done; }
primary_up() {
	rdb_start primary "$PRIMARY_PORT" --server-id=1 --log-bin="$RDB/primary/binlog" --binlog-format=ROW &&
		rdb_sql primary "create user if not exists root@'127.0.0.1'; grant all privileges on *.* to root@'127.0.0.1' with grant option;
			create user repl@'127.0.0.1' identified by 'fulian-repl'; grant replication slave on *.* to repl@'127.0.0.1'"
}
replica_up() {
	rdb_start replica "$REPLICA_PORT" --server-id=2 --read-only=1 --skip-log-bin &&
		rdb_sql replica "change master to master_host='127.0.0.1', master_port=$PRIMARY_PORT, master_user='repl',
			master_password='fulian-repl', master_use_gtid=slave_pos; start slave"
}
replica_site() {
	rm -rf "$BENCH/sites/$REPLICA_SITE"
	db_stdin | b new-site "$REPLICA_SITE" "${db_args[@]}" --db-host 127.0.0.1 --db-port "$PRIMARY_PORT" \
		--admin-password admin --mariadb-user-host-login-scope=% --install-app fulian_grid &&
		b --site "$REPLICA_SITE" execute fulian_grid.demo.generate --kwargs "{'scale': $REPLICA_SCALE}" &&
		b --site "$REPLICA_SITE" execute fulian_grid.demo.users.make_demo_users
}
# The site's login may read the replication state (SHOW SLAVE STATUS) — granted on the primary,
# so the grant replicates like every other statement; docs/SCALING.md does the same in production.
monitor_grant() {
	local user
	user=$("$BENCH/env/bin/python" -c "import json; print(json.load(open('$BENCH/sites/$REPLICA_SITE/site_config.json'))['db_name'])")
	rdb_sql primary "grant slave monitor on *.* to '$user'@'%'"
}
caught_up() { # the replica has applied everything the primary has written
	local want have
	for _ in $(seq 120); do
		want=$(mariadb --socket="$RDB/primary.sock" -u root -N -e "select @@gtid_binlog_pos")
		have=$(mariadb --socket="$RDB/replica.sock" -u root -N -e "select @@gtid_slave_pos")
		[ -n "$want" ] && [ "$want" = "$have" ] && return 0
		sleep 1
	done
	echo "primary at $want, replica at $have"
	mariadb --socket="$RDB/replica.sock" -u root -e "show slave status\G" | grep -E "Running|Error|Behind"
	return 1
}
point_at_replica() {
	b --site "$REPLICA_SITE" set-config -p read_from_replica 1 &&
		b --site "$REPLICA_SITE" set-config replica_host 127.0.0.1 &&
		b --site "$REPLICA_SITE" set-config -p replica_db_port "$REPLICA_PORT" &&
		b --site "$REPLICA_SITE" set-config -p fulian_replica_max_lag 2
}
replica_port=$(free_port)
replica_gunicorn() { # as in production: gunicorn with several workers, the site by the Host header
	(cd "$BENCH/sites" && exec "$BENCH/env/bin/gunicorn" -b "127.0.0.1:$replica_port" -w 2 -t 120 \
		frappe.app:application >"$BENCH/logs/fulian-replica-gunicorn.log" 2>&1) &
	server_pids+=($!)
	for _ in $(seq 60); do
		curl -fs -o /dev/null -H "Host: $REPLICA_SITE" "http://127.0.0.1:$replica_port/api/method/ping" && return 0
		sleep 1
	done
	return 1
}
trap 'stop_servers; rdb_stop replica; rdb_stop primary; rm -rf "$RDB" "$BENCH/sites/$REPLICA_SITE";
	if type use_code >/dev/null 2>&1 && [ "$(readlink "$APP_DIR")" != "$ROOT" ]; then use_code "$ROOT"; fi; restore' EXIT
REPLICA_LOG="$BENCH/logs/fulian-replica-checks.log"
: >"$REPLICA_LOG"
rpy() { # one check of scripts/replica.py; what it saw is kept in REPLICA_LOG and printed at the end
	echo "== $1" >>"$REPLICA_LOG"
	(cd "$BENCH/sites" && "$BENCH/env/bin/python" "$ROOT/scripts/replica.py" "$@") | tee -a "$REPLICA_LOG"
	return "${PIPESTATUS[0]}"
}
rargs=("$REPLICA_SITE" "http://127.0.0.1:$replica_port" "$RDB")

echo "== tier 2: replica reads — primary (port $PRIMARY_PORT, binary log) and replica (port $REPLICA_PORT) of this check's own, site $REPLICA_SITE"
started=$SECONDS
step "primary MariaDB: own data directory, binary log, server-id 1" primary_up
step "replica MariaDB: own data directory, read-only, server-id 2, CHANGE MASTER TO the primary, START SLAVE" replica_up
step "a site on the primary: the app, demo data (scale $REPLICA_SCALE), the demo users" replica_site
step "the site's login may read the replication state (granted on the primary)" monitor_grant
step "the replica has caught up (GTID positions equal)" caught_up
step "site_config points at the replica (read_from_replica, replica_host, replica_db_port)" point_at_replica
echo "-- served by gunicorn (2 workers) on port $replica_port"
if replica_gunicorn; then passed=$((passed + 1)); else failed=$((failed + 1)); finish; fi
step "statistics, registers, Word exports, charts and cards read on the replica, not on the primary" rpy reads "${rargs[@]}"
step "writes go to the primary (the replica refuses them) and replicate" rpy writes "${rargs[@]}"
step "a user who has just written reads from the primary (her entry is in the register), then from the replica again" rpy own-write "${rargs[@]}"
step "replication stopped: detected, statistics read from the primary with a notice saying so" rpy stale "${rargs[@]}"
step "replication started again: caught up, reads back on the replica" rpy resumed "${rargs[@]}"
step "benchmark: Work Statistics on the replica vs the primary, the state check, replication delay" bash -c \
	"cd '$BENCH/sites' && '$BENCH/env/bin/python' '$ROOT/scripts/replica.py' measure ${rargs[*]} | tee '$BENCH/logs/fulian-replica.json'"
echo "-- what the checks saw (also in $REPLICA_LOG):"
cat "$REPLICA_LOG" "$BENCH/logs/fulian-replica.json"
stop_servers
rdb_stop replica
rdb_stop primary
rm -rf "$BENCH/sites/$REPLICA_SITE" "$RDB"
echo "== replica reads took $((SECONDS - started)) s"

# Backup and restore, upgrade with data (issue 18), sourced by scripts/test after tier 2: each check
# a counted `step` on throw-away sites named after the test site. What a site holds is read by
# scripts/reliability.py. FULIAN_RELIABILITY_SCALE (0.02) sizes the demo data; FULIAN_UPGRADE_FROM
# names the previous code (default: where this branch left main, or on main its previous commit).
PREFIX=${SITE%%.*}
SOURCE=$PREFIX-source.localhost
RESTORED=$PREFIX-restored.localhost
UPGRADED=$PREFIX-upgraded.localhost
RELIABILITY_SCALE=${FULIAN_RELIABILITY_SCALE:-0.02}
work=$(mktemp -d)
rel() { (cd "$BENCH/sites" && "$BENCH/env/bin/python" "$ROOT/scripts/reliability.py" "$@"); }
drop_site() { (cd "$BENCH" && db_stdin | b drop-site "$1" --force --no-backup "${db_args[@]}" >/dev/null 2>&1; rm -rf "sites/$1" archived/sites/"$1"*) || true; }
site_key() { "$BENCH/env/bin/python" -c "import json; print(json.load(open('$BENCH/sites/$1/site_config.json'))['encryption_key'])"; }
same() { cmp -s "$1" "$2" || { diff "$1" "$2" | head -n 40; return 1; }; }
use_code() { # point the bench's fulian_grid at a checkout
	ln -sfn "$1" "$APP_DIR" && "$BENCH/env/bin/pip" install -q -e "$APP_DIR" >/dev/null
}
trap 'stop_servers; [ "$(readlink "$APP_DIR")" = "$ROOT" ] || use_code "$ROOT"; restore' EXIT

echo "== tier 2: backup and restore on $SOURCE -> $RESTORED"
started=$SECONDS
for s in "$SOURCE" "$RESTORED"; do drop_site "$s"; done
step "backup source: demo data at scale $RELIABILITY_SCALE" make_demo_site "$SOURCE" "$RELIABILITY_SCALE"
step "backup source: a public and a private attachment" rel attach "$SOURCE"
step "backup source: fingerprints and identities" bash -c "cd '$BENCH/sites' && P='$BENCH/env/bin/python $ROOT/scripts/reliability.py' &&
	\$P fingerprint '$SOURCE' > '$work/source.json' && \$P identities '$SOURCE' > '$work/source-identities.json'"
step "bench backup --with-files" b --site "$SOURCE" backup --with-files --backup-path "$work/backup"
restore_backup() {
	local db base
	db=$(ls "$work"/backup/*-database.sql.gz) && base=${db%-database.sql.gz}
	db_stdin | b new-site "$RESTORED" "${db_args[@]}" --admin-password admin --mariadb-user-host-login-scope=% &&
		db_stdin | b --site "$RESTORED" restore "$db" --db-root-username "$DB_ROOT_USER" \
			--with-public-files "$base-files.tar" --with-private-files "$base-private-files.tar"
}
step "restore onto a fresh site" restore_backup
locked() { # identities refused with the vault's message: $1 = what the message must say
	local out
	if out=$(rel identities "$RESTORED"); then echo "identities were readable"; return 1; fi
	echo "$out"
	grep -q "$1" <<<"$out"
}
step "restored site, no key yet: identities refused, saying the key is missing" locked "本站点缺少加密密钥"
new_key() { b --site "$RESTORED" set-config encryption_key "$("$BENCH/env/bin/python" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')"; }
step "restored site: a key of its own (not the source's)" new_key
step "restored site, wrong key: identities refused, saying the key is not theirs" locked "无法用本站点的加密密钥解密"
step "restored site: the source's key put back" b --site "$RESTORED" set-config encryption_key "$(site_key "$SOURCE")"
step "restored site: every identity readable and identical" bash -c "cd '$BENCH/sites' &&
	'$BENCH/env/bin/python' '$ROOT/scripts/reliability.py' identities '$RESTORED' > '$work/restored-identities.json'"
step "restored site: identities digest equal" same "$work/source-identities.json" "$work/restored-identities.json"
step "restored site: fingerprints of every app table, the vault and the attachments" bash -c "cd '$BENCH/sites' &&
	'$BENCH/env/bin/python' '$ROOT/scripts/reliability.py' fingerprint '$RESTORED' > '$work/restored.json'"
step "restored site: fingerprints equal" same "$work/source.json" "$work/restored.json"
for s in "$SOURCE" "$RESTORED"; do drop_site "$s"; done
echo "== backup and restore took $((SECONDS - started)) s"

# The previous landed code: where this branch left main, or on main its previous commit.
FROM=${FULIAN_UPGRADE_FROM:-$(git -C "$ROOT" merge-base HEAD main 2>/dev/null || true)}
[ -n "$FROM" ] && [ "$(git -C "$ROOT" rev-parse "$FROM")" != "$(git -C "$ROOT" rev-parse HEAD)" ] || FROM=$(git -C "$ROOT" rev-parse HEAD~1)
echo "== tier 2: upgrade with data from $(git -C "$ROOT" log --oneline -1 "$FROM" | cut -c1-70) on $UPGRADED"
started=$SECONDS
drop_site "$UPGRADED"
git -C "$ROOT" worktree remove --force "$work/old" >/dev/null 2>&1
step "the previous code in a worktree of its own" git -C "$ROOT" worktree add -q --detach "$work/old" "$FROM"
step "bench runs the previous code" use_code "$work/old"
step "demo data made by the previous code (scale $RELIABILITY_SCALE)" make_demo_site "$UPGRADED" "$RELIABILITY_SCALE"
step "an admin edits the casework workflow" rel edit-workflow "$UPGRADED"
step "fingerprints before the upgrade" bash -c "cd '$BENCH/sites' &&
	'$BENCH/env/bin/python' '$ROOT/scripts/reliability.py' fingerprint '$UPGRADED' > '$work/before.json'"
step "bench runs the new code" use_code "$ROOT"
step "bench migrate to the new code" b --site "$UPGRADED" migrate
step "every record intact after the upgrade (the old columns)" bash -c "cd '$BENCH/sites' &&
	'$BENCH/env/bin/python' '$ROOT/scripts/reliability.py' fingerprint '$UPGRADED' --columns-from '$work/before.json' > '$work/after.json'"
step "fingerprints before and after the upgrade equal" same "$work/before.json" "$work/after.json"
step "the admin's workflow edit kept" rel workflow-edit-kept "$UPGRADED"
step "fingerprints after the upgrade (all columns)" bash -c "cd '$BENCH/sites' &&
	'$BENCH/env/bin/python' '$ROOT/scripts/reliability.py' fingerprint '$UPGRADED' > '$work/migrated.json'"
step "migrate again" b --site "$UPGRADED" migrate
step "patches idempotent: the second migrate changed nothing" bash -c "cd '$BENCH/sites' &&
	'$BENCH/env/bin/python' '$ROOT/scripts/reliability.py' fingerprint '$UPGRADED' > '$work/again.json' &&
	cmp -s '$work/migrated.json' '$work/again.json' && grep -q '\"patches run twice\": \[\]' '$work/again.json'"
drop_site "$UPGRADED"
git -C "$ROOT" worktree remove --force "$work/old" >/dev/null 2>&1
rm -rf "$work"
echo "== upgrade with data took $((SECONDS - started)) s"


# MariaDB stopped under writes: a MariaDB server of this check's own (own data directory, port and
# socket under a temporary folder) holds one throw-away site; the machine's MariaDB is never touched.
FAULTED=$PREFIX-dbfault.localhost
MDB=$(mktemp -d)
MDB_PORT=$(free_port)
mdb_cmd=(/usr/sbin/mariadbd --no-defaults --datadir="$MDB/data" --port="$MDB_PORT" --bind-address=127.0.0.1
	--socket="$MDB/sock" --pid-file="$MDB/pid" --user=root --skip-log-bin --innodb-buffer-pool-size=64M
	--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci)
mdb_up() { for _ in $(seq 60); do mariadb-admin --socket="$MDB/sock" -u root ping >/dev/null 2>&1 && return 0; sleep 1; done; return 1; }
mdb_start() { setsid "${mdb_cmd[@]}" >"$MDB/log" 2>&1 </dev/null & mdb_up; }
mdb_stop() { [ -f "$MDB/pid" ] && kill "$(cat "$MDB/pid")" 2>/dev/null; for _ in $(seq 30); do [ -f "$MDB/pid" ] || break; sleep 1; done; }
mdb_root() { mariadb --socket="$MDB/sock" -u root -e "create user if not exists root@'127.0.0.1'; grant all privileges on *.* to root@'127.0.0.1' with grant option"; }
fault_site() {
	db_stdin | b new-site "$FAULTED" "${db_args[@]}" --db-host 127.0.0.1 --db-port "$MDB_PORT" --admin-password admin \
		--mariadb-user-host-login-scope=% --install-app fulian_grid
}
echo "== tier 2: MariaDB (its own, port $MDB_PORT) killed under writes on $FAULTED"
started=$SECONDS
rm -rf "$BENCH/sites/$FAULTED"
step "own MariaDB: a data directory" mariadb-install-db --no-defaults --datadir="$MDB/data" --user=root \
	--auth-root-authentication-method=normal --skip-test-db
step "own MariaDB: started" mdb_start
step "own MariaDB: root over loopback TCP" mdb_root
step "a site on it, with the app" fault_site
fault_port=$(free_port)
gunicorn_up() { # as in production: gunicorn with several workers on the app's entry point (wsgi.py)
	(cd "$BENCH/sites" && exec "$BENCH/env/bin/gunicorn" -b "127.0.0.1:$fault_port" -w 3 -t 60 \
		fulian_grid.wsgi:application >"$BENCH/logs/fulian-dbfault-gunicorn.log" 2>&1) &
	server_pids+=($!)
	for _ in $(seq 60); do
		curl -fs -o /dev/null -H "Host: $FAULTED" "http://127.0.0.1:$fault_port/api/method/ping" && return 0
		sleep 1
	done
	return 1
}
echo "-- served by gunicorn (3 workers) on port $fault_port"
if gunicorn_up; then passed=$((passed + 1)); else failed=$((failed + 1)); finish; fi
step "writes while MariaDB is killed and restarted: a Chinese 503 while down, acknowledged ones whole, nothing in part, back by itself" \
	bash -c "set -o pipefail && cd '$BENCH/sites' && '$BENCH/env/bin/python' '$ROOT/scripts/reliability.py' db-fault '$FAULTED' \
	'http://127.0.0.1:$fault_port' '$MDB/pid' -- ${mdb_cmd[*]} | tee '$BENCH/logs/fulian-dbfault.json'"
stop_servers
mdb_stop
rm -rf "$BENCH/sites/$FAULTED" "$MDB"
echo "== MariaDB fault took $((SECONDS - started)) s"

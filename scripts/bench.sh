# Shared by scripts/test and scripts/quickstart (sourced; expects ROOT and BENCH to be set).
# The bench command, the MariaDB root login, the services, this checkout linked into the bench,
# a demo site, and a server for it.

BENCH_CMD=${FULIAN_BENCH_CMD:-$(command -v bench || true)}
[ -n "$BENCH_CMD" ] || BENCH_CMD="$HOME/.pyenv/shims/bench"
b() { "$BENCH_CMD" "$@"; }
conf() { "$BENCH/env/bin/python" -c "import json,sys; print(json.load(open('$BENCH/sites/common_site_config.json')).get('$1') or '')"; }
DB_ROOT_USER=${FULIAN_DB_ROOT_USER:-$(conf root_login)}
DB_ROOT_USER=${DB_ROOT_USER:-root}
DB_ROOT_PASSWORD=${FULIAN_DB_ROOT_PASSWORD:-$(conf root_password)}
db_args=(--db-root-username "$DB_ROOT_USER" --db-root-password "$DB_ROOT_PASSWORD")
# an empty root password makes bench ask for one: answer it with an empty line
db_stdin() { echo "$DB_ROOT_PASSWORD"; }

# Services: this machine starts them, but a restarted service is started again.
start_services() {
	mariadb-admin -h 127.0.0.1 -u "$DB_ROOT_USER" -p"$DB_ROOT_PASSWORD" ping >/dev/null 2>&1 ||
		start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
	redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 ||
		redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
	for _ in $(seq 30); do mariadb-admin -h 127.0.0.1 -u "$DB_ROOT_USER" -p"$DB_ROOT_PASSWORD" ping >/dev/null 2>&1 && break; sleep 1; done
	clear_bundle_list
}

# Frappe caches the list of built bundles under one key for every bench on this Redis: another
# bench's list would send the desk after bundles this bench never built
clear_bundle_list() {
	redis-cli -h 127.0.0.1 -p 6379 --scan --pattern '*assets_json*' | xargs -r redis-cli -h 127.0.0.1 -p 6379 del >/dev/null
}

# Point apps/fulian_grid at this checkout (and its assets); put back whatever was there on exit.
APP_DIR="$BENCH/apps/fulian_grid"
ASSETS_LINK="$BENCH/sites/assets/fulian_grid"
backup=""
added_to_apps_txt=""
restore() {
	if [ -n "$backup" ]; then rm -f "$APP_DIR"; mv "$backup" "$APP_DIR"; fi
	if [ -n "$added_to_apps_txt" ]; then sed -i '/^fulian_grid$/d' "$BENCH/sites/apps.txt"; fi
}
link_app() {
	start_services
	trap 'stop_servers; restore' EXIT
	if [ "$(readlink -f "$APP_DIR")" != "$ROOT" ]; then
		if [ -e "$APP_DIR" ] || [ -L "$APP_DIR" ]; then backup="$APP_DIR.before-fulian-test.$$"; mv "$APP_DIR" "$backup"; fi
		ln -s "$ROOT" "$APP_DIR"
	fi
	if ! grep -qx fulian_grid "$BENCH/sites/apps.txt"; then
		[ -z "$(tail -c1 "$BENCH/sites/apps.txt")" ] || echo >>"$BENCH/sites/apps.txt"
		echo fulian_grid >>"$BENCH/sites/apps.txt"
		added_to_apps_txt=1
	fi
	# the desk loads the app's js and css from sites/assets (what `bench build` links)
	[ -e "$ASSETS_LINK" ] || ln -s "$APP_DIR/fulian_grid/public" "$ASSETS_LINK"
	"$BENCH/env/bin/pip" install -q -e "$APP_DIR" >/dev/null
}

# A fresh site with the app, the demo data at `scale` and the demo users.
make_demo_site() {
	local site=$1 scale=$2
	(cd "$BENCH" && db_stdin | b drop-site "$site" --force --no-backup "${db_args[@]}" >/dev/null 2>&1; rm -rf "sites/$site" archived/sites/"$site"*) || true
	(cd "$BENCH" && db_stdin | b new-site "$site" "${db_args[@]}" --admin-password admin \
		--mariadb-user-host-login-scope=% --install-app fulian_grid) &&
		(cd "$BENCH" && b --site "$site" execute fulian_grid.demo.generate --kwargs "{'scale': $scale}") &&
		(cd "$BENCH" && b --site "$site" execute fulian_grid.demo.users.make_demo_users)
}

# The site on http://SITE:PORT with Frappe's realtime server (the desk connects to it): the web
# server by the Host header, as in production, and the realtime server told that every
# *.localhost name is this machine (tests/browser/localhost-dns.js).
server_pids=()
serve_site() {
	local site=$1 port=$2
	clear_bundle_list
	(cd "$BENCH/sites" && DEV_SERVER=1 exec "$BENCH/env/bin/python" -m frappe.utils.bench_helper frappe \
		serve --port "$port" --noreload >"$BENCH/logs/fulian-serve-$port.log" 2>&1) &
	server_pids+=($!)
	local socketio_port
	socketio_port=$(conf socketio_port)
	if ! (exec 3<>"/dev/tcp/127.0.0.1/${socketio_port:-9000}") 2>/dev/null; then
		(cd "$BENCH" && exec node -r "$ROOT/tests/browser/localhost-dns.js" apps/frappe/socketio.js \
			>"$BENCH/logs/fulian-socketio.log" 2>&1) &
		server_pids+=($!)
	fi
	for _ in $(seq 60); do
		curl -fs -o /dev/null --resolve "$site:$port:127.0.0.1" "http://$site:$port/api/method/ping" && return 0
		sleep 1
	done
	echo "the server on port $port did not answer"
	return 1
}
stop_servers() {
	local pid
	for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	server_pids=()
}

free_port() { # a free loopback port
	"$BENCH/env/bin/python" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
}

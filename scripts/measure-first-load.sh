#!/usr/bin/env bash
# The field app's first load on a throttled phone, served as Frappe serves it in production: nginx in
# front (gzip, /assets from disk, the rest proxied) and gunicorn behind — not `bench serve`, which
# sends every file uncompressed. Both are started here on free loopback ports with a configuration
# written into a temporary folder, and stopped (and the folder removed) at the end.
#
#   FULIAN_BENCH=~/frappe-bench scripts/measure-first-load.sh SITE          # http/1.1, as behind a TLS proxy
#   FULIAN_MEASURE_TLS=1 FULIAN_BENCH=… scripts/measure-first-load.sh SITE  # https + http/2 (self-signed)
#
# SITE is a demo site (fulian_grid.demo.generate, fulian_grid.demo.users.make_demo_users) of that
# bench with the field app built (`cd frontend && npm run build`). Needs Debian's nginx and chromium.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=${FULIAN_BENCH:-$HOME/frappe-bench}
SITE=${1:?usage: scripts/measure-first-load.sh SITE}
# shellcheck source=scripts/bench.sh
source "$ROOT/scripts/bench.sh"
[ -x /usr/sbin/nginx ] || { echo "needs nginx (apt-get install nginx)"; exit 1; }
[ -f "$ROOT/fulian_grid/public/frontend/sw.js" ] || { echo "build the field app first (cd frontend && npm run build)"; exit 1; }

TMP=$(mktemp -d)
APP_PORT=$(free_port)
WEB_PORT=$(free_port)
cleanup() {
	[ -f "$TMP/nginx.pid" ] && kill "$(cat "$TMP/nginx.pid")" 2>/dev/null
	[ -n "${GUNICORN:-}" ] && kill "$GUNICORN" 2>/dev/null
	sleep 1
	rm -rf "$TMP"
}
trap cleanup EXIT

# gunicorn as bench's production Procfile/supervisor runs it
(cd "$BENCH/sites" && exec "$BENCH/env/bin/gunicorn" -b "127.0.0.1:$APP_PORT" -w 2 -t 120 --preload \
	frappe.app:application >"$TMP/gunicorn.log" 2>&1) &
GUNICORN=$!

LISTEN="127.0.0.1:$WEB_PORT"
SCHEME=http
if [ -n "${FULIAN_MEASURE_TLS:-}" ]; then
	openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$SITE" -keyout "$TMP/key.pem" \
		-out "$TMP/cert.pem" >/dev/null 2>&1
	LISTEN="127.0.0.1:$WEB_PORT ssl http2;
		ssl_certificate $TMP/cert.pem;
		ssl_certificate_key $TMP/key.pem;
		ssl_protocols TLSv1.3"
	SCHEME=https
fi

# the parts of frappe-bench's nginx template (bench/config/templates/nginx.conf) that matter here
cat >"$TMP/nginx.conf" <<CONF
user root;
worker_processes 1;
pid $TMP/nginx.pid;
error_log $TMP/error.log;
events { worker_connections 256; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log $TMP/access.log;
	client_body_temp_path $TMP/body;
	proxy_temp_path $TMP/proxy;
	sendfile on;
	keepalive_timeout 65;
	client_max_body_size 50m;
	gzip on;
	gzip_http_version 1.1;
	gzip_comp_level 5;
	gzip_min_length 256;
	gzip_proxied any;
	gzip_vary on;
	gzip_types application/atom+xml application/javascript application/json application/rss+xml
		application/vnd.ms-fontobject application/x-font-ttf application/font-woff
		application/x-web-app-manifest+json application/xhtml+xml application/xml font/opentype
		image/svg+xml image/x-icon text/css text/plain text/x-component application/manifest+json;
	upstream frappe { server 127.0.0.1:$APP_PORT fail_timeout=0; }
	server {
		listen $LISTEN;
		server_name $SITE;
		root $BENCH/sites;
		location /assets {
			try_files \$uri =404;
			add_header Cache-Control "max-age=31536000";
		}
		location ~ ^/protected/(.*) {
			internal;
			try_files /$SITE/\$1 =404;
		}
		location / {
			try_files /$SITE/public/\$uri @webserver;
		}
		location @webserver {
			proxy_http_version 1.1;
			proxy_set_header X-Forwarded-For \$remote_addr;
			proxy_set_header X-Forwarded-Proto \$scheme;
			proxy_set_header X-Frappe-Site-Name $SITE;
			proxy_set_header Host \$host;
			proxy_set_header X-Use-X-Accel-Redirect True;
			proxy_read_timeout 120;
			proxy_redirect off;
			proxy_pass http://frappe;
		}
	}
}
CONF
mkdir -p "$TMP/body" "$TMP/proxy"
/usr/sbin/nginx -p "$TMP" -c "$TMP/nginx.conf"

for _ in $(seq 60); do
	curl -fsk -o /dev/null --resolve "$SITE:$WEB_PORT:127.0.0.1" "$SCHEME://$SITE:$WEB_PORT/api/method/ping" && break
	sleep 1
done
echo "nginx (gzip) on $SCHEME://$SITE:$WEB_PORT in front of gunicorn on 127.0.0.1:$APP_PORT"
# a server in production has answered requests before: warm both workers (the phone stays cold)
JAR="$TMP/cookies"
curl -sk -o /dev/null -c "$JAR" --resolve "$SITE:$WEB_PORT:127.0.0.1" \
	--data-urlencode "usr=${FULIAN_MEASURE_USER:-worker@dongying.example}" \
	--data-urlencode "pwd=${FULIAN_DEMO_PASSWORD:-Fulian@2026}" "$SCHEME://$SITE:$WEB_PORT/api/method/login"
for _ in 1 2 3 4 5 6; do
	warming=()
	for path in /fulian/visits /api/method/fulian_grid.api.field.my_visits; do
		curl -sk -o /dev/null -b "$JAR" --resolve "$SITE:$WEB_PORT:127.0.0.1" "$SCHEME://$SITE:$WEB_PORT$path" &
		warming+=($!)
	done
	wait "${warming[@]}" # not gunicorn's
done
curl -sk -o /dev/null -H "Accept-Encoding: gzip" -w "the app's script over the wire: %{size_download} bytes (gzip)\n" \
	--resolve "$SITE:$WEB_PORT:127.0.0.1" "$SCHEME://$SITE:$WEB_PORT$(grep -o '/assets/fulian_grid/frontend/assets/index-[^"]*\.js' "$ROOT/fulian_grid/www/fulian.html")"
(cd "$ROOT/tests/browser" && FULIAN_BROWSER_URL="$SCHEME://$SITE:$WEB_PORT" node measure-first-load.js)

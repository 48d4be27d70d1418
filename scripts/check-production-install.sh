#!/usr/bin/env bash
# Proves the README's production steps on a production-only install: the built app
# (build/, from `npm run build`) with `npm ci --omit=dev` migrates, creates an admin, backs up
# the database and the attachments, restores them, and serves the restored database.
# Run after `npm run build`; it works in a temporary folder and leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/index.js ] || [ ! -f build/scripts/migrate.js ]; then
	echo "build/ is missing or incomplete: run npm run build first" >&2
	exit 1
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
	# The server runs in its own process group (npm and the node it starts): end them both.
	if [ -n "$server_pid" ]; then kill -- "-$server_pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

# What a deployment copies: the manifest, the lock file, the build and the start script.
mkdir -p "$work/app/scripts"
cp package.json package-lock.json "$work/app/"
cp -r build "$work/app/build"
cp scripts/start.js "$work/app/scripts/"
cd "$work/app"

echo "== npm ci --omit=dev"
# better-sqlite3 compiles from source at once instead of first trying to download a prebuilt
# binary from outside the package registry (which times out on a machine without that access).
npm_config_build_from_source=true npm ci --omit=dev --no-audit --no-fund
for dev in tsx vite typescript @sveltejs/kit; do
	if [ -e "node_modules/$dev" ]; then
		echo "a production install should not have $dev" >&2
		exit 1
	fi
done

export DATABASE_PATH="$work/data/app.db" UPLOAD_DIR="$work/data/uploads"

echo "== npm run migrate"
npm run --silent migrate

echo "== npm run admin:create"
ADMIN_PASSWORD='production-check-password' npm run --silent admin:create -- --email admin@example.org --name 管理员

# An attachment as the app stores it: the file under its id in UPLOAD_DIR, its row (with the
# file's SHA-256) in the database. Only the attachment row is written here, so foreign keys are
# off for this one connection.
id="prodcheck000000000000001"
mkdir -p "$UPLOAD_DIR"
printf '%%PDF-1.4\n生产环境备份检查\n%%%%EOF\n' > "$UPLOAD_DIR/$id"
node --input-type=module -e "
import SQLite from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
const bytes = readFileSync(process.env.UPLOAD_DIR + '/$id');
const db = new SQLite(process.env.DATABASE_PATH);
db.pragma('foreign_keys = OFF');
db.prepare('INSERT INTO attachments (id, proposal_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at, removed_at) VALUES (?, 1, ?, ?, ?, ?, 1, ?, NULL)')
	.run('$id', '方案.pdf', 'application/pdf', bytes.length, createHash('sha256').update(bytes).digest('hex'), new Date().toISOString());
db.close();
"

echo "== npm run backup"
npm run --silent backup -- "$work/backup"
cmp "$UPLOAD_DIR/$id" "$work/backup/uploads/$id"
test -f "$work/backup/app.db"

echo "== the data is lost; npm run restore"
cp "$UPLOAD_DIR/$id" "$work/original"
rm -rf "$work/data"
npm run --silent restore -- "$work/backup"
cmp "$work/original" "$UPLOAD_DIR/$id"
admins="$(node --input-type=module -e "
import SQLite from 'better-sqlite3';
const db = new SQLite(process.env.DATABASE_PATH, { readonly: true });
console.log(db.prepare(\"SELECT count(*) AS n FROM users WHERE role = 'admin' AND email = 'admin@example.org'\").get().n);
")"
test "$admins" = 1

echo "== npm start on the restored database"
port="${PROD_CHECK_PORT:-4199}"
PORT="$port" HOST=127.0.0.1 setsid npm start >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
	if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
	sleep 1
done
if ! curl -fsS "http://127.0.0.1:$port/healthz" | grep -q ok; then
	cat "$work/server.log" >&2
	exit 1
fi
echo "production install: migrate, admin:create, backup, restore and start all work"

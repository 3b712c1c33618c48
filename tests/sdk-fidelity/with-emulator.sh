#!/usr/bin/env bash
# Runs a command with a freshly started emulator (HTTP + HTTPS on free loopback ports).
# The command sees: EMULATOR_URL (http://127.0.0.1:P), EMULATOR_HTTPS_URL (https://localhost:Q),
# EMULATOR_HTTPS_HOST (localhost:Q), EMULATOR_CA (PEM of the dev CA to trust),
# EMULATOR_ADMIN_SECRET (the secret the admin API /_emulator/ requires, header X-Emulator-Admin-Secret).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dll="$root/src/DocSync.Dropbox.Emulator/bin/Release/net10.0/DocSync.Dropbox.Emulator.dll"
[ -f "$dll" ] || dotnet build "$root/src/DocSync.Dropbox.Emulator" -c Release -nologo -clp:ErrorsOnly >&2
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
http_port=$(free_port); https_port=$(free_port)
work=$(mktemp -d)
admin_secret=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
DOCSYNC_EMULATOR_ADMIN_SECRET="$admin_secret" dotnet "$dll" --port "$http_port" --https-port "$https_port" --no-tokens --seed 7 \
  --redirect-uri "http://127.0.0.1:53682/callback" >"$work/emulator.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -sf -H "X-Emulator-Admin-Secret: $admin_secret" "http://127.0.0.1:$http_port/_emulator/ca.pem" -o "$work/ca.pem" && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/emulator.log" >&2; exit 1; }
  sleep 0.2
done
[ -s "$work/ca.pem" ] || { echo "emulator did not start" >&2; cat "$work/emulator.log" >&2; exit 1; }
export EMULATOR_URL="http://127.0.0.1:$http_port" EMULATOR_HTTPS_URL="https://localhost:$https_port" \
  EMULATOR_HTTPS_HOST="localhost:$https_port" EMULATOR_CA="$work/ca.pem" EMULATOR_ADMIN_SECRET="$admin_secret"
set +e
"$@"
status=$?
set -e
if [ $status -ne 0 ]; then echo "--- emulator log ---" >&2; tail -n 50 "$work/emulator.log" >&2; fi
exit $status

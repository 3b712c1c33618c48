#!/usr/bin/env bash
# DocSync's one test command: installs whatever the tests need that this machine lacks, builds
# everything, and runs every test (xUnit suites, then the official-SDK fidelity batteries against
# a live emulator). Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- 1. System packages (Debian) -----------------------------------------------------------
need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in postgresql chromium fonts-dejavu-core poppler-utils tesseract-ocr tesseract-ocr-fra tesseract-ocr-nld python3-dropbox rclone nodejs npm; do
  case "$pkg" in
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
  esac
  have_pkg "$pkg" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  log "Installing: ${need[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }

# --- 2. npm packages (the official Dropbox JS SDK, pinned by package-lock.json) ---------------
log "npm ci (official Dropbox JavaScript SDK)"
npm ci --prefix tests/sdk-fidelity/js --no-audit --no-fund --loglevel=error

# --- 3. Build and run the .NET suites -------------------------------------------------------
log "dotnet build"
dotnet build DocSync.slnx -c Release -nologo -clp:ErrorsOnly
results=artifacts/test-results
rm -rf "$results"; mkdir -p "$results"
log "dotnet test"
# A test hanging for 12 minutes is stopped and named (the session would otherwise just time out).
dotnet test DocSync.slnx -c Release --no-build --nologo --logger "trx" --results-directory "$results" \
  --blame-hang-timeout 12m --blame-hang-dump-type none -- RunConfiguration.TestSessionTimeout=2400000

# --- 4. Official SDK fidelity batteries against a live emulator (HTTPS) -----------------------
log "Official Dropbox JavaScript SDK against the emulator"
tests/sdk-fidelity/with-emulator.sh node --test --test-concurrency=1 --test-reporter=spec \
  --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination="$results/js.tap" \
  tests/sdk-fidelity/js/
log "Official Dropbox Python SDK (Debian python3-dropbox) against the emulator"
tests/sdk-fidelity/with-emulator.sh /usr/bin/python3 -m unittest discover -s tests/sdk-fidelity/python -p 'test_*.py' -v \
  2> >(tee "$results/python.log" >&2)

# --- 5. One closing line over every runner ----------------------------------------------------
python3 - "$results" <<'PY'
import glob, re, sys, xml.etree.ElementTree as ET
d = sys.argv[1]; passed = failed = skipped = 0
for f in glob.glob(f"{d}/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)); skipped += int(c.get("notExecuted", 0))
tap = open(f"{d}/js.tap").read()
passed += int(re.findall(r"^# pass (\d+)", tap, re.M)[-1]); failed += int(re.findall(r"^# fail (\d+)", tap, re.M)[-1])
py = open(f"{d}/python.log").read()
m = re.search(r"^Ran (\d+) test", py, re.M); ran = int(m.group(1)) if m else 0
f2 = re.search(r"FAILED \((.*)\)", py); bad = sum(int(x) for x in re.findall(r"(?:failures|errors)=(\d+)", f2.group(1))) if f2 else 0
s2 = re.search(r"skipped=(\d+)", py); sk = int(s2.group(1)) if s2 else 0
passed += ran - bad - sk; failed += bad; skipped += sk
print(f"\nAll suites: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed else 0)
PY

#!/usr/bin/env bash
# Dynamic scans of the portal on loopback (issue 14, item 10): Debian's wapiti and sqlmap against a throwaway portal
# with the demo data, signed in as demo.municipal (and, for a shorter second pass, demo.teacher).
#   - a throwaway PostgreSQL cluster and data folder in a temporary directory, deleted at the end (KEEP=1 keeps it);
#   - the one migration step with the demo data, then the portal (Production) on a free port of 127.0.0.1;
#   - wapiti, bounded in time (WAPITI_SECONDS per pass, WAPITI_ATTACK_SECONDS per module), over the whole site with the
#     session cookie, signing out excluded; sqlmap --batch --level 1 --risk 1 on the list pages that take a search;
#   - reports in artifacts/scan/ (wapiti-*.json and -*.log, sqlmap/ and sqlmap-*.log, portal.log);
#   - exit status 1 when wapiti reports a vulnerability of high or critical level (3, 4) or sqlmap finds an injection
#     point, 2 when the scan itself could not run. Findings and their explanations: docs/security.md.
# Nothing leaves the machine: every address is 127.0.0.1. SKIP_BUILD=1 uses the build that is there.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/common.sh"
cd "$REPO_ROOT"

WAPITI_SECONDS="${WAPITI_SECONDS:-150}"
WAPITI_ATTACK_SECONDS="${WAPITI_ATTACK_SECONDS:-25}"
SQLMAP_SECONDS="${SQLMAP_SECONDS:-60}"
PASSWORD="${DEMO_PASSWORD:-Demo-Attestation-2026}"
OUT="$REPO_ROOT/artifacts/scan"

ensure_packages postgresql python3 curl
missing=()
command -v wapiti >/dev/null 2>&1 || missing+=(wapiti)
command -v sqlmap >/dev/null 2>&1 || missing+=(sqlmap)
if [[ ${#missing[@]} -gt 0 ]]; then
    apt_install "${missing[@]}"
fi
ensure_frontend
ensure_dotnet_tools

ROOT="$(mktemp -d /tmp/attestation-scan.XXXXXX)"
if is_root; then chown postgres: "$ROOT"; fi
PORTAL_PID=""
started=$SECONDS

# shellcheck disable=SC2317 # called from the trap
cleanup() {
    if [[ -n $PORTAL_PID ]]; then
        # The portal leads its own process group (setsid): dotnet run and the portal it started.
        kill -TERM -- "-$PORTAL_PID" 2>/dev/null || true
        wait "$PORTAL_PID" 2>/dev/null || true
    fi
    [[ -f $ROOT/portal.log ]] && cp "$ROOT/portal.log" "$OUT/portal.log" 2>/dev/null || true
    stop_cluster "$ROOT/pg/data"
    if [[ ${KEEP:-0} == 1 ]]; then
        log "kept $ROOT"
    else
        rm -rf "$ROOT"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$OUT"
mkdir -p "$OUT" "$ROOT/pg"
if is_root; then chown postgres: "$ROOT/pg"; fi
ATTESTATION_PG_OPTIONS="-c fsync=off -c synchronous_commit=off"
start_cluster "$ROOT/pg/data"
ensure_database attestation
ensure_runtime_role attestation_app
export ConnectionStrings__Migrations="Host=127.0.0.1;Port=$ATTESTATION_PG_PORT;Database=attestation;Username=attestation"
export ConnectionStrings__Default="Host=127.0.0.1;Port=$ATTESTATION_PG_PORT;Database=attestation;Username=attestation_app"
export Database__RuntimeUser=attestation_app

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    log "dotnet build src/Attestation.Web -c Release"
    dotnet build src/Attestation.Web -c Release --disable-build-servers -nologo -v quiet >"$ROOT/build.log" 2>&1 || {
        tail -n 40 "$ROOT/build.log" >&2
        die "the build failed"
    }
fi

export ASPNETCORE_ENVIRONMENT=Production
export Storage__DataDirectory="$ROOT/data"
export Pdf__ChromiumPath="${Pdf__ChromiumPath:-/usr/bin/chromium}"
export DataProtection__CertificatePath=keys/data-protection.pfx
export Jobs__Enabled=false
mkdir -p "$Storage__DataDirectory"
portal() { dotnet run --no-build --no-launch-profile --project src/Attestation.Web -c Release -- "$@"; }

log "the migration step (migrations and the demo data)"
Demo__Enabled=true DataProtection__CreateCertificate=true Logs__Console=text portal migrate >"$ROOT/migrate.log" 2>&1 || {
    tail -n 40 "$ROOT/migrate.log" >&2
    die "the migration step failed"
}

port=""
for ((p = 20000 + RANDOM % 20000; ; p++)); do
    if port_is_free "$p"; then
        port=$p
        break
    fi
done
BASE="http://127.0.0.1:$port"
export Email__PublicBaseUrl="$BASE"
log "the portal on $BASE"
ASPNETCORE_URLS="$BASE" Database__Migrate=false Demo__Enabled=false Logs__Console=text \
    setsid bash -c "$(declare -f portal); portal" >"$ROOT/portal.log" 2>&1 &
PORTAL_PID=$!
for ((i = 0; ; i++)); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready" || true) == 200 ]] && break
    ((i < 240)) || {
        tail -n 40 "$ROOT/portal.log" >&2
        die "the portal was not ready within two minutes"
    }
    sleep 0.5
done

# Kept out of the attacks: wapiti's csrf module replays every form as it was, and «Выйти» would end the session the
# scan runs in (then everything after it is anonymous and the sign-in form's limits answer 429); a new password and
# the calendar link would break it too.
EXCLUDED=(
    -x "$BASE/Account/Logout*"
    -x "$BASE/Account/ChangePassword*"
    -x "$BASE/Account/TwoFactor*"
    -x "$BASE/Notifications/Settings*"
)
# Found by error messages, reflected payloads, paths, commands, headers and redirects; blind and time-based SQL
# injection is sqlmap's part below.
MODULES="sql,xss,permanentxss,exec,file,crlf,redirect,ssrf,http_headers,cookieflags,csp,csrf,methods"

scan_as() {
    local login=$1 start=$2 seconds=$3 name from
    name="wapiti-${login#demo.}"
    from=$(($(wc -l <"$ROOT/portal.log") + 1))
    log "wapiti as $login from $start (at most ${seconds} s)"
    # wapiti's exit status says nothing about findings; its report does.
    timeout --kill-after=30 $((seconds + 120)) /usr/bin/python3 "$REPO_ROOT/scripts/lib/wapiti_run.py" -u "$BASE/" -s "$BASE$start" \
        --scope folder -c "$ROOT/$login.json" "${EXCLUDED[@]}" -m "$MODULES" --flush-session \
        --store-session "$ROOT/wapiti-session" --store-config "$ROOT/wapiti-config" \
        --max-scan-time "$seconds" --max-attack-time "$WAPITI_ATTACK_SECONDS" -d 4 --max-links-per-page 40 \
        --max-files-per-dir 30 -t 20 -S normal --no-bugreport -v 1 -f json -o "$OUT/$name.json" \
        >"$OUT/$name.log" 2>&1 || log "wapiti as $login ended with status $? (see $OUT/$name.log)"
    [[ -s $OUT/$name.json ]] || { log "wapiti as $login wrote no report (see $OUT/$name.log)"; exit 2; }
    # Whether the pass stayed signed in: its GETs in the area answer 200 (404 for a made-up id), and 302 (to the
    # sign-in) once the session has ended. A post of «Личный кабинет» with another e-mail ends the account's other
    # sessions and renews the one that posted (as a password change does): wapiti keeps the renewed cookie, the copy
    # this script saved at the sign-in is ended.
    local answers still
    answers="$(tail -n +"$from" "$ROOT/portal.log" | grep -o "HTTP GET $start[^ ]* answered [0-9]*" |
        awk '{ count[$NF]++ } END { for (code in count) printf "%s×%s ", count[code], code }')"
    still="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $(cat "$ROOT/$login.header")" "$BASE$start")"
    log "wapiti's GETs under $start as $login answered: ${answers:-none} (302: signed out); the cookie saved at the sign-in now answers $still"
}

sqlmap_as() {
    local login=$1 label=$2 url=$3 param=$4 cookie
    cookie="$(cat "$ROOT/$login.header")"
    log "sqlmap as $login on ${url#"$BASE"} ($param)"
    timeout --kill-after=10 "$SQLMAP_SECONDS" sqlmap -u "$url" -p "$param" --cookie="$cookie" --batch --level 1 --risk 1 \
        --dbms=PostgreSQL --time-sec 2 --timeout 20 --retries 1 --flush-session --disable-coloring \
        --output-dir "$OUT/sqlmap" >"$OUT/sqlmap-$label.log" 2>&1 ||
        log "sqlmap on $label ended with status $? (a timeout means it ran out of its ${SQLMAP_SECONDS} s)"
}

# Both sessions first: the attacks on the sign-in form soon reach its per-address limit (429), as they should.
for login in demo.municipal demo.teacher; do
    python3 "$REPO_ROOT/scripts/lib/scan_session.py" "$BASE" "$login" "$PASSWORD" "$ROOT/$login" ||
        { log "could not sign in as $login"; exit 2; }
done

sqlmap_as demo.municipal registration "$BASE/Municipality/Registration?show=all&q=%D0%B8%D0%B2" q
sqlmap_as demo.municipal notapplied "$BASE/Municipality/NotApplied?q=%D0%B8%D0%B2" q
sqlmap_as demo.municipal users "$BASE/Municipality/Users?q=demo&role=Expert" q
sqlmap_as demo.municipal withdrawals "$BASE/Municipality/Withdrawals?q=%D0%B8%D0%B2" q
sqlmap_as demo.municipal schedules "$BASE/Schedules?period=2026-01" period

scan_as demo.municipal /Municipality "$WAPITI_SECONDS"
scan_as demo.teacher /Teacher $((WAPITI_SECONDS / 2))

log "reading the reports"
status=0
python3 - "$OUT" <<'PY' || status=1
import glob, json, sys
out = sys.argv[1]
high = 0
for path in sorted(glob.glob(f"{out}/wapiti-*.json")):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    for kind in ("vulnerabilities", "anomalies"):
        for category, items in (report.get(kind) or {}).items():
            for item in items:
                level = int(item.get("level") or 0)
                mark = "HIGH" if level >= 3 else "    "
                high += kind == "vulnerabilities" and level >= 3
                print(f"{mark} {path.rsplit('/', 1)[1]}: {kind[:-1]} level {level}: {category}: "
                      f"{item.get('method')} {item.get('path')} {item.get('parameter') or ''} — {item.get('info', '')[:160]}")
print(f"wapiti: {high} finding(s) of high or critical level")
sys.exit(1 if high else 0)
PY
if grep -l -E "identified the following injection point|is vulnerable" "$OUT"/sqlmap-*.log >/dev/null 2>&1; then
    grep -H -E "identified the following injection point|is vulnerable" "$OUT"/sqlmap-*.log >&2
    status=1
else
    log "sqlmap: no injection point found ($(cat "$OUT"/sqlmap-*.log | grep -c -E "do not appear to be injectable|does not seem to be injectable" || true) verdicts of «not injectable»)"
fi
log "scan finished in $((SECONDS - started)) s; reports in $OUT"
exit "$status"

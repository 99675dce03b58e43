#!/usr/bin/env bash
# The load harness (issue 11): starts the portal in Production on a generated database, signs in as each role and
# measures every list page, the application cards, the exports and the sign-in with wrk (throughput at 32
# connections) and hey (latency at a fixed rate), each also as a ratio to the calibration page (/Calibration: same
# layout, one indexed row) measured just before and just after it in the same run, after a warm-up pass. Samples the
# portal's memory throughout, optionally soaks it and runs the deadline burst (Attestation.Bench burst), and writes a
# Markdown report with every goal met or not; exits non-zero when a goal is missed (after writing it).
#
#   dotnet run -c Release --project bench/Attestation.Bench -- generate --connection "$CS" --accounts bench/.data/region.json
#   bench/run.sh --connection "$CS" --accounts bench/.data/region.json --label region [--runs 3] [--duration 10s]
#                [--soak 20] [--burst 1000 --burst-window 5m] [--pg-log /path/to/postgres.log] [--out bench/.data/region.md]
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/scripts/lib/common.sh"
cd "$REPO_ROOT"

CONNECTION="${BENCH_CONNECTION:-}"
ACCOUNTS="bench/.data/accounts.json"
LABEL="region"
RUNS=3
DURATION="10s"
RATE=50
SIGN_IN_RATE=10
CONNECTIONS=32
SOAK=0
BURST=0
BURST_WINDOW="5m"
# The calibration is measured before the pages of each run and after every CAL_EVERY of them (and after the last).
CAL_EVERY=6
WARM_UP="2s"
PG_LOG=""
OUT=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --connection) CONNECTION="$2"; shift 2 ;;
        --accounts) ACCOUNTS="$2"; shift 2 ;;
        --label) LABEL="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --duration) DURATION="$2"; shift 2 ;;
        --soak) SOAK="$2"; shift 2 ;;
        --burst) BURST="$2"; shift 2 ;;
        --burst-window) BURST_WINDOW="$2"; shift 2 ;;
        --pg-log) PG_LOG="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        *) die "unknown option $1 (see the head of bench/run.sh)" ;;
    esac
done
[[ -n $CONNECTION ]] || die "--connection (or BENCH_CONNECTION) names the generated database"
[[ -f $ACCOUNTS ]] || die "no accounts file $ACCOUNTS: run the generator with --accounts first (bench/README.md)"
OUT="${OUT:-bench/.data/$LABEL.md}"
[[ $BURST =~ ^[0-9]+$ ]] || die "--burst takes a number of submissions (0: no burst)"
# The window in seconds, for Attestation.Bench burst: 300, 300s or 5m.
case $BURST_WINDOW in
    *m) BURST_SECONDS=$((${BURST_WINDOW%m} * 60)) ;;
    *s) BURST_SECONDS="${BURST_WINDOW%s}" ;;
    *) BURST_SECONDS="$BURST_WINDOW" ;;
esac
[[ $BURST_SECONDS =~ ^[0-9]+$ && $BURST_SECONDS -gt 0 ]] || die "--burst-window takes seconds or minutes: 300, 300s, 5m"

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v hey >/dev/null 2>&1 || missing+=(hey)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
[[ ${#missing[@]} -eq 0 ]] || apt_install "${missing[@]}"

# libpq's form of the Npgsql connection string, for psql.
PSQL_CONN="$(printf '%s' "$CONNECTION" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Database=/dbname=/; s/Username=/user=/; s/Password=/password=/')"

# The burst submits for teachers the generator kept without an application: enough of them, and still without one
# (each burst leaves its applications and their 2 MB files in the database: run it on a fresh copy).
if [[ $BURST -gt 0 ]]; then
    burst_teachers="$(jq -r '(.burstTeachers // []) | length' "$ACCOUNTS")"
    [[ $burst_teachers -ge $BURST ]] ||
        die "--burst $BURST: $ACCOUNTS lists only $burst_teachers burstTeachers; ask for at most $burst_teachers or regenerate the accounts"
    burst_logins="$(jq -r --argjson n "$BURST" '.burstTeachers[:$n] | map("\u0027" + . + "\u0027") | join(",")' "$ACCOUNTS")"
    already="$(psql "$PSQL_CONN" -Atc "SELECT count(*) FROM \"Applications\" a JOIN \"AspNetUsers\" u ON u.\"Id\" = a.\"TeacherId\" WHERE u.\"UserName\" IN ($burst_logins)")"
    [[ $already -eq 0 ]] ||
        die "--burst $BURST: the burst teachers already have $already applications in this database (an earlier burst); use a fresh copy of the generated database"
fi

WORK="$(mktemp -d /tmp/attestation-bench.XXXXXX)"
PORTAL_PID=""
SAMPLER_PID=""
cleanup() {
    [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null || true
    if [[ -n $PORTAL_PID ]]; then
        kill "$PORTAL_PID" 2>/dev/null || true
        wait "$PORTAL_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT

account() { jq -r "$1" "$ACCOUNTS"; }

# --- the portal -------------------------------------------------------------------------------------------------
log "dotnet build src/Attestation.Web -c Release"
dotnet build src/Attestation.Web -c Release --disable-build-servers -nologo -v q >"$WORK/build.log" 2>&1 ||
    { cat "$WORK/build.log"; die "build failed"; }
if [[ $BURST -gt 0 ]]; then
    log "dotnet build bench/Attestation.Bench -c Release"
    dotnet build bench/Attestation.Bench -c Release --disable-build-servers -nologo -v q >"$WORK/build-bench.log" 2>&1 ||
        { cat "$WORK/build-bench.log"; die "build of bench/Attestation.Bench failed"; }
fi

PORT=5199
while ! port_is_free "$PORT"; do PORT=$((PORT + 1)); done
BASE="http://127.0.0.1:$PORT"
log "starting the portal (Production) on $BASE"
# The operator's second factor is off for the run (Accounts__RequireOperatorTwoFactor): the harness signs in with a
# password only, and the filter that asks for it costs a claim's check per request either way.
(
    cd src/Attestation.Web
    exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x2000000}" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" ConnectionStrings__Default="$CONNECTION" \
        Storage__DataDirectory="$WORK/data" DataProtection__CertificatePath=keys/data-protection.pfx DataProtection__CreateCertificate=true Email__PickupDirectory="$WORK/mail" Email__PublicBaseUrl="$BASE" Demo__Enabled=false Database__Migrate=true \
        Accounts__RequireOperatorTwoFactor=false CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" \
        dotnet bin/Release/net10.0/Attestation.Web.dll
) >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
for _ in $(seq 1 60); do
    curl -sf -o /dev/null "$BASE/health/ready" && break
    kill -0 "$PORTAL_PID" 2>/dev/null || { tail -30 "$WORK/portal.log"; die "the portal did not start"; }
    sleep 1
done
curl -sf -o /dev/null "$BASE/health/ready" || die "the portal did not answer /health/ready in 60 s"

# The working set, every second, for the whole run, with the phase it was sampled in (phase NAME sets it).
phase() { printf '%s\n' "$*" >"$WORK/phase"; }
phase "signing in"
(
    while kill -0 "$PORTAL_PID" 2>/dev/null; do
        pid="$(pgrep -P "$PORTAL_PID" -f Attestation.Web.dll || echo "$PORTAL_PID")"
        awk -v t="$(date +%s)" -v p="$(cat "$WORK/phase")" '/^VmRSS/ { print t, $2, p }' "/proc/$pid/status" 2>/dev/null || true
        sleep 1
    done
) >"$WORK/rss.log" &
SAMPLER_PID=$!

# --- signing in ---------------------------------------------------------------------------------------------------
PASSWORD="$(account .password)"
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$1" | awk 'NR == 1' | sed 's/.*value="//;s/"$//'; }
sign_in() {
    local role="$1" login="$2" jar="$WORK/$1.jar"
    curl -s -c "$jar" -b "$jar" -o "$WORK/login.html" "$BASE/Account/Login"
    local code
    code="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "Input.Login=$login" \
        --data-urlencode "Input.Password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$(token_of "$WORK/login.html")" \
        "$BASE/Account/Login")"
    [[ $code == 302 ]] || die "signing in as $login ($role) answered $code"
    # The cookie header wrk and hey send: every cookie of the jar.
    awk -F'\t' 'NF >= 7 && $1 !~ /^# / { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar" >"$WORK/$role.cookie"
}
for role in operator municipality expert teacher school; do
    sign_in "$role" "$(account ".$role.login")"
done
cookie() { cat "$WORK/$1.cookie"; }

APP_M="$(account .municipality.applicationId)"
APP_E="$(account .expert.applicationId)"
APP_T="$(account .teacher.applicationId)"
PERIOD="$(account .openPeriodId)"
YEAR="$(date +%Y)"
MUNICIPALITY_ID="$(psql "$PSQL_CONN" -Atc "SELECT \"MunicipalityId\" FROM \"Applications\" WHERE \"Id\" = '$APP_M'")"

# role|kind|url: kind list (the goals apply), card, export, page
PAGES=(
    "municipality|list|/Municipality"
    "municipality|list|/Municipality/Registration"
    "municipality|list|/Municipality/Registration?show=all"
    "municipality|list|/Municipality/Work"
    "municipality|list|/Municipality/Schedule/Fill"
    "municipality|list|/Municipality/Schedule/View"
    "municipality|list|/Municipality/Attestation"
    "municipality|list|/Municipality/Journals"
    "municipality|list|/Municipality/Withdraw"
    "municipality|list|/Municipality/Withdrawals"
    "municipality|list|/Municipality/NotApplied"
    "municipality|list|/Municipality/Invitations"
    "municipality|list|/Municipality/Users"
    "municipality|list|/Municipality/Monitoring"
    "municipality|list|/Municipality/Registration?show=all&q=%D0%B8%D0%B2%D0%B0%D0%BD"
    "municipality|card|/Municipality/Applications/Details?id=$APP_M"
    "operator|list|/Operator"
    "operator|list|/Operator/Control"
    "operator|list|/Operator/Applications"
    "operator|list|/Operator/Conclusions"
    "operator|list|/Operator/Schedule"
    "operator|list|/Operator/Schedule?municipalityId=$MUNICIPALITY_ID"
    "operator|list|/Operator/Periods"
    "operator|list|/Operator/Commission"
    "operator|list|/Operator/Journals"
    "operator|list|/Operator/Print"
    "operator|list|/Operator/Directories"
    "operator|list|/Operator/Directories/Experts"
    "operator|list|/Operator/Directories/Organisations"
    "operator|list|/Operator/Directories/Municipalities"
    "operator|list|/Operator/Users"
    "operator|list|/Operator/Users?q=%D0%B8%D0%B2%D0%B0%D0%BD"
    "operator|list|/Operator/Applications?year=&q=%D0%B8%D0%B2%D0%B0%D0%BD"
    "operator|list|/Operator/Monitoring"
    "operator|card|/Operator/Applications/Details?id=$APP_M"
    "expert|list|/Expert"
    "expert|card|/Expert/Attestee?id=$APP_E"
    "teacher|list|/Teacher"
    "teacher|list|/Teacher/Applications"
    "teacher|card|/Teacher/Applications/Details?id=$APP_T"
    "school|list|/School"
    "school|list|/School/Teachers"
    "school|list|/School/Plan"
    "school|list|/School/Checklist"
    "school|list|/School/Invitations"
)
EXPORTS=(
    "teacher|application PDF|/Teacher/Applications/Print?id=$APP_T"
    "municipality|journal of the year, Excel|/Municipality/Journals?handler=Registration&format=xlsx&year=$YEAR"
    "municipality|journal of the year, PDF|/Municipality/Journals?handler=Registration&format=pdf&year=$YEAR"
    "operator|region's journal of the year, Excel|/Operator/Journals?handler=Registration&format=xlsx"
    "operator|consolidated schedule, Excel|/Operator/Schedule?handler=Download&periodId=$PERIOD&format=xlsx"
    "operator|consolidated schedule, PDF|/Operator/Schedule?handler=Download&periodId=$PERIOD&format=pdf"
    "operator|applications of the year, Excel|/Operator/Applications?handler=Excel"
    "operator|every account, Excel|/Operator/Users?handler=Excel"
    "municipality|teachers who have not applied, Excel|/Municipality/NotApplied?handler=Excel"
)

# Every URL answers 200 to its role before anything is measured (a redirect to the sign-in would measure nothing).
for entry in "${PAGES[@]}" "role|calibration|/Calibration"; do
    IFS='|' read -r role _ url <<<"$entry"
    [[ $role == role ]] && role=operator
    code="$(curl -s -o "$WORK/page.html" -w '%{http_code}' -H "Cookie: $(cookie "$role")" "$BASE$url")"
    [[ $code == 200 ]] || die "$url answered $code to the $role"
done

# --- measuring -----------------------------------------------------------------------------------------------------
# wrk: requests per second at $CONNECTIONS connections; errors are non-2xx/3xx answers or socket errors.
wrk_rps() {
    local out
    out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $(cookie "$1")" "$BASE$2" 2>&1)"
    if grep -q "Non-2xx or 3xx" <<<"$out"; then
        warn "$2: $(grep 'Non-2xx' <<<"$out")"
    fi
    awk '/^Requests\/sec:/ { print $2 }' <<<"$out"
}
# hey: latency percentiles (ms) at a fixed total rate: p50 p95 p99 errors
hey_latency() {
    local role="$1" url="$2" rate="$3" workers=5
    local out
    out="$(hey -z "$DURATION" -c "$workers" -q "$(awk -v r="$rate" -v w="$workers" 'BEGIN { print r / w }')" \
        -H "Cookie: $(cookie "$role")" "$BASE$url" 2>&1)"
    awk '
        /10% in/ { } /50% in/ { p50 = $3 * 1000 } /95% in/ { p95 = $3 * 1000 } /99% in/ { p99 = $3 * 1000 }
        /^\s*\[[0-9]+\]/ { code = $1; gsub(/[\[\]]/, "", code); if (code !~ /^2/) errors += $2 }
        END { printf "%.1f %.1f %.1f %d\n", p50, p95, p99, errors }' <<<"$out"
}

# Warm-up: every page and the calibration under load for a moment, so that the JIT's tiers and the pools have
# settled before anything is timed (cold, the first page measured, the calibration, looks several times slower). The
# calibration comes last and is followed by a pause: the runtime promotes hot methods to its optimised tier only once
# new code stops being compiled, in the background, and that should not fall in the first measure.
log "warm-up: $WARM_UP of load on each page"
phase "warm-up"
for entry in "${PAGES[@]}" "role|calibration|/Calibration"; do
    IFS='|' read -r role _ url <<<"$entry"
    [[ $role == role ]] && role=operator
    wrk -t1 -c4 -d"$WARM_UP" -H "Cookie: $(cookie "$role")" "$BASE$url" >/dev/null 2>&1 || true
done
sleep 3

# RPS["calibration|run|k"]: the k-th calibration of a run (from 0); CAL_AT["url|run"]: the one just before the page.
declare -A RPS LAT SIZE CAL_COUNT CAL_AT
calibrate() {
    local run="$1" k="${CAL_COUNT[$1]:-0}"
    log "run $run: calibration $((k + 1))"
    RPS["calibration|$run|$k"]="$(wrk_rps operator /Calibration)"
    CAL_COUNT[$run]=$((k + 1))
}
for run in $(seq 1 "$RUNS"); do
    calibrate "$run"
    LAT["calibration|$run"]="$(hey_latency operator /Calibration "$RATE")"
    measured=0
    for entry in "${PAGES[@]}"; do
        IFS='|' read -r role kind url <<<"$entry"
        log "run $run: $url"
        phase "$url"
        CAL_AT["$url|$run"]=$((CAL_COUNT[$run] - 1))
        RPS["$url|$run"]="$(wrk_rps "$role" "$url")"
        LAT["$url|$run"]="$(hey_latency "$role" "$url" "$RATE")"
        measured=$((measured + 1))
        if ((measured % CAL_EVERY == 0 || measured == ${#PAGES[@]})); then calibrate "$run"; fi
    done
done
# A page's throughput over the mean of the calibrations just before and just after it in the same run.
ratio_of() {
    local k="${CAL_AT["$1|$2"]}"
    awk -v v="${RPS["$1|$2"]}" -v a="${RPS["calibration|$2|$k"]}" -v b="${RPS["calibration|$2|$((k + 1))"]}" \
        'BEGIN { c = (a + b) / 2; if (c > 0) printf "%.6f\n", v / c; else print "nan" }'
}
for entry in "${PAGES[@]}"; do
    IFS='|' read -r role _ url <<<"$entry"
    SIZE["$url"]="$(curl -s -o /dev/null -w '%{size_download}' -H "Cookie: $(cookie "$role")" "$BASE$url")"
done

# Sign-in: the page, and the form posted at a fixed rate (one antiforgery pair serves every post).
log "sign-in"
phase "the sign-in form"
curl -s -c "$WORK/anon.jar" -b "$WORK/anon.jar" -o "$WORK/login.html" "$BASE/Account/Login"
ANON_COOKIE="$(awk -F'\t' 'NF >= 7 && $1 !~ /^# / { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$WORK/anon.jar")"
SIGN_IN_BODY="Input.Login=$(account .teacher.login)&Input.Password=$(printf '%s' "$PASSWORD" | jq -sRr @uri)&__RequestVerificationToken=$(token_of "$WORK/login.html")"
SIGN_IN_OUT="$(hey -z "$DURATION" -c 2 -q "$((SIGN_IN_RATE / 2))" -m POST -T application/x-www-form-urlencoded \
    -H "Cookie: $ANON_COOKIE" -d "$SIGN_IN_BODY" "$BASE/Account/Login" 2>&1)"
SIGN_IN="$(awk '/50% in/ { p50 = $3 * 1000 } /95% in/ { p95 = $3 * 1000 } /99% in/ { p99 = $3 * 1000 }
    /^\s*\[[0-9]+\]/ { code = $1; gsub(/[\[\]]/, "", code); if (code != "302") errors += $2 }
    END { printf "%.1f %.1f %.1f %d\n", p50, p95, p99, errors }' <<<"$SIGN_IN_OUT")"

# Exports: each fetched five times in a row, warm; time and size of the last.
declare -A EXPORT_TIMES
for entry in "${EXPORTS[@]}"; do
    IFS='|' read -r role name url <<<"$entry"
    log "export: $name"
    phase "export: $name"
    times=()
    for _ in 1 2 3 4 5 6; do
        times+=("$(curl -s -o "$WORK/export.bin" -w '%{http_code} %{time_total} %{size_download}' -H "Cookie: $(cookie "$role")" "$BASE$url")")
    done
    EXPORT_TIMES["$name"]="$(printf '%s\n' "${times[@]:1}" | sort -k2 -n | awk '{ c[NR] = $1; t[NR] = $2 * 1000; s = $3 } END { printf "%s %.0f %.0f %.0f %s\n", c[3], t[1], t[3], t[5], s }')"
done

# Soak: the pages in turn for the minutes asked, the memory watched.
if [[ $SOAK -gt 0 ]]; then
    log "soak: $SOAK minutes"
    phase "the soak"
    soak_start="$(tail -1 "$WORK/rss.log" | awk '{ print $2 }')"
    end=$(($(date +%s) + SOAK * 60))
    while [[ $(date +%s) -lt $end ]]; do
        for entry in "${PAGES[@]}"; do
            IFS='|' read -r role _ url <<<"$entry"
            wrk -t2 -c"$CONNECTIONS" -d5s -H "Cookie: $(cookie "$role")" "$BASE$url" >/dev/null 2>&1
            [[ $(date +%s) -lt $end ]] || break
        done
    done
    soak_end="$(tail -1 "$WORK/rss.log" | awk '{ print $2 }')"
fi

# The deadline burst: BURST teachers without an application sign in, fill the form, upload a 2 MB PDF and submit,
# started evenly over the window (bench/Attestation.Bench/Burst.cs); it prints its table and one BURST line.
BURST_STATUS=0
if [[ $BURST -gt 0 ]]; then
    log "burst: $BURST submissions over $BURST_SECONDS s"
    phase "the burst"
    dotnet bench/Attestation.Bench/bin/Release/net10.0/Attestation.Bench.dll burst --base-url "$BASE" --accounts "$ACCOUNTS" \
        --count "$BURST" --window "$BURST_SECONDS" --out "$WORK/burst.md" >"$WORK/burst.out" 2>"$WORK/burst.err" || BURST_STATUS=$?
    [[ $BURST_STATUS -le 1 && -f $WORK/burst.md ]] || warn "the burst failed ($BURST_STATUS): $(tail -n 5 "$WORK/burst.err")"
fi

# --- the report ----------------------------------------------------------------------------------------------------
stats() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.0f %.0f %.0f\n", v[1], m, v[NR] }'; }
median_of() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
failed=0
report="$WORK/report.md"
{
    printf '## %s dataset, %s\n\n' "$LABEL" "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'Machine: %s cores, %s GiB, load average before the run %s. Portal: Release build, Production, on the same machine as PostgreSQL %s.\n\n' \
        "$(nproc)" "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
        "$(psql "$PSQL_CONN" -Atc 'SHOW server_version' | cut -d' ' -f1)"
    printf 'Dataset: %s\n\n' "$(psql "$PSQL_CONN" -Atc "SELECT string_agg(format('%s %s', to_char(n, 'FM999G999G999'), t), ', ' ORDER BY n DESC) FROM (
        SELECT 'applications' t, count(*) n FROM \"Applications\" UNION ALL SELECT 'history events', count(*) FROM \"ApplicationEvents\"
        UNION ALL SELECT 'users', count(*) FROM \"AspNetUsers\" UNION ALL SELECT 'stored files', count(*) FROM \"StoredFiles\"
        UNION ALL SELECT 'municipalities', count(*) FROM \"Municipalities\" UNION ALL SELECT 'organisations', count(*) FROM \"Organisations\") c");
        database $(psql "$PSQL_CONN" -Atc 'SELECT pg_size_pretty(pg_database_size(current_database()))')."
    printf 'wrk: %s connections, %s per measure; hey: %s requests/s in total (5 workers) for %s. %s runs; min / median / max over them. ' \
        "$CONNECTIONS" "$DURATION" "$RATE" "$DURATION" "$RUNS"
    printf 'Before run 1, %s of wrk on every page as a warm-up. ÷ calibration: the page'"'"'s requests/s over the mean of the two /Calibration measures just before and after it in the same run (measured before the pages and after every %s), median over the runs.\n\n' \
        "$WARM_UP" "$CAL_EVERY"

    cal=()
    for run in $(seq 1 "$RUNS"); do
        for ((k = 0; k < CAL_COUNT[$run]; k++)); do cal+=("${RPS["calibration|$run|$k"]}"); done
    done
    printf '| page | kind | requests/s (min / median / max) | ÷ calibration | p50 / p95 / p99 at %s/s, ms | KB | goal |\n' "$RATE"
    printf '| --- | --- | ---: | ---: | ---: | ---: | --- |\n'
    read -r cmin cmed cmax <<<"$(stats "${cal[@]}")"
    read -r l50 l95 l99 _ <<<"${LAT["calibration|1"]}"
    printf '| /Calibration | yardstick | %s / %s / %s | 1.00 | %s / %s / %s | — | — |\n' "$cmin" "$cmed" "$cmax" "$l50" "$l95" "$l99"
    for entry in "${PAGES[@]}"; do
        IFS='|' read -r role kind url <<<"$entry"
        values=()
        ratios=()
        p95s=()
        errors=0
        for run in $(seq 1 "$RUNS"); do
            values+=("${RPS["$url|$run"]}")
            ratios+=("$(ratio_of "$url" "$run")")
            read -r _ p95 _ e <<<"${LAT["$url|$run"]}"
            p95s+=("$p95")
            errors=$((errors + e))
        done
        read -r vmin vmed vmax <<<"$(stats "${values[@]}")"
        # Two decimals, or two significant digits below 0.1 (compare.sh divides by them).
        ratio="$(median_of "${ratios[@]}" | awk '{ printf ($1 >= 0.1 ? "%.2f" : "%.2g"), $1 }')"
        p95_median="$(median_of "${p95s[@]}")"
        read -r l50 _ l99 _ <<<"${LAT["$url|1"]}"
        goal="—"
        if [[ $kind == list ]]; then
            if awk -v r="$ratio" -v p="$p95_median" -v e="$errors" 'BEGIN { exit !(r >= 0.5 && p <= 100 && e == 0) }'; then
                goal="met"
            else
                goal="**missed**"
                failed=1
            fi
        fi
        printf '| `%s` | %s | %s / %s / %s | %s | %s / %s / %s | %s | %s |\n' "$url" "$kind" "$vmin" "$vmed" "$vmax" "$ratio" \
            "$l50" "$p95_median" "$l99" "$((SIZE["$url"] / 1024))" "$goal"
    done
    printf '\nThe calibration through each run, req/s (before the pages and after every %s):' "$CAL_EVERY"
    for run in $(seq 1 "$RUNS"); do
        line=""
        for ((k = 0; k < CAL_COUNT[$run]; k++)); do line+="${line:+, }$(printf '%.0f' "${RPS["calibration|$run|$k"]}")"; done
        printf ' run %s: %s%s' "$run" "$line" "$([[ $run -lt $RUNS ]] && printf ';' || printf '.')"
    done
    printf '\n'

    printf '\nSign-in (the form posted at %s/s): p50 / p95 / p99 %s ms, errors %s. Goal p95 ≤ 300 ms: ' "$SIGN_IN_RATE" \
        "$(awk '{ printf "%s / %s / %s", $1, $2, $3 }' <<<"$SIGN_IN")" "$(awk '{ print $4 }' <<<"$SIGN_IN")"
    if awk '{ exit !($2 <= 300 && $4 == 0) }' <<<"$SIGN_IN"; then printf 'met.\n\n'; else printf '**missed**.\n\n'; failed=1; fi

    printf '| export | status | fastest / median / slowest of 5 warm, ms | size, KB |\n| --- | --- | ---: | ---: |\n'
    for entry in "${EXPORTS[@]}"; do
        IFS='|' read -r _ name _ <<<"$entry"
        read -r code tmin tmed tmax size <<<"${EXPORT_TIMES["$name"]}"
        printf '| %s | %s | %s / %s / %s | %s |\n' "$name" "$code" "$tmin" "$tmed" "$tmax" "$((size / 1024))"
    done

    rss_max="$(awk 'max < $2 { max = $2 } END { printf "%.0f", max / 1024 }' "$WORK/rss.log")"
    rss_where="$(awk 'max < $2 { max = $2; $1 = ""; $2 = ""; where = substr($0, 3) } END { print where }' "$WORK/rss.log")"
    printf '\nPortal working set (VmRSS, sampled every second over %s samples): max %s MB (during %s). Goal ≤ 400 MB: ' \
        "$(wc -l <"$WORK/rss.log")" "$rss_max" "${rss_where:-the run}"
    if [[ $rss_max -le 400 ]]; then printf 'met.' ; else printf '**missed**.'; failed=1; fi
    if [[ $SOAK -gt 0 ]]; then
        printf ' Soak of %s minutes: %s MB at its start, %s MB at its end.' "$SOAK" "$((soak_start / 1024))" "$((soak_end / 1024))"
        if [[ $((soak_end - soak_start)) -gt 51200 ]]; then printf ' **Growing.**'; failed=1; fi
    fi
    printf '\n'

    if [[ $BURST -gt 0 ]]; then
        printf '\n### Deadline burst\n\n'
        burst_line="$(grep '^BURST ' "$WORK/burst.md" 2>/dev/null || true)"
        if [[ -n $burst_line ]]; then
            grep -v '^BURST ' "$WORK/burst.md"
            burst_errors="$(sed -n 's/.* errors=\([0-9]*\).*/\1/p' <<<"$burst_line")"
            burst_p95="$(sed -n 's/.* p95=\([0-9.NaN]*\).*/\1/p' <<<"$burst_line")"
            printf 'Goal «the burst: no errors, p95 ≤ 1 s» (p95 of the upload and the submit posts: %s ms; %s errors): ' \
                "$burst_p95" "$burst_errors"
            if [[ $BURST_STATUS -eq 0 ]] && awk -v e="$burst_errors" -v p="$burst_p95" 'BEGIN { exit !(e == 0 && p <= 1000) }'; then
                printf 'met.\n'
            else
                printf '**missed**.\n'
                failed=1
            fi
        else
            printf 'The burst of %s did not finish (exit %s): %s\n\nGoal «the burst: no errors, p95 ≤ 1 s»: **missed**.\n' \
                "$BURST" "$BURST_STATUS" "$(tail -n 3 "$WORK/burst.err" | tr '\n' ' ')"
            failed=1
        fi
    fi

    if [[ -n $PG_LOG && -f $PG_LOG ]]; then
        printf '\n### Query plans of the list pages\n\n'
        printf 'One request to each list page with auto_explain on (ANALYZE, BUFFERS) in a separate pass; the statements over 1 ms.\n\n'
    fi
} >"$report"

# Plans: a pass with auto_explain logging every statement's plan to the server log (superuser connections only).
if [[ -n $PG_LOG && -f $PG_LOG ]]; then
    log "query plans"
    kill "$PORTAL_PID" 2>/dev/null || true
    wait "$PORTAL_PID" 2>/dev/null || true
    (
        cd src/Attestation.Web
        exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x2000000}" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
            ConnectionStrings__Default="$CONNECTION;Options=-c jit=off -c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=1 -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on" \
            Storage__DataDirectory="$WORK/data" DataProtection__CertificatePath=keys/data-protection.pfx DataProtection__CreateCertificate=true Email__PickupDirectory="$WORK/mail" Demo__Enabled=false Jobs__Enabled=false \
            Accounts__RequireOperatorTwoFactor=false dotnet bin/Release/net10.0/Attestation.Web.dll
    ) >"$WORK/portal-plans.log" 2>&1 &
    PORTAL_PID=$!
    for _ in $(seq 1 60); do curl -sf -o /dev/null "$BASE/health/ready" && break; sleep 1; done
    for entry in "${PAGES[@]}"; do
        IFS='|' read -r role kind url <<<"$entry"
        [[ $kind == list ]] || continue
        curl -s -o /dev/null -H "Cookie: $(cookie "$role")" "$BASE$url"
        start_line="$(wc -l <"$PG_LOG")"
        curl -s -o /dev/null -H "Cookie: $(cookie "$role")" "$BASE$url"
        sleep 0.3
        {
            printf '#### `%s`\n\n```\n' "$url"
            tail -n +"$((start_line + 1))" "$PG_LOG" | awk '/duration: / { on = 1 } on && NF && n++ < 120' || true
            printf '```\n\n'
        } >>"$report"
    done
fi

mkdir -p "$(dirname "$OUT")"
cp "$report" "$OUT"
cat "$report"
log "report: $OUT"
exit "$failed"

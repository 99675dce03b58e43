#!/usr/bin/env bash
# Starts the portal with demo data on http://localhost:5080.
#
# Installs what is missing (PostgreSQL, Chromium, npm packages, dotnet tools), starts a private PostgreSQL cluster
# under .data/postgres (kept between runs) unless ConnectionStrings__Default names an existing server, and runs the
# portal, which applies the EF migrations and seeds the demo data at start-up. Ctrl-C stops the portal, then the
# cluster if this script started it.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/common.sh"
cd "$REPO_ROOT"

needs=(chromium)
[[ -n ${ConnectionStrings__Default:-} ]] || needs+=(postgresql)
ensure_packages "${needs[@]}"
ensure_frontend
ensure_dotnet_tools

PORTAL_PID=""
OUR_CLUSTER=""

# These run from traps, which shellcheck cannot follow.
# shellcheck disable=SC2317
stop_portal() {
    [[ -n $PORTAL_PID ]] || return 0
    # The portal runs in its own process group (setsid below): signal the whole group, dotnet run and the app.
    if kill -0 -- "-$PORTAL_PID" 2>/dev/null; then
        log "stopping the portal"
        kill -TERM -- "-$PORTAL_PID" 2>/dev/null || true
        local waited=0
        while kill -0 -- "-$PORTAL_PID" 2>/dev/null && ((waited < 60)); do
            sleep 0.5
            waited=$((waited + 1))
        done
        kill -KILL -- "-$PORTAL_PID" 2>/dev/null || true
    fi
    wait "$PORTAL_PID" 2>/dev/null || true
    PORTAL_PID=""
}

# shellcheck disable=SC2317
cleanup() {
    stop_portal
    if [[ -n $OUR_CLUSTER ]]; then
        log "stopping PostgreSQL ($OUR_CLUSTER)"
        stop_cluster "$OUR_CLUSTER"
        OUR_CLUSTER=""
    fi
}

# shellcheck disable=SC2317
on_signal() {
    trap - INT TERM
    cleanup
    exit "$1"
}

trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

if [[ -z ${ConnectionStrings__Default:-} ]]; then
    start_cluster "$REPO_ROOT/.data/postgres"
    if [[ $ATTESTATION_PG_STARTED -eq 1 ]]; then
        OUR_CLUSTER="$ATTESTATION_PG_DATA"
    fi
    ensure_database attestation
    # The portal runs as attestation_app, which may only read and append to the audit log; the migrations run as the
    # tables' owner and grant it the rest.
    ensure_runtime_role attestation_app
    export ConnectionStrings__Migrations="Host=127.0.0.1;Port=$ATTESTATION_PG_PORT;Database=attestation;Username=attestation"
    export ConnectionStrings__Default="Host=127.0.0.1;Port=$ATTESTATION_PG_PORT;Database=attestation;Username=attestation_app"
    export Database__RuntimeUser=attestation_app
else
    log "using the database server from ConnectionStrings__Default"
fi

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
# The collector's youngest generation at 32 MB (the runtime has no setting for it but this variable): a list page
# allocates a few hundred KB, and the default budget of a few MB collected fifteen times a second under load.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x2000000}"
# Two of glibc's malloc arenas, not one per thread up to eight per core: the runtime's and the JIT's native allocations
# left freed memory in each arena, 20–60 MB more after the list pages and the exports (bench/RESULTS.md).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
export Database__Migrate=true
export Demo__Enabled="${Demo__Enabled:-true}"
# The demo's operator works without an authenticator app (the portal's default, as in production, is true).
export Accounts__RequireOperatorTwoFactor="${Accounts__RequireOperatorTwoFactor:-false}"
export Storage__DataDirectory="${Storage__DataDirectory:-$REPO_ROOT/.data}"
export Pdf__ChromiumPath="${Pdf__ChromiumPath:-/usr/bin/chromium}"
# The key ring that signs sessions is encrypted with a certificate made here on the first start (kept in .data/keys).
export DataProtection__CertificatePath="${DataProtection__CertificatePath:-keys/data-protection.pfx}"
export DataProtection__CreateCertificate="${DataProtection__CreateCertificate:-true}"
# Readable lines at the terminal, and the same as JSON in .data/logs (a server's log collector reads JSON on stdout).
export Logs__Console="${Logs__Console:-text}"
export Logs__File="${Logs__File:-logs/portal-.log}"
# Links in e-mails are built on this address, never on the request's Host header.
export Email__PublicBaseUrl="${Email__PublicBaseUrl:-${ASPNETCORE_URLS%%;*}}"
mkdir -p "$Storage__DataDirectory"

if [[ $ASPNETCORE_URLS == "http://localhost:5080" ]] && ! port_is_free 5080; then
    die "port 5080 is already in use (is the portal already running?); set ASPNETCORE_URLS to use another"
fi

url="${ASPNETCORE_URLS%%;*}"
cat <<EOF

  Портал «Аттестация»: $url
  (the first run builds the solution first: give it a minute)

  Demo logins, password: ${DEMO_PASSWORD:-Demo-Attestation-2026}
    demo.teacher     педагогический работник
    demo.school      координатор по аттестации в ОО
    demo.municipal   координатор по аттестации по муниципальному образованию
    demo.expert      специалист по аттестации
    demo.operator    оператор (ЦОПМиКП)
    (two-factor sign-in required of the operator: $Accounts__RequireOperatorTwoFactor)

  Mail is written to $Storage__DataDirectory/mail unless Email__Host is set. Ctrl-C stops everything.

EOF

# setsid: the portal gets its own process group, so Ctrl-C reaches this script only, which then stops the portal
# before the database (a portal killed after its database logs spurious connection errors).
setsid dotnet run --no-launch-profile --project src/Attestation.Web -c Release &
PORTAL_PID=$!

status=0
wait "$PORTAL_PID" || status=$?
PORTAL_PID=""
if [[ $status -ne 0 ]]; then
    warn "the portal exited with status $status"
fi
exit "$status"

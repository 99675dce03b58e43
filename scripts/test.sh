#!/usr/bin/env bash
# Runs the whole test suite: builds the solution once, runs every tests/*/*.Tests.csproj (Domain, Web, Browser, then
# any other) against a throwaway PostgreSQL cluster, and ends with the line "N passed, N failed[, N skipped]".
#
# ConnectionStrings__Default, when set, names an existing server (an admin connection: the fixtures create their
# own databases from it) and no cluster is started.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/common.sh"
cd "$REPO_ROOT"

needs=(chromium poppler smtp clamav)
[[ -n ${ConnectionStrings__Default:-} ]] || needs+=(postgresql)
ensure_packages "${needs[@]}"
ensure_frontend
ensure_dotnet_tools

ARTIFACTS="$REPO_ROOT/artifacts"
RESULTS="$ARTIFACTS/test-results"
rm -rf "$RESULTS" "$ARTIFACTS/screenshots"
mkdir -p "$RESULTS" "$ARTIFACTS/screenshots"

TEST_PG_ROOT=""
CLAMD_ROOT=""

cleanup() {
    stop_clamd
    if [[ -n $CLAMD_ROOT ]]; then
        rm -rf "$CLAMD_ROOT"
        CLAMD_ROOT=""
    fi
    if [[ -n $TEST_PG_ROOT ]]; then
        stop_cluster "${ATTESTATION_PG_DATA:-$TEST_PG_ROOT/data}"
        rm -rf "$TEST_PG_ROOT"
        TEST_PG_ROOT=""
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z ${ConnectionStrings__Default:-} ]]; then
    TEST_PG_ROOT="$(mktemp -d /tmp/attestation-test-pg.XXXXXX)"
    if is_root; then chown postgres: "$TEST_PG_ROOT"; fi
    # Durability is worthless for a cluster deleted at the end; without fsync the fixtures' CREATE DATABASE ...
    # TEMPLATE per test class is much faster.
    ATTESTATION_PG_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    start_cluster "$TEST_PG_ROOT/data"
    export ConnectionStrings__Default="Host=127.0.0.1;Port=$ATTESTATION_PG_PORT;Database=postgres;Username=attestation"
else
    log "using the database server from ConnectionStrings__Default"
fi

# The antivirus tests talk to a real clamd as well as to the fake one (Storage/RealClamd*Tests).
CLAMD_ROOT="$(mktemp -d /tmp/attestation-test-clamd.XXXXXX)"
start_clamd "$CLAMD_ROOT"
export CLAMD_SOCKET="$CLAMD_ROOT/clamd.sock"

export CHROMIUM_PATH=/usr/bin/chromium
export ARTIFACTS_DIR="$ARTIFACTS"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

log "dotnet build Attestation.sln -c Release"
# No build servers: they would outlive this script (and hold CI's output open) for nothing.
if ! dotnet build Attestation.sln -c Release --disable-build-servers -nologo; then
    printf 'Build failed: no tests were run.\n' >&2
    exit 1
fi

# Domain, Web, Browser first (fast to slow), then any other test project by name.
mapfile -t projects < <(
    for proj in tests/*/*.Tests.csproj; do
        [[ -f $proj ]] || continue
        case $proj in
            */Attestation.Domain.Tests.csproj) rank=1 ;;
            */Attestation.Web.Tests.csproj) rank=2 ;;
            */Attestation.Browser.Tests.csproj) rank=3 ;;
            *) rank=4 ;;
        esac
        printf '%s\t%s\n' "$rank" "$proj"
    done | sort -k1,1n -k2,2 | cut -f2
)
[[ ${#projects[@]} -gt 0 ]] || die "no test projects found under tests/*/"

failed_projects=()
for proj in "${projects[@]}"; do
    name="$(basename "$proj" .csproj)"
    log "dotnet test $name"
    if ! dotnet test "$proj" --no-build -c Release \
        --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS"; then
        failed_projects+=("$name")
    fi
done

# Sums one attribute of the <Counters .../> element over all trx files.
counter() {
    local attr="$1" total=0 value file
    for file in "$RESULTS"/*.trx; do
        [[ -f $file ]] || continue
        value="$(tr '\n' ' ' <"$file" | grep -o '<Counters [^>]*>' | head -n 1 |
            sed -n "s/.* $attr=\"\([0-9][0-9]*\)\".*/\1/p")"
        total=$((total + ${value:-0}))
    done
    printf '%s\n' "$total"
}

passed="$(counter passed)"
failed=$(($(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted)))
# xunit's skipped tests count in total but not in executed (notExecuted stays 0).
skipped=$(($(counter total) - $(counter executed)))

cleanup

exit_code=0
if [[ ${#failed_projects[@]} -gt 0 ]]; then
    printf 'Failing test projects: %s\n' "${failed_projects[*]}"
    exit_code=1
fi
if ((failed > 0)); then
    exit_code=1
fi
if ((passed + failed == 0)); then
    printf 'No test ran.\n'
    exit_code=1
fi
summary="$passed passed, $failed failed"
if ((skipped > 0)); then
    summary+=", $skipped skipped"
fi
printf '%s\n' "$summary"
exit "$exit_code"

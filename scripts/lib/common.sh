# shellcheck shell=bash
# Helpers shared by scripts/start.sh and scripts/test.sh. Source it; it does not change the caller's shell options.
#
# Everything a fresh Debian machine lacks is installed here (when root), so that the scripts work on a new machine
# and in CI, not only on the one where someone once installed things by hand.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REPO_ROOT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PG_SUPERUSER=attestation
PG_FIRST_PORT=55432
PG_LAST_PORT=55531

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

is_root() { [[ ${EUID:-$(id -u)} -eq 0 ]]; }

# ---------------------------------------------------------------------------------------------------------------
# System packages
# ---------------------------------------------------------------------------------------------------------------

_APT_UPDATED=0

apt_install() {
    if ! is_root; then
        die "missing system packages: $*. Install them first: sudo apt-get install -y $*"
    fi
    if [[ $_APT_UPDATED -eq 0 ]]; then
        log "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        _APT_UPDATED=1
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Sets PG_BIN to the directory holding pg_ctl, initdb and postgres: Debian's versioned directories first (newest
# version wins), then whatever pg_ctl is on PATH (symlinks resolved, so its siblings are found).
find_pg_bin() {
    local candidate
    PG_BIN=""
    candidate="$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/pg_ctl' 2>/dev/null | sort -V | tail -n 1)"
    if [[ -z $candidate ]] && command -v pg_ctl >/dev/null 2>&1; then
        candidate="$(readlink -f "$(command -v pg_ctl)")"
    fi
    [[ -n $candidate && -x $(dirname "$candidate")/initdb ]] || return 1
    PG_BIN="$(dirname "$candidate")"
}

has_cyrillic_font() {
    command -v fc-list >/dev/null 2>&1 && [[ -n $(fc-list :lang=ru family 2>/dev/null | head -n 1) ]]
}

# ensure_packages [postgresql] [chromium] [poppler] [smtp] [nginx] [python3] [curl] [clamav]
#   postgresql: a PostgreSQL server (pg_ctl, initdb, psql)
#   chromium:   Debian's Chromium at /usr/bin/chromium (the portal renders PDFs with it) and a font with Cyrillic
#   poppler:    pdftotext, which the tests use to read PDFs back
#   smtp:       Debian's python3-aiosmtpd, the SMTP server the tests deliver the outbox to (with /usr/bin/python3)
#   nginx, python3, curl: the two-instance check (scripts/two-instances.sh)
#   clamav:     Debian's clamd (clamav-daemon), which the tests run with the repository's own test signature
ensure_packages() {
    local need
    local -a missing=()
    for need in "$@"; do
        case $need in
            postgresql) find_pg_bin || missing+=(postgresql) ;;
            chromium)
                [[ -x /usr/bin/chromium ]] || missing+=(chromium)
                # Without a Cyrillic font every Russian letter in a PDF is a box.
                has_cyrillic_font || missing+=(fonts-dejavu-core)
                ;;
            poppler) command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils) ;;
            smtp) /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd) ;;
            nginx) command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx) ;;
            python3) command -v python3 >/dev/null 2>&1 || missing+=(python3) ;;
            curl) command -v curl >/dev/null 2>&1 || missing+=(curl) ;;
            clamav) command -v clamd >/dev/null 2>&1 || [[ -x /usr/sbin/clamd ]] || missing+=(clamav-daemon) ;;
            *) die "ensure_packages: unknown need '$need'" ;;
        esac
    done
    if [[ ${#missing[@]} -gt 0 ]]; then
        apt_install "${missing[@]}"
    fi
    for need in "$@"; do
        case $need in
            postgresql) find_pg_bin || die "PostgreSQL was installed but pg_ctl/initdb were not found" ;;
        esac
    done
}

# ---------------------------------------------------------------------------------------------------------------
# Front-end libraries and .NET tools
# ---------------------------------------------------------------------------------------------------------------

# npm installs the pinned Bootstrap and the documents' font (@fontsource/tinos) into src/Attestation.Web/node_modules;
# Bootstrap's dist files are copied into wwwroot/lib/bootstrap/{css,js} and the font's Latin and Cyrillic woff2 files
# into wwwroot/lib/fonts/tinos, Chart.js's UMD build into wwwroot/lib/chartjs (all git-ignored). This must happen before the build: the static assets manifest lists
# Bootstrap, and the font is embedded in the portal's assembly.
ensure_frontend() {
    local web="$REPO_ROOT/src/Attestation.Web"
    local lib="$web/wwwroot/lib/bootstrap"
    local dist="$web/node_modules/bootstrap/dist"
    local stamp="$web/node_modules/.attestation-lock.sha256"
    local wanted=""

    if ! command -v npm >/dev/null 2>&1; then
        apt_install nodejs npm
    fi

    if [[ -f $web/package-lock.json ]]; then
        wanted="$(cat "$web/package.json" "$web/package-lock.json" | sha256sum | cut -d' ' -f1)"
        if [[ -f $stamp && $(cat "$stamp") == "$wanted" && -f $dist/css/bootstrap.min.css &&
            -d $web/node_modules/@fontsource/tinos/files && -f $web/node_modules/chart.js/dist/chart.umd.min.js ]]; then
            : # node_modules already matches the lock file
        else
            log "npm ci (src/Attestation.Web)"
            (cd "$web" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
            printf '%s\n' "$wanted" >"$stamp"
        fi
    else
        log "npm install (src/Attestation.Web has no package-lock.json yet; commit the one it writes)"
        (cd "$web" && npm install --no-audit --no-fund --loglevel=error) || die "npm install failed"
        cat "$web/package.json" "$web/package-lock.json" | sha256sum | cut -d' ' -f1 >"$stamp"
    fi

    mkdir -p "$lib/css" "$lib/js"
    # -p keeps npm's timestamps, so an unchanged library does not make MSBuild think the assets changed.
    cp -p "$dist/css/bootstrap.min.css" "$dist/css/bootstrap.min.css.map" "$lib/css/"
    cp -p "$dist/js/bootstrap.bundle.min.js" "$dist/js/bootstrap.bundle.min.js.map" "$lib/js/"

    local fonts="$web/wwwroot/lib/fonts/tinos"
    mkdir -p "$fonts"
    cp -p "$web"/node_modules/@fontsource/tinos/files/tinos-{latin,latin-ext,cyrillic,cyrillic-ext}-{400,700}-{normal,italic}.woff2 \
        "$web/node_modules/@fontsource/tinos/LICENSE" "$fonts/"

    # Chart.js for «Мониторинг»: the UMD build defines the global Chart that wwwroot/js/monitoring.js draws with.
    local charts="$web/wwwroot/lib/chartjs"
    mkdir -p "$charts"
    cp -p "$web/node_modules/chart.js/dist/chart.umd.min.js" "$web/node_modules/chart.js/dist/chart.umd.min.js.map" \
        "$web/node_modules/chart.js/LICENSE.md" "$charts/"
}

ensure_dotnet_tools() {
    command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH; install the .NET 10 SDK"
    local out
    if ! out="$(cd "$REPO_ROOT" && dotnet tool restore 2>&1)"; then
        printf '%s\n' "$out" >&2
        die "dotnet tool restore failed"
    fi
}

# ---------------------------------------------------------------------------------------------------------------
# A private PostgreSQL cluster on loopback
# ---------------------------------------------------------------------------------------------------------------

# initdb and postgres refuse to run as root, so when root the cluster belongs to the postgres OS user.
as_pg_owner() {
    if is_root; then
        id postgres >/dev/null 2>&1 || die "no 'postgres' OS user to run the cluster as (install the postgresql package)"
        # Start from / so that neither postgres nor its tools complain about a working directory they cannot read.
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# The postgres user needs to traverse every ancestor of the data directory (/root is 700, for instance).
pg_owner_can_reach() {
    is_root || return 0
    runuser -u postgres -- test -x "$1" 2>/dev/null
}

# True when nothing accepts connections on 127.0.0.1:PORT (a refused connection is the only "free" answer).
port_is_free() {
    local rc=0
    # shellcheck disable=SC2016 # $0 is expanded by the inner bash
    timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"' "$1" 2>/dev/null || rc=$?
    [[ $rc -eq 1 ]]
}

pick_port() {
    local remembered="$1" port
    if [[ $remembered =~ ^[0-9]+$ ]] && port_is_free "$remembered"; then
        printf '%s\n' "$remembered"
        return 0
    fi
    for ((port = PG_FIRST_PORT; port <= PG_LAST_PORT; port++)); do
        if port_is_free "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    return 1
}

pg_is_running() {
    [[ -f $1/PG_VERSION ]] && as_pg_owner "$PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1
}

# start_cluster DIR
#   Creates a cluster in DIR if there is none (superuser "attestation", trust authentication, UTF-8), starts it on
#   127.0.0.1 only (no Unix socket) on a free port from 55432 upward, remembering the port in DIR/../port so that the
#   next start reuses it while it is free, and logging to DIR/../postgres.log.
#   Exports ATTESTATION_PG_PORT, ATTESTATION_PG_DATA (the data directory actually used) and ATTESTATION_PG_STARTED
#   (1 when this call started the server, 0 when it was already running and must be left alone).
#   Extra server options may be given in ATTESTATION_PG_OPTIONS (e.g. "-c fsync=off").
start_cluster() {
    local dir parent port_file log_file remembered="" port pg_opts
    dir="$(realpath -m "$1")"
    parent="$(dirname "$dir")"

    find_pg_bin || die "PostgreSQL server binaries not found (run ensure_packages postgresql)"

    mkdir -p "$parent"
    if ! pg_owner_can_reach "$parent"; then
        local fallback
        fallback="/var/tmp/attestation-$(printf '%s' "$dir" | sha256sum | cut -c1-10)"
        warn "the postgres OS user cannot reach $parent (a parent directory is not traversable);"
        warn "keeping the cluster in $fallback/$(basename "$dir") instead"
        mkdir -p "$fallback"
        chmod 755 "$fallback"
        dir="$fallback/$(basename "$dir")"
        parent="$fallback"
    fi
    port_file="$parent/port"
    log_file="$parent/postgres.log"

    # A cluster made by another PostgreSQL major version needs that version's binaries.
    if [[ -f $dir/PG_VERSION ]]; then
        local version
        version="$(cat "$dir/PG_VERSION")"
        if [[ -x /usr/lib/postgresql/$version/bin/pg_ctl ]]; then
            PG_BIN="/usr/lib/postgresql/$version/bin"
        elif [[ $("$PG_BIN/pg_ctl" --version) != *" $version"* ]]; then
            die "$dir was created by PostgreSQL $version, which is not installed (found $("$PG_BIN/pg_ctl" --version))"
        fi
    fi

    if [[ ! -f $dir/PG_VERSION ]]; then
        log "creating a PostgreSQL cluster in $dir"
        mkdir -p "$dir"
        if is_root; then chown postgres: "$dir"; fi
        chmod 700 "$dir"
        local initdb_log="$parent/initdb.log"
        if ! as_pg_owner "$PG_BIN/initdb" -D "$dir" -U "$PG_SUPERUSER" --auth=trust -E UTF8 --locale=C.UTF-8 \
            >"$initdb_log" 2>&1; then
            warn "initdb with --locale=C.UTF-8 failed; retrying with --no-locale"
            find "$dir" -mindepth 1 -delete
            as_pg_owner "$PG_BIN/initdb" -D "$dir" -U "$PG_SUPERUSER" --auth=trust -E UTF8 --no-locale \
                >>"$initdb_log" 2>&1 || {
                cat "$initdb_log" >&2
                die "initdb failed (see above)"
            }
        fi
    fi

    export ATTESTATION_PG_DATA="$dir"

    if pg_is_running "$dir"; then
        port="$(sed -n 4p "$dir/postmaster.pid")"
        log "PostgreSQL in $dir is already running on port $port; using it and leaving it running"
        export ATTESTATION_PG_PORT="$port" ATTESTATION_PG_STARTED=0
        return 0
    fi

    [[ -f $port_file ]] && remembered="$(cat "$port_file")"
    port="$(pick_port "$remembered")" || die "no free port in $PG_FIRST_PORT-$PG_LAST_PORT on 127.0.0.1"

    touch "$log_file"
    if is_root; then chown postgres: "$log_file"; fi
    pg_opts="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' ${ATTESTATION_PG_OPTIONS:-}"
    log "starting PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port, data in $dir"
    if ! as_pg_owner "$PG_BIN/pg_ctl" -D "$dir" -l "$log_file" -o "$pg_opts" -w -t 60 start >/dev/null; then
        tail -n 30 "$log_file" >&2 || true
        die "PostgreSQL did not start (log: $log_file)"
    fi
    printf '%s\n' "$port" >"$port_file"
    export ATTESTATION_PG_PORT="$port" ATTESTATION_PG_STARTED=1
}

# stop_cluster DIR: fast shutdown (disconnects clients, no crash recovery needed next time). Quiet unless it fails.
stop_cluster() {
    local dir
    dir="$(realpath -m "$1")"
    [[ -n ${PG_BIN:-} ]] || find_pg_bin || return 0
    if pg_is_running "$dir"; then
        as_pg_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null ||
            warn "could not stop PostgreSQL in $dir"
    fi
}

pg_psql() {
    local psql="$PG_BIN/psql"
    [[ -x $psql ]] || psql="$(command -v psql)" || die "psql not found"
    PGCONNECT_TIMEOUT=10 "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$ATTESTATION_PG_PORT" \
        -U "$PG_SUPERUSER" "$@"
}

# ensure_database NAME: creates the database on the started cluster when it does not exist.
ensure_database() {
    local name="$1"
    if [[ -z $(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'") ]]; then
        log "creating database $name"
        pg_psql -d postgres -c "CREATE DATABASE \"$name\""
    fi
}

# use_connection_string CS: exports PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE from an Npgsql connection
# string ("Host=…;Port=…;Database=…;Username=…;Password=…"), for pg_dump, pg_restore and psql.
use_connection_string() {
    local pair key value
    local -a pairs
    IFS=';' read -r -a pairs <<<"$1"
    for pair in "${pairs[@]}"; do
        [[ $pair == *=* ]] || continue
        key="${pair%%=*}"
        value="${pair#*=}"
        key="$(printf '%s' "$key" | tr '[:upper:]' '[:lower:]' | tr -d ' ')"
        case $key in
            host | server) export PGHOST="$value" ;;
            port) export PGPORT="$value" ;;
            database | db) export PGDATABASE="$value" ;;
            username | userid | user) export PGUSER="$value" ;;
            password | pwd) export PGPASSWORD="$value" ;;
        esac
    done
    [[ -n ${PGDATABASE:-} ]] || die "the connection string names no database"
}

# pg_tool NAME ARGS…: runs pg_dump, pg_restore or psql from the newest installed PostgreSQL (a dump of a newer server
# needs a client at least as new).
pg_tool() {
    local tool="$1"
    shift
    [[ -n ${PG_BIN:-} ]] || find_pg_bin || die "PostgreSQL client tools not found (install postgresql)"
    PGCONNECT_TIMEOUT=10 "$PG_BIN/$tool" "$@"
}

# ensure_runtime_role NAME: a login role on the started cluster for the portal to run as (the tables stay the
# superuser's, who runs the migrations and grants this role what the portal needs: see RuntimePrivileges).
ensure_runtime_role() {
    local name="$1"
    pg_psql -d postgres -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$name') THEN CREATE ROLE \"$name\" LOGIN; END IF; END \$\$"
}

# ---------------------------------------------------------------------------------------------------------------
# ClamAV
# ---------------------------------------------------------------------------------------------------------------

# start_clamd DIR: a private clamd listening on DIR/clamd.sock with only the signatures in tests/clamav (the EICAR
# test string anywhere in a file), never the machine's databases nor freshclam's downloads: nothing leaves the machine
# and it starts in a second. Sets CLAMD_PID; stop_clamd stops it.
start_clamd() {
    local dir="$1" clamd_bin waited=0
    clamd_bin="$(command -v clamd 2>/dev/null || printf '/usr/sbin/clamd')"
    [[ -x $clamd_bin ]] || die "clamd not found (run ensure_packages clamav)"
    mkdir -p "$dir/db"
    cp "$REPO_ROOT"/tests/clamav/*.ndb "$dir/db/"
    {
        printf 'Foreground yes\n'
        printf 'LocalSocket %s/clamd.sock\n' "$dir"
        printf 'LocalSocketMode 666\n'
        printf 'DatabaseDirectory %s/db\n' "$dir"
        printf 'LogFile %s/clamd.log\n' "$dir"
        printf 'StreamMaxLength 64M\n'
        if is_root; then printf 'User root\n'; fi
    } >"$dir/clamd.conf"
    "$clamd_bin" -c "$dir/clamd.conf" >/dev/null 2>&1 &
    CLAMD_PID=$!
    while [[ ! -S $dir/clamd.sock ]]; do
        if ! kill -0 "$CLAMD_PID" 2>/dev/null || ((waited >= 300)); then
            cat "$dir/clamd.log" >&2 2>/dev/null || true
            die "clamd did not start"
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    log "clamd on $dir/clamd.sock"
}

stop_clamd() {
    if [[ -n ${CLAMD_PID:-} ]]; then
        kill -TERM "$CLAMD_PID" 2>/dev/null || true
        wait "$CLAMD_PID" 2>/dev/null || true
        CLAMD_PID=""
    fi
}

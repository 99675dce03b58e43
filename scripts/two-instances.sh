#!/usr/bin/env bash
# Two instances of the portal on one PostgreSQL behind Debian's nginx, all on loopback, and the checks that they act
# as one (run by CI after the test suite):
#   - one migration step (`Attestation.Web migrate`, which also seeds the demo data), then two instances that neither
#     migrate nor seed;
#   - a session opened on one instance is valid on the other, and a form fetched from one is accepted by the other
#     (the data-protection keys live in the database);
#   - nginx spreads signed-in requests over both;
#   - both instances append to the one shared log file.
# Everything lives in a temporary folder and is stopped at the end. Exit status 0 when every check passed.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/common.sh"
cd "$REPO_ROOT"

ensure_packages postgresql nginx python3 curl
ensure_frontend
ensure_dotnet_tools

ROOT="$(mktemp -d /tmp/attestation-two.XXXXXX)"
if is_root; then chown postgres: "$ROOT"; fi
PIDS=()
NGINX=""

# shellcheck disable=SC2317 # called from the trap
cleanup() {
    local pid
    if [[ -n $NGINX ]]; then
        nginx -p "$ROOT/nginx" -c "$ROOT/nginx/nginx.conf" -s stop 2>/dev/null || true
    fi
    for pid in "${PIDS[@]}"; do
        # Each instance leads its own process group (setsid): dotnet run and the portal it started.
        kill -TERM -- "-$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
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

# A free port on loopback above 20000 (the portal's own are 5080 and up, the clusters' 55432 and up).
free_port() {
    local port
    for ((port = 20000 + RANDOM % 20000; ; port++)); do
        if port_is_free "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
}

mkdir -p "$ROOT/pg"
if is_root; then chown postgres: "$ROOT/pg"; fi
ATTESTATION_PG_OPTIONS="-c fsync=off -c synchronous_commit=off"
start_cluster "$ROOT/pg/data"
ensure_database attestation
ensure_runtime_role attestation_app
# The migration step as the tables' owner; the instances as the runtime role it grants.
export ConnectionStrings__Migrations="Host=127.0.0.1;Port=$ATTESTATION_PG_PORT;Database=attestation;Username=attestation"
export ConnectionStrings__Default="Host=127.0.0.1;Port=$ATTESTATION_PG_PORT;Database=attestation;Username=attestation_app"
export Database__RuntimeUser=attestation_app

log "dotnet build src/Attestation.Web -c Release"
dotnet build src/Attestation.Web -c Release --disable-build-servers -nologo -v quiet >"$ROOT/build.log" 2>&1 || {
    tail -n 40 "$ROOT/build.log" >&2
    die "the build failed"
}

export ASPNETCORE_ENVIRONMENT=Production
export Storage__DataDirectory="$ROOT/data"
export Pdf__ChromiumPath="${Pdf__ChromiumPath:-/usr/bin/chromium}"
export Email__PublicBaseUrl="http://127.0.0.1"
# The migration step makes the key ring's certificate in the shared data folder; the instances read it.
export DataProtection__CertificatePath=keys/data-protection.pfx
mkdir -p "$Storage__DataDirectory"
portal() { dotnet run --no-build --no-launch-profile --project src/Attestation.Web -c Release -- "$@"; }

log "the migration step (migrations and the demo data)"
Demo__Enabled=true DataProtection__CreateCertificate=true Logs__Console=text portal migrate >"$ROOT/migrate.log" 2>&1 || {
    tail -n 40 "$ROOT/migrate.log" >&2
    die "the migration step failed"
}

ports=()
for name in a b; do
    port="$(free_port)"
    ports+=("$port")
    log "instance $name on 127.0.0.1:$port"
    ASPNETCORE_URLS="http://127.0.0.1:$port" Database__Migrate=false Demo__Enabled=false \
        Logs__Console=json Logs__File=logs/portal-.log Logs__Instance="instance-$name" \
        setsid bash -c "$(declare -f portal); portal" >"$ROOT/instance-$name.log" 2>&1 &
    PIDS+=("$!")
done

for port in "${ports[@]}"; do
    for ((i = 0; ; i++)); do
        if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true) == 200 ]]; then
            break
        fi
        ((i < 240)) || {
            tail -n 40 "$ROOT"/instance-*.log >&2
            die "the instance on port $port was not ready within two minutes"
        }
        sleep 0.5
    done
done

balancer="$(free_port)"
mkdir -p "$ROOT/nginx/logs"
cat >"$ROOT/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $ROOT/nginx/nginx.pid;
error_log $ROOT/nginx/logs/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $ROOT/nginx/body;
    proxy_temp_path $ROOT/nginx/proxy;
    fastcgi_temp_path $ROOT/nginx/fastcgi;
    uwsgi_temp_path $ROOT/nginx/uwsgi;
    scgi_temp_path $ROOT/nginx/scgi;
    client_max_body_size 64m;
    upstream portal {
        server 127.0.0.1:${ports[0]};
        server 127.0.0.1:${ports[1]};
    }
    server {
        listen 127.0.0.1:$balancer;
        location / {
            proxy_pass http://portal;
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            add_header X-Upstream \$upstream_addr always;
        }
    }
}
CONF
log "nginx on 127.0.0.1:$balancer in front of both"
nginx -p "$ROOT/nginx" -c "$ROOT/nginx/nginx.conf" || die "nginx did not start (see $ROOT/nginx/logs/error.log)"
NGINX=1

python3 "$REPO_ROOT/scripts/lib/two_instances_check.py" \
    "http://127.0.0.1:${ports[0]}" "http://127.0.0.1:${ports[1]}" "http://127.0.0.1:$balancer" \
    demo.expert "${DEMO_PASSWORD:-Demo-Attestation-2026}" "$Storage__DataDirectory/logs" || {
    tail -n 20 "$ROOT"/instance-*.log >&2
    die "the two-instance check failed"
}
log "two instances: every check passed"

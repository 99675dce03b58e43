#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a fresh database:
#
#   scripts/restore.sh FILE [DATABASE]      default DATABASE: attestation_restored_YYYYMMDD_HHMMSS
#
# The server is the one ConnectionStrings__Default names (its user must be allowed to create databases), or the start
# script's private cluster (.data/postgres). The database must not exist yet: a restore never writes over live data.
# Point the portal at it (ConnectionStrings__Default with Database=DATABASE) and it serves the backed-up data,
# sessions included (the data-protection keys are in the database).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/common.sh"
cd "$REPO_ROOT"

[[ $# -ge 1 && $# -le 2 ]] || die "usage: scripts/restore.sh FILE [DATABASE]"
file="$1"
[[ -f $file ]] || die "no backup file $file"
target="${2:-attestation_restored_$(date -u +%Y%m%d_%H%M%S)}"
[[ $target =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "a database name of letters, digits and _ only: $target"

OUR_CLUSTER=""
trap '[[ -z $OUR_CLUSTER ]] || stop_cluster "$OUR_CLUSTER"' EXIT

if [[ -n ${ConnectionStrings__Default:-} ]]; then
    use_connection_string "$ConnectionStrings__Default"
else
    ensure_packages postgresql
    start_cluster "$REPO_ROOT/.data/postgres"
    [[ $ATTESTATION_PG_STARTED -eq 0 ]] || OUR_CLUSTER="$ATTESTATION_PG_DATA"
    use_connection_string "Host=127.0.0.1;Port=$ATTESTATION_PG_PORT;Database=postgres;Username=$PG_SUPERUSER"
fi

if [[ -n $(pg_tool psql -X -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$target'") ]]; then
    die "database $target already exists: restore into a new one"
fi
log "creating database $target on $PGHOST:${PGPORT:-5432}"
pg_tool psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE \"$target\""
log "pg_restore $file → $target"
if ! pg_tool pg_restore --no-owner --no-privileges --exit-on-error --single-transaction -d "$target" "$file"; then
    pg_tool psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$target\"" || true
    die "the restore failed; database $target was dropped"
fi
printf '%s\n' "$target"

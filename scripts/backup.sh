#!/usr/bin/env bash
# Backs up the portal's database (everything: applications, history, the stored files, accounts, the data-protection
# keys) into one file in pg_dump's custom format:
#
#   scripts/backup.sh [FILE]        default FILE: backups/attestation-YYYYMMDD-HHMMSS.dump
#
# The database is the one ConnectionStrings__Default names, or the start script's private cluster (.data/postgres,
# database "attestation"), started for the backup if it is not running. The dump is consistent (one snapshot) and
# taken while the portal runs. Restore it with scripts/restore.sh.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/common.sh"
cd "$REPO_ROOT"

file="${1:-backups/attestation-$(date -u +%Y%m%d-%H%M%S).dump}"
mkdir -p "$(dirname "$file")"

OUR_CLUSTER=""
trap '[[ -z $OUR_CLUSTER ]] || stop_cluster "$OUR_CLUSTER"' EXIT

if [[ -n ${ConnectionStrings__Default:-} ]]; then
    use_connection_string "$ConnectionStrings__Default"
else
    ensure_packages postgresql
    start_cluster "$REPO_ROOT/.data/postgres"
    [[ $ATTESTATION_PG_STARTED -eq 0 ]] || OUR_CLUSTER="$ATTESTATION_PG_DATA"
    use_connection_string "Host=127.0.0.1;Port=$ATTESTATION_PG_PORT;Database=attestation;Username=$PG_SUPERUSER"
fi

log "pg_dump $PGDATABASE on $PGHOST:${PGPORT:-5432} → $file"
# Written next to the target and renamed at the end: an interrupted backup never leaves a file that looks whole.
pg_tool pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$file.partial"
mv -f "$file.partial" "$file"
printf '%s\n' "$file"

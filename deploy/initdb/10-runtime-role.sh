#!/bin/sh
# PostgreSQL's first start (docker-compose.yml): the login role the portal runs as. The migration step, connected as
# the tables' owner, grants it what the portal needs; the audit log it may only read and append to.
set -eu
psql -v ON_ERROR_STOP=1 -v password="${APP_DB_PASSWORD:?APP_DB_PASSWORD is not set}" \
    --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE attestation_app LOGIN PASSWORD :'password';
SQL

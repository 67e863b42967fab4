#!/bin/sh
# Runs once, when the app-postgres volume is first initialised (docker-entrypoint-initdb.d): the
# SQL of `vigil-agent grants --engine postgres --version 16`, then the role's password from the
# environment through a psql variable, so it appears in no command line or process list.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<'SQL'
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'vigil') THEN
    CREATE ROLE "vigil" LOGIN;
  END IF;
END
$$;
ALTER ROLE "vigil" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
GRANT pg_monitor TO "vigil";
DO $$
DECLARE
  s name;
BEGIN
  FOR s IN
    SELECT nspname FROM pg_catalog.pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\_toast%' AND nspname NOT LIKE 'pg\_temp\_%'
  LOOP
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO "vigil"', s);
    EXECUTE format('GRANT SELECT ON ALL SEQUENCES IN SCHEMA %I TO "vigil"', s);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON SEQUENCES TO "vigil"', s);
  END LOOP;
END
$$;
SQL
printf '%s\n' "ALTER ROLE vigil PASSWORD :'password';" | psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v password="$VIGIL_MONITOR_PASSWORD"

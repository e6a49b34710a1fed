# A throwaway PostgreSQL server for the benchmarks (sourced by bench/*/run.sh).
#   throwaway_pg NAME   — finds initdb/pg_ctl/postgres, starts a server in a temp dir on a free
#                         port (as the postgres user when run as root), creates database NAME;
#                         sets tmp, pgbin, port, url, pg_version, as_pg. The caller's EXIT trap
#                         calls stop_pg (after stopping its own processes).
throwaway_pg() {
  local db=$1
  pgbin=""
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) $(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)"); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then pgbin=$d; break; fi
  done
  [ -n "$pgbin" ] || { echo "PostgreSQL not found (initdb, pg_ctl, postgres): apt-get install postgresql" >&2; exit 1; }
  tmp=$(mktemp -d "/tmp/$db-XXXXXX")
  chmod 755 "$tmp"
  as_pg=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$tmp"
    as_pg=(runuser -u postgres --)
  fi
  echo "== throwaway PostgreSQL ($pgbin) in $tmp"
  "${as_pg[@]}" "$pgbin/initdb" -D "$tmp/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
  port=""
  for _ in 1 2 3 4 5; do
    local p=$((20000 + RANDOM % 20000))
    if "${as_pg[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/pg.log" -w -t 60 \
        -o "-p $p -k $tmp -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null; then
      port=$p; break
    fi
  done
  [ -n "$port" ] || { cat "$tmp/pg.log" >&2; echo "could not start PostgreSQL" >&2; exit 1; }
  "${as_pg[@]}" "$pgbin/createdb" -h "$tmp" -p "$port" -U postgres "$db"
  url="postgres://postgres@127.0.0.1:$port/$db"
  pg_version=$("$pgbin/postgres" --version)
}

# Stops the server started by throwaway_pg and removes its directory.
stop_pg() {
  [ -n "${tmp:-}" ] || return 0
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}

#!/usr/bin/env bash
# Installs PostgreSQL and Redis from the distribution's packages when they are missing (queue mode of the
# harness). Idempotent and non-interactive; needs root (or sudo). The packages' own services are not used:
# the harness starts a private cluster and a private redis-server per n8n instance.
# Prints the PostgreSQL bin folder as the last line.
set -euo pipefail
log() { echo "[services-install] $*" >&2; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ] || ! command -v redis-server >/dev/null; then
  sudo=''
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "PostgreSQL/Redis missing and not root: apt-get install postgresql redis-server"; exit 1; }
    sudo='sudo -n'
  fi
  log "installing postgresql and redis-server (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  # Only refresh the package lists when apt does not know the packages yet (fresh images ship none).
  apt-cache show postgresql redis-server >/dev/null 2>&1 || $sudo apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql redis-server >&2
fi
[ -x "$(pg_bin)/initdb" ] || { log "no initdb under /usr/lib/postgresql/*/bin"; exit 1; }
pg_bin

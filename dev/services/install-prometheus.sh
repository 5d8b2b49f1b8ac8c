#!/usr/bin/env bash
# Installs Prometheus from the distribution's package when missing (the metrics test scrapes template 10 with
# it). Idempotent and non-interactive; needs root (or sudo). The package's own service is not used: the test
# starts a private server on a free port. Prints the binary's path as the last line.
set -euo pipefail
log() { echo "[prometheus-install] $*" >&2; }

if ! command -v prometheus >/dev/null; then
  sudo=''
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "Prometheus missing and not root: apt-get install prometheus"; exit 1; }
    sudo='sudo -n'
  fi
  log "installing prometheus (apt-get)"
  apt-cache show prometheus >/dev/null 2>&1 || $sudo apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold prometheus >&2
fi
command -v prometheus

#!/usr/bin/env bash
# Installs headless Chromium (and fonts the editor renders with) from the distribution's packages when missing:
# the browser test (test/e2e/editor.test.ts) drives it through playwright-core, which brings no browser of its
# own. Idempotent and non-interactive; needs root (or sudo). Prints the browser's path as the last line.
set -euo pipefail
log() { echo "[browser-install] $*" >&2; }

find_chromium() {
  for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    [ -n "$c" ] && [ -x "$c" ] && { echo "$c"; return 0; }
  done
  return 1
}

if ! find_chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi liberation; then
  sudo=''
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "Chromium missing and not root: apt-get install chromium fonts-liberation"; exit 1; }
    sudo='sudo -n'
  fi
  log "installing chromium and fonts-liberation (apt-get)"
  # Only refresh the package lists when apt does not know the packages yet (fresh images ship none).
  apt-cache show chromium fonts-liberation >/dev/null 2>&1 || $sudo apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold chromium fonts-liberation >&2
fi
find_chromium || { log "no chromium binary after installing"; exit 1; }

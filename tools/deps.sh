#!/bin/sh
# SPDX-License-Identifier: MIT
# Install the build and test dependencies from Debian when they are missing:
# with apt-get when root, else print the exact command and fail.
set -u
PKGS="build-essential pkg-config libgumbo-dev libpcre2-dev libcsv-dev libzip-dev libexpat1-dev libpoppler-glib-dev libcairo2-dev"
[ -n "${PG_EXTRA_PKGS:-}" ] && PKGS="$PKGS $PG_EXTRA_PKGS"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 && apt-get install -y -qq $missing >&2 || {
		echo "deps: apt-get install failed" >&2
		exit 1
	}
else
	echo "deps: missing packages:$missing" >&2
	echo "deps: run: sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi

#!/usr/bin/env bash
# Installs go-go-scope's own Node adapters and their drivers into <dir>/node_modules for peer.mjs.
#   usage: setup.sh <dir>
# Idempotent: a marker file naming the versions is written last, and a second run with it present returns at once.
#
# @go-go-scope/persistence-* name go-go-scope 2.9.1 as a dependency, which the registry does not serve; their dist
# code does not import it (it is only used for types), so they are unpacked from `npm pack` instead of installed.
# The drivers are installed first: an `npm install` run while those unpacked packages sit in node_modules would try
# to resolve their go-go-scope dependency.
set -euo pipefail

ADAPTERS_VERSION=2.9.1
MYSQL2_VERSION=3.25.0   # the MySQL adapter's peer range is ^3.17.3
MONGODB_VERSION=6.22.0  # the MongoDB adapter's peer range is ^6.0.0

die() { printf '[setup.sh] FAILED: %s\n' "$*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: setup.sh <dir>"
dir=$1
marker_text="adapters=$ADAPTERS_VERSION mysql2=$MYSQL2_VERSION mongodb=$MONGODB_VERSION"
marker=$dir/.gogoscope-node-peer-ready

if [ -f "$marker" ] && [ "$(cat "$marker")" = "$marker_text" ]; then
  exit 0
fi

command -v node >/dev/null 2>&1 || die "node is not on the PATH (bash .ci/services.sh installs it)"
command -v npm >/dev/null 2>&1 || die "npm is not on the PATH (bash .ci/services.sh installs it)"

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
rm -f "$marker"
cd "$dir"
# npm must not walk up to some package.json above <dir>: give it one of its own
[ -f package.json ] || printf '{"name":"gogoscope-node-peer","private":true}\n' > package.json

echo "[setup.sh] npm install mysql2@$MYSQL2_VERSION mongodb@$MONGODB_VERSION into $dir" >&2
npm install --no-save --no-audit --no-fund --no-package-lock --loglevel=error \
    "mysql2@$MYSQL2_VERSION" "mongodb@$MONGODB_VERSION" >&2 \
  || die "npm install mysql2@$MYSQL2_VERSION mongodb@$MONGODB_VERSION failed (exit $?) in $dir"

packs=$dir/.packs
rm -rf "$packs" && mkdir -p "$packs"
echo "[setup.sh] npm pack @go-go-scope/persistence-mysql@$ADAPTERS_VERSION @go-go-scope/persistence-mongodb@$ADAPTERS_VERSION" >&2
(cd "$packs" && npm pack --silent --loglevel=error \
    "@go-go-scope/persistence-mysql@$ADAPTERS_VERSION" "@go-go-scope/persistence-mongodb@$ADAPTERS_VERSION" >&2) \
  || die "npm pack @go-go-scope/persistence-mysql/-mongodb@$ADAPTERS_VERSION failed in $packs"

for name in mysql mongodb; do
  tarball=$packs/go-go-scope-persistence-$name-$ADAPTERS_VERSION.tgz
  [ -f "$tarball" ] || die "npm pack did not write $tarball"
  target=$dir/node_modules/@go-go-scope/persistence-$name
  rm -rf "$target" && mkdir -p "$target"
  tar -xzf "$tarball" -C "$target" --strip-components=1 || die "could not unpack $tarball"
  [ -f "$target/dist/index.mjs" ] || die "$tarball has no dist/index.mjs"
done
rm -rf "$packs"

# the installed pieces load (catches a broken or partial install now rather than in the first test)
node --input-type=module -e "
  await import('mysql2/promise');
  await import('mongodb');
  const { MySQLAdapter } = await import('@go-go-scope/persistence-mysql');
  const { MongoDBAdapter } = await import('@go-go-scope/persistence-mongodb');
  if (typeof MySQLAdapter !== 'function' || typeof MongoDBAdapter !== 'function') throw new Error('adapters missing');
" >&2 || die "the installed modules do not load in $dir"

printf '%s' "$marker_text" > "$marker"
echo "[setup.sh] ready: $marker_text" >&2

#!/bin/sh
# Installs myco:  Scripts/install.sh [PREFIX]        (default PREFIX: /usr/local)
#
#   PREFIX/bin/myco                      the command (release build)
#   PREFIX/bin/Myco_*.resources          the XML schemas, sheet and page templates (SwiftPM looks for
#                                        them beside the binary)
#   PREFIX/share/myco/Knowledge          the knowledge base
#   PREFIX/share/myco/Rules              the rules
#
# An installed myco finds its data through its own real path (symlinks resolved), so a symlink to
# PREFIX/bin/myco anywhere on PATH works. Environment:
#   MYCO_INSTALL_BUILD=debug|release  which configuration to build (default release)
#   MYCO_INSTALL_FROM=DIR             install the myco already built in DIR instead of building
set -eu
prefix=${1:-/usr/local}
case "$prefix" in
  -*) echo "usage: Scripts/install.sh [PREFIX]   (default /usr/local)" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
config=${MYCO_INSTALL_BUILD:-release}
case "$config" in
  debug|release) ;;
  *) echo "error: MYCO_INSTALL_BUILD must be debug or release, not '$config'" >&2; exit 2 ;;
esac

if [ -n "${MYCO_INSTALL_FROM:-}" ]; then
  bin=$MYCO_INSTALL_FROM
else
  (cd "$root" && swift build -c "$config" --product myco)
  bin=$(cd "$root" && swift build -c "$config" --show-bin-path)
fi
if [ ! -x "$bin/myco" ]; then
  echo "error: no built myco in $bin" >&2
  exit 1
fi
if [ ! -f "$root/Knowledge/facts.xml" ] || [ ! -f "$root/Rules/tests/core.xml" ]; then
  echo "error: $root has no Knowledge/facts.xml or Rules/tests/core.xml" >&2
  exit 1
fi

data=$prefix/share/myco
mkdir -p "$prefix/bin" "$data"
# Replace the data folders as a whole, so rules removed from the repository do not linger.
for folder in Knowledge Rules; do
  rm -rf "$data/$folder.new"
  cp -R "$root/$folder" "$data/$folder.new"
  rm -rf "$data/$folder"
  mv "$data/$folder.new" "$data/$folder"
done
for resources in "$bin"/*.resources; do
  [ -d "$resources" ] || continue
  name=$(basename "$resources")
  rm -rf "$prefix/bin/$name"
  cp -R "$resources" "$prefix/bin/$name"
done
cp "$bin/myco" "$prefix/bin/myco.new"
chmod 755 "$prefix/bin/myco.new"
mv -f "$prefix/bin/myco.new" "$prefix/bin/myco"

echo "installed $prefix/bin/myco (data in $data)"
"$prefix/bin/myco" --version

#!/usr/bin/env bash
# Starts the demo service: a WildFly 39 bootable JAR whose application uses every capability of go-go-scope,
# on the SQLite file demo-service/target/demo.db. Builds the JAR first when it is missing or older than the
# sources (the first build downloads WildFly's parts from Maven Central and takes a few minutes).
#
#   bash demo-service/run.sh          # node-8080 on http://localhost:8080
#   bash demo-service/run.sh 100      # a second node, node-8180 on http://localhost:8180, same SQLite file
#
# Ctrl-C stops it. Extra arguments after the port offset go to the server, e.g. -Ddemo.ship.hold-ms=10000.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
offset="${1:-0}"
shift || true
if ! [[ "$offset" =~ ^[0-9]+$ ]] || (( offset > 50000 )); then
  echo "usage: $0 [port-offset] [server arguments...]; port-offset must be a number from 0 to 50000, was '$offset'" >&2
  exit 2
fi
jar="$here/target/gogoscope-demo-service-bootable.jar"

# the modules the service is built from (demo-service -am)
sources=("$root/pom.xml")
for module in api core conformance-kit jpa-entities cdi-extension interceptors demo-service; do
  sources+=("$root/$module/pom.xml" "$root/$module/src")
done
if [[ ! -f "$jar" ]] || [[ -n "$(find "${sources[@]}" -newer "$jar" -print -quit)" ]]; then
  echo "building $jar (mvn -B -q -DskipTests -pl demo-service -am package) ..."
  (cd "$root" && mvn -B -q -DskipTests -pl demo-service -am package)
fi

port=$(( 8080 + offset ))
echo "starting node-$port on http://localhost:$port (store: SQLite file $here/target/demo.db)"
exec java -jar "$jar" \
  -Djboss.socket.binding.port-offset="$offset" \
  -Djboss.node.name="node-$port" \
  -Ddemo.db="$here/target/demo.db" \
  "$@"

#!/usr/bin/env bash
# Starts the demo service: a WildFly 39 bootable JAR whose application uses every capability of go-go-scope,
# on the SQLite file demo-service/target/demo.db. Builds the JAR first when it is missing or older than the
# sources (the first build downloads WildFly's parts from Maven Central and takes a few minutes).
#
#   bash demo-service/run.sh          # node-8080 on http://localhost:8080
#   bash demo-service/run.sh 100      # a second node, node-8180 on http://localhost:8180, same SQLite file
#
# Ctrl-C stops it. Extra arguments after the port offset go to the server, e.g. -Ddemo.ship.hold-ms=10000.
#
# The service is ready when this script prints "ready at http://localhost:<port>" (it polls GET /node). Do not go
# by WildFly's own "WFLYSRV0025 ... started" lines: the bootable JAR prints one for its build-time provisioning
# about 40 s before the real server is up.
#
# Before starting, it removes the wildfly-bootable-server* directories in Java's temp directory that earlier
# nodes killed with kill -9 left behind (a clean stop removes its own): only those older than two minutes that no
# running process has open (checked through /proc, or lsof where there is no /proc).
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
for module in api core conformance-kit jpa-entities cdi-extension interceptors admin demo-service; do
  sources+=("$root/$module/pom.xml" "$root/$module/src")
done
if [[ ! -f "$jar" ]] || [[ -n "$(find "${sources[@]}" -newer "$jar" -print -quit)" ]]; then
  echo "building $jar (mvn -B -q -DskipTests -pl demo-service -am package) ..."
  (cd "$root" && mvn -B -q -DskipTests -pl demo-service -am package)
fi

port=$(( 8080 + offset ))

# --- leftovers of killed nodes -------------------------------------------------------------------------------
# A directory is in use while some process holds a file in it open (the server's jars and log stay open for its
# whole life). One younger than two minutes may belong to a node still unpacking: left alone too.
in_use() {
  local dir="$1"
  if [[ -d /proc/self/fd ]]; then
    [[ -n "$(find /proc/[0-9]*/fd -mindepth 1 -maxdepth 1 -lname "$dir/*" -print -quit 2>/dev/null)" ]]
  elif command -v lsof >/dev/null 2>&1; then
    lsof +D "$dir" >/dev/null 2>&1
  else
    return 0 # cannot tell: keep it
  fi
}
tmp="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.io\.tmpdir = //p')"
tmp="${tmp%/}"
removed=0
if [[ -n "$tmp" && -d "$tmp" ]]; then
  while IFS= read -r -d '' dir; do
    if ! in_use "$dir"; then
      rm -rf -- "$dir" && removed=$(( removed + 1 ))
    fi
  done < <(find "$tmp" -mindepth 1 -maxdepth 1 -type d -name 'wildfly-bootable-server*' -mmin +2 -print0 2>/dev/null)
fi
if (( removed > 0 )); then
  echo "removed $removed wildfly-bootable-server* director$( (( removed == 1 )) && echo y || echo ies) left in $tmp by killed nodes"
fi

# --- readiness ------------------------------------------------------------------------------------------------
# Polls GET /node in the background and says when the service answers. The poller stops when the server
# process (this shell's PID, which exec hands to java) is gone.
url="http://localhost:$port"
(
  trap '' INT
  start=$SECONDS
  warned=0
  while kill -0 $$ 2>/dev/null; do
    if command -v curl >/dev/null 2>&1; then
      answer="$(curl -fsS --max-time 2 "http://127.0.0.1:$port/node" 2>/dev/null || true)"
    else
      answer="$( (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /node HTTP/1.0\r\n\r\n' >&3 && cat <&3) 2>/dev/null || true)"
    fi
    if [[ "$answer" == *"node-$port"* ]]; then
      printf '\n==> node-%s is ready at %s (GET /node answered after %d s)\n\n' "$port" "$url" $(( SECONDS - start ))
      exit 0
    fi
    if (( SECONDS - start > 300 && warned == 0 )); then
      echo "==> node-$port: $url/node still does not answer after 300 s; see the server log above" >&2
      warned=1
    fi
    sleep 1
  done
) &

echo "starting node-$port on $url (store: SQLite file $here/target/demo.db); wait for the \"ready at\" line"
exec java -jar "$jar" \
  -Djboss.socket.binding.port-offset="$offset" \
  -Djboss.node.name="node-$port" \
  -Ddemo.db="$here/target/demo.db" \
  "$@"

#!/usr/bin/env bash
# Prepares the unpacked WildFly for the integration tests, the way an operator would:
#   1. installs the JDBC drivers (PostgreSQL, MariaDB Connector/J, MySQL Connector/J, SQLite) as WildFly modules;
#   2. runs datasources.cli in an embedded, offline server to register the drivers and four
#      container-managed, JTA-enabled DataSources in standalone-microprofile.xml;
#   3. adds the EJB subsystem of standalone.xml to standalone-microprofile.xml (add-ejb.py), for EJB timers;
#   4. runs quickstart.cli on the plain standalone.xml: the PostgreSQL driver and the DataSource the README's quick
#      start adds, for the quick-start sample (QuickstartIT).
# Idempotent: a marker file holds a digest of this script and datasources.cli; when either changed, the pristine
# configuration (saved on the first run) is restored and the set-up is done again.
# Usage: configure.sh <wildfly home> <directory holding the driver jars> <directory for the SQLite file>
set -euo pipefail

home=$1 drivers=$2 sqlite_dir=$3
here=$(cd "$(dirname "$0")" && pwd)
config=$home/standalone/configuration/standalone-microprofile.xml
plain=$home/standalone/configuration/standalone.xml
marker=$home/standalone/configuration/.gogoscope-configured
digest=$(cat "$0" "$here/datasources.cli" "$here/add-ejb.py" "$here/quickstart.cli" | sha256sum | cut -d' ' -f1)
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$digest" ]; then
  echo "[configure] $home is already configured"
  exit 0
fi
for file in "$config" "$plain"; do
  if [ -f "$file.pristine" ]; then
    cp "$file.pristine" "$file"
  else
    cp "$file" "$file.pristine"
  fi
done

module() { # module name, jar file name pattern
  local name=$1 pattern=$2 dir jar
  dir=$home/modules/${name//.//}/main
  jar=$(cd "$drivers" && ls $pattern | head -1)
  mkdir -p "$dir"
  cp "$drivers/$jar" "$dir/"
  cat > "$dir/module.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<module name="$name" xmlns="urn:jboss:module:1.9">
    <resources>
        <resource-root path="$jar"/>
    </resources>
    <dependencies>
        <module name="java.logging"/>
        <module name="java.management"/>
        <module name="java.naming"/>
        <module name="java.security.jgss"/>
        <module name="java.security.sasl"/>
        <module name="java.sql"/>
        <module name="java.transaction.xa"/>
        <module name="jdk.unsupported" optional="true"/>
    </dependencies>
</module>
XML
  echo "[configure] module $name <- $jar"
}

module org.postgresql 'postgresql-*.jar'
module org.mariadb.jdbc 'mariadb-java-client-*.jar'
module org.xerial.sqlite 'sqlite-jdbc-*.jar'
module com.mysql 'mysql-connector-j-*.jar'

python3 "$here/add-ejb.py" "$home/standalone/configuration"

mkdir -p "$sqlite_dir"
script=$(mktemp --suffix=.cli)
trap 'rm -f "$script"' EXIT
sed "s|@SQLITE_FILE@|$(cd "$sqlite_dir" && pwd)/gogoscope.db|" "$here/datasources.cli" > "$script"
"$home/bin/jboss-cli.sh" --file="$script"
"$home/bin/jboss-cli.sh" --file="$here/quickstart.cli"
echo "[configure] the quick start's DataSource installed in $plain"
echo "$digest" > "$marker"
echo "[configure] DataSources installed in $home/standalone/configuration/standalone-microprofile.xml"

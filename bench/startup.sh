#!/usr/bin/env bash
# Start-up of the runtime next to the floor (bare Felix 7.0.5 + SCR + Gogo + FileInstall), side by side in one run.
# Usage: bench/startup.sh [runs]   (default 7; prints medians and ratios for first start and restart)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f launcher/target/milkbottle.jar ] || ! ls launcher/target/milkbottle-*.tar.gz >/dev/null 2>&1; then
  mvn -q -DskipTests package
fi
floor=bench/target/floor
if [ ! -f "$floor/bin/felix.jar" ]; then
  mkdir -p "$floor/bin" "$floor/bundle" "$floor/conf" "$floor/load"
  get() { mvn -q -B dependency:copy -Dartifact="$1" -DoutputDirectory="$2" -Dmdep.stripVersion="${3:-false}"; }
  get org.apache.felix:org.apache.felix.main:7.0.5 "$floor/bin" true
  mv "$floor/bin/org.apache.felix.main.jar" "$floor/bin/felix.jar"
  for a in org.apache.felix:org.apache.felix.scr:2.2.18 org.osgi:org.osgi.util.promise:1.3.0 \
           org.osgi:org.osgi.util.function:1.2.0 org.osgi:org.osgi.service.component:1.5.1 \
           org.apache.felix:org.apache.felix.gogo.runtime:1.1.6 org.apache.felix:org.apache.felix.gogo.shell:1.1.4 \
           org.apache.felix:org.apache.felix.gogo.command:1.1.2 org.apache.felix:org.apache.felix.fileinstall:3.7.4; do
    get "$a" "$floor/bundle"
  done
  # Felix's launcher: install and start everything in bundle/, cache in ./felix-cache (kept between starts),
  # FileInstall watching ./load
  cat > "$floor/conf/config.properties" <<'PROPS'
felix.auto.deploy.action=install,start
felix.auto.deploy.dir=bundle
org.osgi.framework.storage=felix-cache
felix.fileinstall.dir=load
PROPS
fi
# the distribution as an operator starts it: bin/milkbottle with the JVM options of its conf/milkbottle.conf
dist=bench/target/dist
archive=$(ls launcher/target/milkbottle-*.tar.gz | head -1)
rm -rf "$dist" && mkdir -p "$dist" && tar -xzf "$archive" -C "$dist"
script=$(ls -d "$dist"/milkbottle-*/bin/milkbottle)
# more jars or start scripts (another build, say) can be given to StartupBench after the first: they are measured
# interleaved, each against the same floor runs; -Dbench.mb.jvm="OPTIONS" tries JVM options on MilkBottle's runs
java bench/StartupBench.java "$floor" "${1:-7}" launcher/target/milkbottle.jar "$script"

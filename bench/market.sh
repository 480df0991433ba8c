#!/usr/bin/env bash
# Marketplace figures on loopback: publish rate, install by name with 10 transitive dependencies from 5,000 resources,
# then search latency (p50/p99, server and client side) and throughput with 10,000 plugins.
# The node runs with the JVM options the distribution starts it with (conf/milkbottle.conf: bin/milkbottle and the
# container image); then the publish rate once more with plain `java -jar` (C1 and C2), for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f launcher/target/milkbottle.jar ] || mvn -q -DskipTests package
distribution_opts=$(sed -n 's/^JAVA_OPTS="\(.*\)"$/\1/p' launcher/src/dist/conf/milkbottle.conf)
echo "== the node as bin/milkbottle starts it (JAVA_OPTS=\"$distribution_opts\")"
java -Dbench.server.jvm="$distribution_opts" bench/MarketBench.java launcher/target/milkbottle.jar
echo "== publishing again, the node started with plain java -jar (the C2 compiler warms up beside the first round)"
java -Dbench.only=publish bench/MarketBench.java launcher/target/milkbottle.jar

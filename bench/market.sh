#!/usr/bin/env bash
# Marketplace figures on loopback: install by name with 10 transitive dependencies from 5,000 resources,
# then search latency (p50/p99, server and client side) and throughput with 10,000 plugins.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f launcher/target/milkbottle.jar ] || mvn -q -DskipTests package
java bench/MarketBench.java launcher/target/milkbottle.jar

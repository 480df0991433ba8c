#!/usr/bin/env bash
# mb:dev: from a rebuilt jar written into target/ to the new version ACTIVE (median over the updates).
# Usage: bench/dev.sh [updates]   (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f launcher/target/milkbottle.jar ]; then
  mvn -q -DskipTests package
fi
java bench/DevBench.java launcher/target/milkbottle.jar "${1:-30}"

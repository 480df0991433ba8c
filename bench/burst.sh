#!/usr/bin/env bash
# Deploy-folder burst: N different plugins dropped at once into a running runtime (default 50).
# Usage: bench/burst.sh [jars]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f launcher/target/milkbottle.jar ] || [ ! -f example-bundles/hello/target/hello.jar ]; then
  mvn -q -DskipTests package
fi
java bench/BurstBench.java launcher/target/milkbottle.jar example-bundles/hello/target/hello.jar "${1:-50}"

#!/usr/bin/env bash
# Builds the runtime if needed and prints start-up and deploy-folder figures.
# Usage: bench/run.sh [startRuns] [deployRuns]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f launcher/target/milkbottle.jar ] || [ ! -f example-bundles/hello/target/hello.jar ]; then
  mvn -q -DskipTests package
fi
java bench/RuntimeBench.java launcher/target/milkbottle.jar example-bundles/hello/target/hello.jar "${1:-10}" "${2:-30}"

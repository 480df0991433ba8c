#!/usr/bin/env bash
# Validation (bytecode scan) throughput per core over real jars from the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
[ -f validation-bundle/target/classes/org/milkbottle/validation/internal/StandaloneValidator.class ] \
  || mvn -q -DskipTests -pl validation-bundle -am package
cp="validation-bundle/target/classes:$repo/org/ow2/asm/asm/9.8/asm-9.8.jar:$repo/org/osgi/osgi.core/8.0.0/osgi.core-8.0.0.jar"
jars=(
  "$repo/com/fasterxml/jackson/core/jackson-databind/2.17.2/jackson-databind-2.17.2.jar"
  "$repo/org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar"
  "$repo/org/apache/felix/org.apache.felix.framework/7.0.5/org.apache.felix.framework-7.0.5.jar"
  "$repo/org/jline/jline/3.21.0/jline-3.21.0.jar"
  "$repo/org/apache/felix/org.apache.felix.scr/2.2.18/org.apache.felix.scr-2.2.18.jar"
  "$repo/org/ow2/asm/asm/9.8/asm-9.8.jar"
  "example-bundles/hello/target/hello.jar"
)
java -cp "$cp" bench/ScanBench.java "${jars[@]}"

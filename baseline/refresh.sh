#!/usr/bin/env bash
# Rebuilds the API baseline in baseline/ from a commit (default HEAD): the build checks every exported API
# package against it and fails on an incompatible change without a version bump (docs/development.md).
#
#   baseline/refresh.sh [COMMIT]          e.g. at a release: baseline/refresh.sh v1.0.0
#
# The commit is built in a temporary checkout, so uncommitted work never ends up in the baseline. An API module
# is a top-level module with an api package (src/main/java/**/api/package-info.java); each gets
# baseline/org/milkbottle/baseline/MODULE/baseline/MODULE-baseline.jar (its exported packages only) and a pom.
#
# Environment: MVN (default "mvn"; e.g. MVN="flock /tmp/mvn.lock mvn"), MVN_ARGS (e.g. "-o" to build offline).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
ref="${1:-HEAD}"
commit="$(git -C "$root" rev-parse --short "$ref^{commit}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

modules="$(git -C "$root" ls-tree -r --name-only "$commit" \
    | sed -n 's#^\([^/]*\)/src/main/java/.*/api/package-info\.java$#\1#p' | sort -u)"
if [ -z "$modules" ]; then
    echo "No API packages at $ref ($commit)." >&2
    exit 1
fi

git -C "$root" archive "$commit" | tar -x -C "$work"
echo "Building $ref ($commit) for the API of: $(echo $modules)"
# the whole reactor: bundles may embed other modules' jars by path (the marketplace seeds hello.jar).
# -Dbnd.baseline.skip=true: the baseline being replaced must not judge the commit it is made from
${MVN:-mvn} ${MVN_ARGS:-} -q -B -f "$work/pom.xml" -DskipTests -Dbnd.baseline.skip=true package

rm -rf "$root/baseline/org"
for module in $modules; do
    java "$root/baseline/ApiJar.java" "$work/$module" "$root/baseline" "commit $commit"
    # a module is baselined only if the root pom has a profile for it (activated by its api package-info)
    info="$(git -C "$root" ls-tree -r --name-only "$commit" -- "$module/src/main/java" | grep '/api/package-info\.java$')"
    for path in $info; do
        if ! grep -q "\${basedir}/${path#"$module"/}" "$root/pom.xml"; then
            echo "WARNING: $path has no baseline profile in pom.xml; copy one of the api-baseline profiles for it." >&2
        fi
    done
done
echo "Baseline refreshed from $commit. Review and commit baseline/."

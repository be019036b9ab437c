#!/usr/bin/env bash
# What -Aversioned.schema adds to a javac run, measured the way a build pays for it: one javac
# process per compile, the same records each time, in interleaved rounds (so that drift of a
# shared machine hits every variant alike), median of the rounds.
#
#   benchmarks/schema-check.sh                 # hawkbit's 57 MySQL migrations, 9 rounds
#   ROUNDS=15 benchmarks/schema-check.sh /path/to/db/migration MYSQL
#
# Variants per round: without the option; with it on a cold build (no cache: the migrations are
# read, parsed and interpreted); with it after a first build (the cache beside the class output
# holds the interpreted schema). The records compiled are hawkbit's sp_target and
# sp_distribution_set, written as a user would (unless another folder is given, when any
# @Versioned records in SOURCES, a folder of .java files, are compiled).
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-../shared/realworld-schemas/hawkbit-mysql}
dialect=${2:-MARIADB}
rounds=${ROUNDS:-9}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -B -q -pl processor -am package -DskipTests \
  dependency:build-classpath -Dmdep.outputFile=target/compile.cp -Dmdep.includeScope=compile
processor_path="processor/target/versioned-processor-0.1.0-SNAPSHOT.jar:$(cat processor/target/compile.cp)"
class_path="runtime/target/versioned-runtime-0.1.0-SNAPSHOT.jar:$(cat runtime/target/compile.cp)"

sources=${SOURCES:-}
if [ -z "$sources" ]; then
  sources="$work/src"
  mkdir -p "$sources/com/example"
  cat > "$sources/com/example/Target.java" <<'JAVA'
package com.example;

import dev.versioned.*;

@Versioned(table = "sp_target")
public record Target(@Id long id, String tenant, String name, String controllerId,
    Long lastModifiedAt, Integer updateStatus, @Version Long optlockRevision) {}
JAVA
  cat > "$sources/com/example/DistributionSet.java" <<'JAVA'
package com.example;

import dev.versioned.*;

@Versioned(table = "sp_distribution_set")
public record DistributionSet(@Id long id, String tenant, String name, String version,
    boolean locked, Long dsType, @Version Long optlockRevision) {}
JAVA
fi
files=$(find "$sources" -name '*.java')

# One compile; prints its wall time in milliseconds.
compile() {
  local out=$1
  shift
  rm -rf "$out/classes" "$out/generated"
  mkdir -p "$out/classes" "$out/generated"
  local start end
  start=$(date +%s%N)
  javac -d "$out/classes" -s "$out/generated" -cp "$class_path" \
    -processorpath "$processor_path" "$@" $files >"$out/javac.log" 2>&1 \
    || { cat "$out/javac.log" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

schema=(-Aversioned.schema="$(cd "$folder" && pwd)" -Aversioned.dialect="$dialect")
without=() cold=() warm=()
compile "$work/warm" "${schema[@]}" >/dev/null # the first build, which fills the cache
for round in $(seq "$rounds"); do
  without+=("$(compile "$work/without")")
  rm -rf "$work/cold/versioned-schema-cache"
  cold+=("$(compile "$work/cold" "${schema[@]}")")
  warm+=("$(compile "$work/warm" "${schema[@]}")")
done
w=$(echo "${without[@]}" | median)
c=$(echo "${cold[@]}" | median)
h=$(echo "${warm[@]}" | median)
count=$(find "$folder" -name '*.sql' | wc -l)
echo "schema check, $count migration files in $folder ($dialect), $(echo $files | wc -w) records,"
echo "median of $rounds interleaved rounds, one javac process per compile ($(javac -version 2>&1)):"
printf '  %-34s %6d ms\n' "without -Aversioned.schema" "$w"
printf '  %-34s %6d ms  (+%d ms)\n' "with it, cold (no cache)" "$c" "$((c - w))"
printf '  %-34s %6d ms  (+%d ms)\n' "with it, after a first build" "$h" "$((h - w))"
echo "  rounds (ms): without ${without[*]}; cold ${cold[*]}; warm ${warm[*]}"

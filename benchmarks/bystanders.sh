#!/usr/bin/env bash
# What the processor costs the files it has nothing to do with: in-process javac of plain classes
# (lambdas, anonymous and local classes, local records) plus a few @Versioned records, with the
# processor, against javac -proc:none of the same sources plus the generated repositories.
# Interleaved rounds in one JVM after warm-up rounds; prints the per-round ratio's median and
# spread, for wall time and for the compiling thread's CPU time.
#
#   benchmarks/bystanders.sh                  # 2000 classes, 10 records, 5 rounds after 2 warm-ups
#   benchmarks/bystanders.sh 2000 10 9 3      # [classes [records [rounds [warmups]]]]
#
# JAVA_OPTS is passed to the JVM (default -Xmx3g).
set -euo pipefail
cd "$(dirname "$0")/.."

# clean: the compiler plugin does not notice a rebuilt processor, and would keep stale repositories.
mvn -B -q -pl benchmarks -am clean package -Dmaven.test.skip=true \
  dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=runtime
# The classes and jars of this tree are copied, so that a build started meanwhile cannot change
# what is measured.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r benchmarks/target/classes "$work/classes"
class_path="$work/classes"
IFS=: read -ra entries < benchmarks/target/bench.cp || true # no newline at its end
for entry in "${entries[@]}"; do
  case "$entry" in
    "$PWD"/*) cp "$entry" "$work/" && class_path+=":$work/$(basename "$entry")" ;;
    *) class_path+=":$entry" ;;
  esac
done
java ${JAVA_OPTS:--Xmx3g} -cp "$class_path" dev.versioned.bench.Bystanders "$@"

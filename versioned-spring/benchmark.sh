#!/usr/bin/env bash
# findById, update and modify inside a Spring Boot application: the repository bean on Boot's
# DSLContext, the same repository on a plain DSLContext, on Boot's configuration with a
# non-translating listener (jOOQ's execution path), and hand-written JDBC, all on the same
# HikariCP pool, in interleaved rounds in one JVM. Prints medians and ratios.
#
#   versioned-spring/benchmark.sh h2
#   versioned-spring/benchmark.sh postgresql          # 127.0.0.1:5432, database test
#   JAVA_OPTS="-Drounds=31 -Dcalls=5000" versioned-spring/benchmark.sh h2
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$PWD/versioned-spring/target/benchmark-classpath.txt"
mvn -B -q -pl versioned-spring -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec java ${JAVA_OPTS:-} -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true \
  -cp "versioned-spring/target/test-classes:versioned-spring/target/classes:$(cat "$cp_file")" \
  dev.versioned.spring.bench.BootBenchmark "${1:-h2}"

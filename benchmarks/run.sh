#!/usr/bin/env bash
# Builds the benchmark jar and runs every benchmark, then prints the table of ratios to
# hand-written JDBC (also written to benchmarks/target/results.md).
#
#   benchmarks/run.sh                      # the full run: H2, and PostgreSQL when it answers
#   benchmarks/run.sh -p db=h2 update      # any JMH option: here, only H2 and the update benchmark
#
# Environment: SCALE_RECORDS (default 1000; 0 skips the processor measurement), JAVA_OPTS.
# PostgreSQL: -Dversioned.bench.postgresql.url=jdbc:postgresql://... in JAVA_OPTS
# (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres); not run when it does not answer.
set -euo pipefail
cd "$(dirname "$0")/.."

# clean: the compiler plugin does not notice a rebuilt processor, and would keep stale repositories.
mvn -B -q -pl benchmarks -am clean package -DskipTests -Pbenchmarks

# Defaults for a complete run; any option given on the command line overrides them.
defaults=(-f 2 -wi 5 -w 1s -i 5 -r 1s)
exec java ${JAVA_OPTS:-} -Xmx4g -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true \
  -Dversioned.bench.scale="${SCALE_RECORDS:-1000}" \
  -jar benchmarks/target/benchmarks.jar "${defaults[@]}" "$@"

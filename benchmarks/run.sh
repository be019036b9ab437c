#!/usr/bin/env bash
# Builds the benchmark jar and runs every benchmark, then prints the table of ratios to
# hand-written JDBC (also written to benchmarks/target/results.md).
#
#   benchmarks/run.sh                      # the full run: H2, and PostgreSQL when it answers
#   benchmarks/run.sh -p db=h2 update      # any JMH option: here, only H2 and the update benchmark
#
# Then it runs the paired cross-check (all implementations interleaved in one JVM; PAIRED_ROUNDS,
# default 100 on H2 and a fifth of that on PostgreSQL, 0 skips it) and the processor-scale
# measurement (SCALE_RECORDS, default 1000; 0 skips it). JAVA_OPTS is passed to the JVM.
# JMH's raw results: benchmarks/target/jmh.json.
# PostgreSQL: -Dversioned.bench.postgresql.url=jdbc:postgresql://... in JAVA_OPTS
# (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres); not run when it does not answer.
set -euo pipefail
cd "$(dirname "$0")/.."

# clean: the compiler plugin does not notice a rebuilt processor, and would keep stale repositories.
mvn -B -q -pl benchmarks -am clean package -DskipTests -Pbenchmarks

# Defaults for a complete run; an option given on the command line replaces its default
# (JMH refuses an option given twice).
defaults=()
for pair in "-f 1" "-wi 10" "-w 1s" "-i 5" "-r 1s" "-rf json" "-rff benchmarks/target/jmh.json"; do
  option=${pair%% *}
  given=false
  for arg in "$@"; do
    if [ "$arg" = "$option" ]; then given=true; fi
  done
  if [ "$given" = false ]; then defaults+=("$option" "${pair#* }"); fi
done
exec java ${JAVA_OPTS:-} -Xmx4g -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true \
  -Dversioned.bench.scale="${SCALE_RECORDS:-1000}" -Dversioned.bench.paired="${PAIRED_ROUNDS:-100}" \
  -jar benchmarks/target/benchmarks.jar "${defaults[@]}" "$@"

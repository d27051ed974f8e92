#!/usr/bin/env bash
# Builds the libFuzzer target in Fuzz/ (address sanitizer + coverage) and runs it.
#   Scripts/fuzz.sh SECONDS [extra libFuzzer flags]
# Corpus: Fuzz/corpus (seeded from the bundled Knowledge/*.xml, Rules/*.xml, Rules/tests/*.xml,
# each prefixed with the byte that picks its loader); crashes land in Fuzz/artifacts/.
# See Docs/fuzzing.md.
set -euo pipefail
seconds=${1:?usage: Scripts/fuzz.sh SECONDS [libFuzzer flags]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/Fuzz"
swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 | grep -v "Cannot export local symbol" || true
binary=$(swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)/myco-fuzz
mkdir -p corpus seeds artifacts
seed() {  # seed KIND-BYTE FILE
  local name
  name="seeds/$(basename "$(dirname "$2")")-$(basename "$2")"
  { printf "\\x$1"; cat "$2"; } > "$name"
}
seed 00 "$root/Knowledge/facts.xml"
for file in "$root"/Knowledge/*.xml; do [ "$(basename "$file")" = facts.xml ] || seed 01 "$file"; done
for file in "$root"/Rules/*.xml "$root"/Rules/tests/*.xml; do seed 02 "$file"; done
# Earlier findings are seeds too.
cp "$root"/Tests/Fixtures/fuzz-regressions/* seeds/ 2>/dev/null || true
export MYCO_ROOT="$root"
exec "$binary" corpus seeds -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -artifact_prefix=artifacts/ -print_final_stats=1 "$@"

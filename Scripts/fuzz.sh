#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (address sanitizer + coverage) and runs one.
#   Scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags]
# TARGET: xml (vocabulary, knowledge tables, rules), xsd (schemas), batches, harvests (records
# CSV import), growers (sheet batch CSV), situation (advise flags). SECONDS alone runs xml.
# Corpus: Fuzz/corpus/TARGET, seeded from the bundled files and Tests/Fixtures (see seed_TARGET
# below) and from Tests/Fixtures/fuzz-regressions; crashes land in Fuzz/artifacts/TARGET/.
# See Docs/fuzzing.md.
set -euo pipefail
usage="usage: Scripts/fuzz.sh TARGET SECONDS [libFuzzer flags]  (TARGET: xml xsd batches harvests growers situation)"
if [[ ${1:-} =~ ^[0-9]+$ ]]; then target=xml; else target=${1:?$usage}; shift; fi
seconds=${1:?$usage}
shift
case $target in xml|xsd|batches|harvests|growers|situation) ;; *) echo "$usage" >&2; exit 2 ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/Fuzz"
# Release (optimised) with ASan: debug Swift runs 10–100× slower (GRDB, Mustache, the engine).
flags=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
swift build "${flags[@]}" 2>&1 | grep -v "Cannot export local symbol" || true
binary=$(swift build "${flags[@]}" --show-bin-path)/myco-fuzz
seeds=seeds/$target
rm -rf "$seeds"
mkdir -p "corpus/$target" "$seeds" "artifacts/$target"
seed() {  # seed PREFIX-BYTE-OR-EMPTY FILE
  local name
  name="$seeds/$(basename "$(dirname "$2")")-$(basename "$2")"
  { if [ -n "$1" ]; then printf "\\x$1"; fi; cat "$2"; } > "$name"
}
case $target in
  xml)
    seed 00 "$root/Knowledge/facts.xml"
    for file in "$root"/Knowledge/*.xml; do [ "$(basename "$file")" = facts.xml ] || seed 01 "$file"; done
    for file in "$root"/Rules/*.xml "$root"/Rules/tests/*.xml; do seed 02 "$file"; done
    # Earlier findings are seeds too (the files directly in the folder are xml inputs).
    find "$root/Tests/Fixtures/fuzz-regressions" -maxdepth 1 -type f -exec cp {} "$seeds/" \;
    ;;
  xsd)  # the byte picks the document validated: 0 rules, 1 cases, 2 facts.xml, 3 a knowledge table
    seed 00 "$root/Sources/MycoKnowledge/Schemas/rules.xsd"
    seed 01 "$root/Sources/MycoKnowledge/Schemas/cases.xsd"
    seed 02 "$root/Sources/MycoKnowledge/Schemas/vocabulary.xsd"
    seed 03 "$root/Sources/MycoKnowledge/Schemas/knowledge.xsd"
    ;;
  batches) seed "" "$root/Tests/Fixtures/fuzz-csv/batches.csv" ;;
  harvests) seed "" "$root/Tests/Fixtures/fuzz-csv/harvests.csv" ;;
  growers) seed "" "$root/Tests/Fixtures/fuzz-csv/growers.csv" ;;
  situation) for file in "$root"/Tests/Fixtures/fuzz-situation/*; do seed "" "$file"; done ;;
esac
if [ "$target" != xml ] && [ -d "$root/Tests/Fixtures/fuzz-regressions/$target" ]; then
  cp "$root/Tests/Fixtures/fuzz-regressions/$target"/* "$seeds/" 2>/dev/null || true
fi
# No leak checks: Swift keeps pointers in the spare bits of enum payloads (the rules' condition
# trees), which LeakSanitizer cannot see, so it reports the set-up rule base as leaked.
export MYCO_ROOT="$root" MYCO_FUZZ_TARGET="$target" ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
exec "$binary" "corpus/$target" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -detect_leaks=0 -artifact_prefix="artifacts/$target/" -print_final_stats=1 "$@"

#!/usr/bin/env bash
# Builds the scenario-reader fuzzer (libFuzzer, AddressSanitizer) from the
# library's sources with swiftc, then runs it. docs/fuzzing.md says more.
#
#   Fuzz/run.sh -runs=1000000            # a million inputs, then stop
#   Fuzz/run.sh -max_total_time=60       # one minute (what CI runs)
#   Fuzz/run.sh FILE...                  # replay inputs (a crash file, Fuzz/regressions/*)
#   FUZZ_BUILD_ONLY=1 Fuzz/run.sh        # build only
#
# Arguments go to libFuzzer after the defaults below, so they override them.
# The exit status is libFuzzer's: 0 when no input failed, non-zero on a crash,
# a sanitizer report, a timeout or a broken property; the failing input is then
# in $FUZZ_DIR/artifacts/ and its reproduction command is printed.
#
# SwiftPM is not used: `swift build -Xswiftc -sanitize=fuzzer` would also
# instrument the `allocate` executable, whose main clashes with libFuzzer's.
# The library is compiled as one module with swiftc, the fuzzer against it,
# so `swift build` and `swift test` are unaffected.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_DIR=${FUZZ_DIR:-.build/fuzz}
SANITIZERS=${FUZZ_SANITIZERS:-fuzzer,address}
mkdir -p "$FUZZ_DIR/obj" "$FUZZ_DIR/corpus" "$FUZZ_DIR/seeds" "$FUZZ_DIR/artifacts"
binary="$FUZZ_DIR/scenario-reader-fuzzer"
mapfile -t library < <(find Sources/Allocator -name '*.swift' | LC_ALL=C sort)
sources=("${library[@]}" Sources/GLPKShim/shim.c Sources/GLPKShim/include/GLPKShim.h Fuzz/ScenarioReaderFuzzer.swift "$0")

# Rebuild when any source is newer than the binary (or the sanitizers changed).
stale=1
if [[ -x "$binary" && "$(cat "$FUZZ_DIR/sanitizers" 2>/dev/null)" == "$SANITIZERS" ]]; then
    stale=0
    for f in "${sources[@]}"; do [[ "$f" -nt "$binary" ]] && stale=1 && break; done
fi
if (( stale )); then
    echo "Fuzz/run.sh: building $binary (-sanitize=$SANITIZERS)" >&2
    obj="$FUZZ_DIR/obj"
    cat > "$obj/module.modulemap" <<EOF
module GLPKShim {
    header "$PWD/Sources/GLPKShim/include/GLPKShim.h"
    link "glpk"
    export *
}
EOF
    clang -O1 -g -fsanitize="${SANITIZERS/fuzzer/fuzzer-no-link}" -I Sources/GLPKShim/include \
        -c Sources/GLPKShim/shim.c -o "$obj/shim.o"
    swiftc -O -g -sanitize="$SANITIZERS" -parse-as-library -whole-module-optimization \
        -module-name Allocator -Xcc -fmodule-map-file="$obj/module.modulemap" \
        -emit-module -emit-module-path "$obj/Allocator.swiftmodule" \
        -c "${library[@]}" -o "$obj/Allocator.o"
    swiftc -O -g -sanitize="$SANITIZERS" -parse-as-library -I "$obj" \
        -Xcc -fmodule-map-file="$obj/module.modulemap" \
        Fuzz/ScenarioReaderFuzzer.swift "$obj/Allocator.o" "$obj/shim.o" -lglpk -use-ld=lld -o "$binary"
    echo "$SANITIZERS" > "$FUZZ_DIR/sanitizers"
fi
[[ -n "${FUZZ_BUILD_ONLY:-}" ]] && exit 0

# Replaying files: no corpus, no defaults beyond the limits.
if (( $# > 0 )) && [[ "$1" != -* ]]; then
    exec "$binary" -timeout=10 -rss_limit_mb=2048 "$@"
fi

# Seeds: the shipped scenarios that fit -max_len (the 3.6 MB generated one does
# not), the hand-written edge cases and every input that once failed.
max_len=131072
rm -f "$FUZZ_DIR/seeds/"*
for f in scenarios/*.json Fuzz/seeds/* Fuzz/regressions/*; do
    [[ -f "$f" ]] || continue
    (( $(stat -c %s "$f") <= max_len )) && cp "$f" "$FUZZ_DIR/seeds/$(basename "$(dirname "$f")")-$(basename "$f")"
done
exec "$binary" -dict=Fuzz/scenario.dict -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$FUZZ_DIR/artifacts/" -print_final_stats=1 "$@" "$FUZZ_DIR/corpus" "$FUZZ_DIR/seeds"

#!/usr/bin/env bash
# Formats every C++ source and header in src/ and tests/ with clang-format (Debian 12's
# clang-format-14) and the repository's .clang-format, in place.
#   tools/format.sh           reformat the files
#   tools/format.sh --check   change nothing; list the files that would change and exit 1
#                             if there are any (CI runs this)
# src/lib/ is loa's own code (thin wrappers such as lib/sqlite), not vendored, so it
# is formatted too. .clang-format keeps string literals and include order as written,
# so formatting cannot change what the code means.
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
case "${1-}" in
"") ;;
--check) check=true ;;
*)
    echo "usage: tools/format.sh [--check]" >&2
    exit 2
    ;;
esac

clang_format=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$clang_format" ]; then
    echo "format.sh: clang-format not found (packaging/install-deps.sh installs clang-format-14)" >&2
    exit 2
fi

mapfile -d '' files < <(find src tests -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z)

if ! $check; then
    printf '%s\0' "${files[@]}" | xargs -0 -P "$(nproc)" -n 16 "$clang_format" -i --style=file
    echo "format.sh: formatted ${#files[@]} files"
    exit 0
fi

# Each file formatted to a pipe and compared, in parallel; the names of those that differ.
mapfile -t differ < <(printf '%s\0' "${files[@]}" |
    xargs -0 -P "$(nproc)" -n 1 sh -c '"$0" --style=file "$1" | cmp -s - "$1" || echo "$1"' "$clang_format" |
    sort)
if ((${#differ[@]} > 0)); then
    echo "format.sh: ${#differ[@]} of ${#files[@]} files are not formatted (run tools/format.sh):" >&2
    printf '  %s\n' "${differ[@]}" >&2
    exit 1
fi
echo "format.sh: all ${#files[@]} files are formatted"

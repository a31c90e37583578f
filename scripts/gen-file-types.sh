#!/bin/sh
# Regenerates src/core/walk/default_file_types.inc from the installed ripgrep's `rg --type-list`
# (the file holds rg's default file types as data; see its header). Run it in the build root,
# where ripgrep 14.1.1 is: scripts/buildroot.sh run scripts/gen-file-types.sh
set -eu
out=$(dirname "$0")/../src/core/walk/default_file_types.inc
version=$(rg --version | head -n1 | cut -d' ' -f2)
list=$(rg --no-config --type-list)
{
    echo "// ripgrep ${version}'s default file types, exactly as \`rg --type-list\` prints them: one type per line,"
    echo '// "name: glob, glob, ...". Data only, read by file_types.cpp (FileTypeTable::defaults()); the CLI'"'"'s'
    echo '// -t/-T/--type-list and the GUI'"'"'s file-type filter use it. Regenerate with'
    echo '// scripts/gen-file-types.sh when following a newer ripgrep (tests/core/walk/test_file_types checks'
    echo '// the format; tests/cli/test_cli_differential compares --type-list with rg).'
    echo 'R"TYPES('
    printf '%s\n' "$list"
    echo ')TYPES"'
} > "$out"
echo "wrote $(printf '%s\n' "$list" | wc -l) types to $out"

// Usage, help and version texts (see help_text.h).
#include "cli/help_text.h"

#include "cli/flag_table.h"

#ifndef CODESCOUT_VERSION
#error "CODESCOUT_VERSION must be defined by the build (the project version)"
#endif

namespace codescout::cli {

std::string usage_text() {
    return std::string("Usage: ") + kProgramName + " [OPTIONS] PATTERN [PATH...]\n" +
           "       " + kProgramName + " [OPTIONS] -e PATTERN... [PATH...]\n" +
           "       " + kProgramName + " [OPTIONS] --files [PATH...]\n" +
           "       " + kProgramName + " [OPTIONS] -r TEXT (--write | --dry-run) PATTERN [PATH...]\n" +
           "       " + kProgramName + " --undo-list | --undo [ID]\n" +
           "Try '" + kProgramName + " --help' for more information.\n";
}

std::string help_text() {
    std::string out = std::string(kProgramName) + " " + CODESCOUT_VERSION +
                      " - search files for lines that match a pattern (ripgrep-compatible output)\n\n";
    out += "Usage: " + std::string(kProgramName) + " [OPTIONS] PATTERN [PATH...]\n\n";
    out += "Searches PATH recursively, respecting .gitignore, skipping hidden and binary files.\n"
           "Without PATH: standard input when it is a file or a pipe, else the current directory;\n"
           "PATH '-' is standard input. Files named as PATH are searched whatever they are (FIFOs\n"
           "and devices are read until end of file); a named binary file shows 'binary file\n"
           "matches' instead of its lines. Exit status: 0 if a line matched, 1 if none did,\n"
           "2 on an error.\n\nOptions:\n";
    for (const FlagSpec& spec : flag_table()) {
        std::string left = "  ";
        left += spec.short_name != 0 ? std::string("-") + spec.short_name + ", " : std::string("    ");
        left += "--" + std::string(spec.long_name);
        if (!spec.value_name.empty()) left += " " + std::string(spec.value_name);
        constexpr std::size_t kColumn = 32;
        left += left.size() < kColumn ? std::string(kColumn - left.size(), ' ') : std::string("\n") + std::string(kColumn, ' ');
        out += left + std::string(spec.help) + "\n";
    }
    out += "\nUndo (replacements applied by CodeScout, journaled in $XDG_STATE_HOME/codescout/undo):\n"
           "  --undo-list                   List the applies that can be undone: id, time, state,\n"
           "                                pattern -> replacement, and the files each changed.\n"
           "  --undo [ID]                   Restore the files of apply ID (default: the last one).\n"
           "                                A file changed since the apply is left as it is and\n"
           "                                reported. Exit status: 0 all restored, 1 nothing to\n"
           "                                undo, 2 an error or a file refused.\n"
           "An apply interrupted by a crash or a full disk is completed or rolled back when\n"
           "codescout-cli next starts, with a message on standard error.\n";
    return out;
}

std::string version_text() { return std::string(kProgramName) + " " + CODESCOUT_VERSION + "\n"; }

}  // namespace codescout::cli

// parse_undo_command, undo_list_text, undo_output, run_undo_command, recover_at_startup.
#include "cli/undo_command.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli_args.h"
#include "cli/exit_status.h"
#include "cli/flag_table.h"
#include "cli/help_text.h"
#include "core/walk/path_order.h"

namespace codescout::cli {

namespace {

// True when `arg` is a flag whose value is the next argument (so that argument is not a flag:
// `-e --undo` searches for "--undo").
bool takes_next_as_value(std::string_view arg) {
    if (arg.starts_with("--")) {
        if (arg.find('=') != std::string_view::npos) return false;
        for (const FlagSpec& spec : flag_table())
            if (arg.substr(2) == spec.long_name) return !spec.value_name.empty();
        return false;
    }
    if (arg.size() < 2 || arg[0] != '-') return false;
    // A run of short flags ("-ie"): the last one decides; a value glued on ("-A3") ends the run.
    for (std::size_t i = 1; i < arg.size(); ++i) {
        for (const FlagSpec& spec : flag_table()) {
            if (spec.short_name != arg[i]) continue;
            if (!spec.value_name.empty()) return i + 1 == arg.size();
        }
    }
    return false;
}

bool is_id(std::string_view text) {
    return !text.empty() && text.size() <= 18 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A pattern or replacement on one line: control bytes escaped, so a listing stays one row each.
std::string one_line(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '"' || c == '\\') out += std::string("\\") + c;
        else if (static_cast<unsigned char>(c) < 0x20) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(c)));
            out += hex;
        } else out += c;
    }
    return out + "\"";
}

}  // namespace

std::optional<UndoCommand> parse_undo_command(int argc, const char* const* argv) {
    std::optional<UndoCommand> command;
    std::string flag;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") break;  // what follows is a pattern or a path, never our flag
        if (takes_next_as_value(arg)) {
            ++i;
            continue;
        }
        if (arg == "--undo-list" || arg == "--undo" || arg.starts_with("--undo=")) {
            if (command) throw UsageError("--undo and --undo-list can be given only once, and not together");
            command = UndoCommand{arg == "--undo-list" ? UndoCommand::Kind::List : UndoCommand::Kind::Undo, {}};
            flag = std::string(arg.substr(0, arg.find('=')));
            if (arg.starts_with("--undo=")) command->id = std::string(arg.substr(7));
        }
    }
    if (!command) return std::nullopt;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--undo-list" || arg == "--undo" || arg.starts_with("--undo=")) continue;
        // The one extra argument allowed: the ID right after a bare --undo.
        if (command->kind == UndoCommand::Kind::Undo && command->id.empty() && std::string_view(argv[i - 1]) == "--undo") {
            command->id = std::string(arg);
            continue;
        }
        throw UsageError(flag + " stands alone: it cannot be combined with '" + std::string(arg) + "'");
    }
    if (command->kind == UndoCommand::Kind::Undo && !command->id.empty() && !is_id(command->id))
        throw UsageError("--undo takes the number of an apply (see --undo-list), not '" + command->id + "'");
    return command;
}

std::string undo_list_text(const std::vector<JournalEntry>& entries) {
    if (entries.empty()) return "no applies in the undo history\n";
    std::string out = "ID\tTIME\tSTATE\tFILES\tPATTERN -> REPLACEMENT\n";
    for (const JournalEntry& e : entries) {
        if (e.state == EntryState::Unreadable) {
            out += e.id + "\t?\tunreadable\t?\t(" + e.error + "; left alone)\n";
            continue;
        }
        const bool committed = e.state != EntryState::Interrupted && e.state != EntryState::RolledBack;
        const std::size_t files = committed ? e.changed.size() : e.manifest.files.size();
        out += e.id + "\t" + format_apply_time(e.manifest.time_ns) + "\t" + std::string(state_name(e.state)) + "\t" +
               std::to_string(files) + "\t" + one_line(e.manifest.pattern) + " -> " + one_line(e.manifest.replacement) + "\n";
        // In path order: the manifest's is the order the search found the files in.
        std::vector<std::string_view> listed;
        auto list = [&](std::size_t index) { listed.push_back(e.manifest.files[index].display); };
        if (committed) std::for_each(e.changed.begin(), e.changed.end(), list);
        else for (std::size_t i = 0; i < e.manifest.files.size(); ++i) list(i);
        std::sort(listed.begin(), listed.end(), path_less);
        for (const std::string_view display : listed) out += "\t" + std::string(display) + "\n";
    }
    return out;
}

UndoOutput undo_output(const UndoReport& report) {
    UndoOutput result;
    if (!report.error.empty()) {
        result.err = std::string(kProgramName) + ": " + report.error + "\n";
        result.exit_code = report.nothing_to_undo ? kExitNoMatch : kExitError;
        return result;
    }
    std::size_t restored = 0, original = 0, refused = 0;
    // In path order: the journal's is the order the apply's search found the files in.
    std::vector<const FileRestore*> files;
    for (const FileRestore& f : report.files) files.push_back(&f);
    std::stable_sort(files.begin(), files.end(), [](const FileRestore* a, const FileRestore* b) { return path_less(a->path, b->path); });
    for (const FileRestore* restore : files) {
        const FileRestore& f = *restore;
        switch (f.outcome) {
        case RestoreOutcome::Restored:
            ++restored;
            result.out += "restored " + f.path + "\n";
            break;
        case RestoreOutcome::AlreadyOriginal:
            ++original;
            result.out += "unchanged " + f.path + " (already the original)\n";
            break;
        case RestoreOutcome::Refused:
            ++refused;
            result.err += std::string(kProgramName) + ": not restored: " + f.path + ": " + (f.skip ? f.skip->message : "") + " [" +
                          std::string(f.skip ? skip_code(f.skip->reason) : "refused") + "]\n";
            break;
        }
    }
    result.out += "undid apply " + report.id + ": " + std::to_string(restored) + " restored, " + std::to_string(original) +
                  " already original, " + std::to_string(refused) + " refused\n";
    result.exit_code = refused == 0 ? kExitMatch : kExitError;
    return result;
}

int run_undo_command(const UndoCommand& command, UndoJournal& journal) {
    if (command.kind == UndoCommand::Kind::List) {
        std::fputs(undo_list_text(journal.entries()).c_str(), stdout);
        return kExitMatch;
    }
    const UndoOutput output = undo_output(undo_apply(journal, command.id));
    std::fputs(output.out.c_str(), stdout);
    std::fputs(output.err.c_str(), stderr);
    return output.exit_code;
}

void recover_at_startup(UndoJournal& journal) {
    for (const std::string& message : recover(journal).messages)
        std::fprintf(stderr, "%s: %s\n", kProgramName, message.c_str());
}

}  // namespace codescout::cli

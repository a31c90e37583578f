// JSON Lines printer (see json_printer.h); the messages are the print layer's (json_format.h).
#include "cli/json_printer.h"

#include <optional>
#include <string>
#include <string_view>

namespace codescout::cli {

bool JsonPrinter::on_file(FileResult&& result) {
    // rg's JSON printer begins a file at its first printed line: one without any (an empty file
    // under --passthru) has no messages, and its summary does not count it.
    if (result.lines.empty() && result.matched_lines == 0) return true;
    // As the standard printer does: a file with many lines goes out in parts, the writer locked
    // from the first part on, instead of being held formatted whole next to its lines.
    thread_local std::string block;
    block.clear();
    std::optional<OutputWriter::FileParts> parts;
    bool open = true;
    const std::uint64_t printed = format_json_file(result, plan_, block, [&](std::string& part) {
        if (!parts) parts.emplace(writer_, std::string_view());
        open = parts->write(part) && open;
        part.clear();
    });
    {
        std::lock_guard lock(totals_mutex_);
        totals_.add(result, printed);
    }
    if (!parts) return writer_.write_block(block);
    return parts->write(block) && open;
}

bool JsonPrinter::finish(const SearchSummary& summary, std::chrono::nanoseconds elapsed_total) {
    std::string line;
    std::lock_guard lock(totals_mutex_);
    format_json_summary(totals_, elapsed_total, plan_.stats ? &summary : nullptr, line);
    return writer_.write_block(line);
}

}  // namespace codescout::cli

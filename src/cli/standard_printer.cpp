// Standard output printer (see standard_printer.h).
#include "cli/standard_printer.h"

#include <optional>
#include <string>

#include "cli/standard_line_stream.h"
#include "core/print/standard_format.h"

namespace codescout::cli {

std::shared_ptr<LineStream> StandardPrinter::open_stream(const std::string& path, TurnGate* turn) {
    // Multi-line output is formatted from whole records (and never streams: the engine reads
    // such files whole anyway).
    if (plan_.mode != OutputMode::Lines || plan_.multi_line) return nullptr;
    return std::make_shared<StandardLineStream>(plan_, writer_, blocks_, path, turn,
                                                turn != nullptr ? kHoldBytesInTurn : kHoldBytes);
}

bool StandardPrinter::on_file(FileResult&& result) {
    if (result.stream) return static_cast<StandardLineStream&>(*result.stream).finish(result);
    // One buffer per worker thread, reused: formatting allocates nothing after the first files.
    // A file whose output outgrows one part (kFormatPartBytes) goes out in parts, the writer
    // locked from the first part on, instead of being held formatted whole next to its lines.
    thread_local std::string block;
    block.clear();
    const bool separated = plan_.mode != OutputMode::Lines || prints_a_line(result);
    const std::string_view separator = separated ? file_separator(plan_) : std::string_view();
    std::optional<OutputWriter::FileParts> parts;
    bool open = true;
    format_standard(result, plan_, block, [&](std::string& part) {
        if (!parts) parts.emplace(writer_, separator);
        open = parts->write(part) && open;
        part.clear();
    });
    if (!parts) return writer_.write_block(block, separator);
    return parts->write(block) && open;
}

}  // namespace codescout::cli

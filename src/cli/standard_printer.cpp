// Standard output printer (see standard_printer.h).
#include "cli/standard_printer.h"

#include <string>

#include "core/print/standard_format.h"

namespace codescout::cli {

bool StandardPrinter::on_file(FileResult&& result) {
    // One buffer per worker thread, reused: formatting allocates nothing after the first files.
    thread_local std::string block;
    block.clear();
    format_standard(result, plan_, block);
    const bool separated = plan_.mode != OutputMode::Lines || prints_a_line(result);
    return writer_.write_block(block, separated ? file_separator(plan_) : std::string_view());
}

}  // namespace codescout::cli

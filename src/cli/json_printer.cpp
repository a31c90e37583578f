// JSON Lines printer (see json_printer.h); the messages are the print layer's (json_format.h).
#include "cli/json_printer.h"

#include <string>

#include "core/print/json_format.h"

namespace codescout::cli {

bool JsonPrinter::on_file(FileResult&& result) {
    thread_local std::string block;
    block.clear();
    format_json_file(result, plan_, block);
    bytes_printed_.fetch_add(block.size(), std::memory_order_relaxed);
    return writer_.write_block(block);
}

bool JsonPrinter::finish(const SearchSummary& summary, std::chrono::nanoseconds elapsed_total) {
    std::string line;
    format_json_summary(summary, elapsed_total, bytes_printed_.load(), plan_.stats, line);
    return writer_.write_block(line);
}

}  // namespace codescout::cli

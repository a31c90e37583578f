// ResultsExport: search the exported files again behind a gate, keep the lines asked for, and
// format them with the print layer (see results_export.h).
#include "gui/results/results_export.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "core/print/csv_format.h"
#include "core/print/json_format.h"
#include "core/print/output_plan.h"
#include "core/print/standard_format.h"
#include "core/search/file_gate.h"
#include "core/search/search.h"

namespace codescout::gui {

namespace {

// Lets only the exported files be opened; the rest of the walk is skipped unopened.
class ExportedFilesGate final : public FileGate {
public:
    explicit ExportedFilesGate(std::unordered_set<std::string> paths) : paths_(std::move(paths)) {}
    bool may_match(const WalkEntry& entry) const override { return paths_.contains(entry.path); }

private:
    const std::unordered_set<std::string> paths_;
};

// The path rg shows when run in `root` with no PATH: what follows "ROOT/".
std::string relativeTo(const std::string& path, const std::string& root)
{
    std::string_view rest = path;
    if (!root.empty() && rest.starts_with(root)) {
        rest.remove_prefix(root.size());
        if (root.back() == '/' || rest.starts_with('/')) {
            while (rest.starts_with('/'))
                rest.remove_prefix(1);
            return std::string(rest);
        }
    }
    return path;
}

// Drops the lines not asked for (an empty list keeps all) and recounts what the formats report.
void keepLines(FileResult& result, const std::vector<std::uint64_t>& wanted)
{
    if (!wanted.empty()) {
        result.lines.erase_if([&wanted](const LineRecord& line) {
            return !std::binary_search(wanted.begin(), wanted.end(), line.number);
        });
    }
    result.matched_lines = 0;
    result.matches = 0;
    for (const LineRecord& line : result.lines) {
        if (!line.is_context) {
            ++result.matched_lines;
            result.matches += line.spans.size();
        }
    }
}

// Formats each file as it is found into the slot of its item; the blocks are joined in the
// items' order when the search is over.
class ExportSink final : public ResultSink {
public:
    ExportSink(const std::vector<ExportItem>& items, std::string root, ExportFormat format, OutputPlan plan)
        : items_(items), root_(std::move(root)), format_(format), plan_(std::move(plan)), blocks_(items.size()),
          found_(items.size(), false)
    {
        for (std::size_t i = 0; i < items.size(); ++i)
            slots_.emplace(items[i].path.toStdString(), i);
    }

    bool on_file(FileResult&& result) override
    {
        const auto slot = slots_.find(result.path);
        if (slot == slots_.end())
            return true;
        keepLines(result, items_[slot->second].lines);
        if (result.lines.empty())
            return true;
        result.path = relativeTo(result.path, root_);
        std::string block;
        std::uint64_t jsonPrinted = 0;
        switch (format_) {
        case ExportFormat::Text: format_standard(result, plan_, block); break;
        case ExportFormat::JsonLines: jsonPrinted = format_json_file(result, plan_, block); break;
        case ExportFormat::Csv: format_csv_file(result, result.path, block); break;
        }
        const std::lock_guard lock(mutex_);
        blocks_[slot->second] = std::move(block);
        found_[slot->second] = true;
        jsonTotals_.add(result, jsonPrinted);
        return true;
    }

    void on_error(const SearchError&) override {}  // a file that fails now is counted as missing

    ExportOutput finish(const SearchSummary& summary)
    {
        ExportOutput out;
        if (format_ == ExportFormat::Csv)
            out.bytes.append(kCsvHeader);
        const std::string_view separator = format_ == ExportFormat::Text ? file_separator(plan_) : std::string_view();
        for (std::size_t i = 0; i < blocks_.size(); ++i) {
            if (!found_[i]) {
                ++out.missing;
                continue;
            }
            if (out.files > 0)
                out.bytes.append(separator);
            out.bytes.append(blocks_[i]);
            ++out.files;
        }
        if (format_ == ExportFormat::JsonLines)
            format_json_summary(jsonTotals_, summary.elapsed, nullptr, out.bytes);
        return out;
    }

private:
    const std::vector<ExportItem>& items_;
    const std::string root_;
    const ExportFormat format_;
    const OutputPlan plan_;
    std::unordered_map<std::string, std::size_t> slots_;
    std::mutex mutex_;  // guards the members below
    std::vector<std::string> blocks_;
    std::vector<bool> found_;
    JsonTotals jsonTotals_;  // the exported files', which rg's summary sums
};

OutputPlan planFor(const SearchOptions& options, ExportFormat format)
{
    OutputPlan plan;
    plan.mode = format == ExportFormat::JsonLines ? OutputMode::Json : OutputMode::Lines;
    plan.line_numbers = true;
    plan.heading = false;
    plan.color = false;
    plan.with_filename = true;
    plan.context = options.report.before_context > 0 || options.report.after_context > 0;
    return plan;
}

}  // namespace

ExportOutput ResultsExport::run(const SearchOptions& options, const QString& folder,
                                const std::vector<ExportItem>& items, ExportFormat format)
{
    std::unordered_set<std::string> paths;
    for (const ExportItem& item : items)
        paths.insert(item.path.toStdString());
    const std::string root = options.walk.roots.empty() ? folder.toStdString() : options.walk.roots.front().string();
    ExportSink sink(items, root, format, planFor(options, format));
    try {
        SearchOptions exportOptions = options;
        exportOptions.report.time_files = format == ExportFormat::JsonLines;  // each file's "end" has its time
        Search search(exportOptions);
        search.set_file_gate(std::make_shared<ExportedFilesGate>(std::move(paths)));
        return sink.finish(search.run(sink));
    } catch (const std::exception& error) {
        ExportOutput out;
        out.error = tr("The results could not be searched again: %1").arg(QString::fromStdString(error.what()));
        return out;
    }
}

QString ResultsExport::fileFilter(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Text: return tr("ripgrep text (*.txt)");
    case ExportFormat::JsonLines: return tr("JSON Lines, as rg --json (*.jsonl *.json)");
    case ExportFormat::Csv: return tr("CSV (*.csv)");
    }
    return {};
}

QString ResultsExport::extension(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Text: return QStringLiteral("txt");
    case ExportFormat::JsonLines: return QStringLiteral("jsonl");
    case ExportFormat::Csv: return QStringLiteral("csv");
    }
    return {};
}

}  // namespace codescout::gui

// Making an apply plan (apply_plan.h) from what a search found. The fingerprint must describe
// exactly the bytes the edits refer to, so a file is read once here, fingerprinted, and its
// edits are computed over those very bytes:
//  - plan_file() hands the content to the caller's EditComputer (the CLI's -r and the GUI run
//    their matcher and the replacement template over it);
//  - edits_from_result() turns a search's FileResult (match spans per line) into edits over that
//    content, checking that every line still reads as the search saw it — so results shown in a
//    preview can be applied without searching again, and a file changed in between is caught.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit/apply_plan.h"
#include "core/edit/file_gate.h"
#include "core/edit/skip_reason.h"
#include "core/search/search_result.h"

namespace codescout {

using EditComputer = std::function<std::vector<TextEdit>(std::string_view content)>;

struct PlannedFile {
    std::optional<FilePlan> plan;  // nullopt: skip says why (or no edits: neither is set)
    std::optional<Skip> skip;
};

// Reads `path` (links followed: the apply checks where they lead), fingerprints it and asks
// `compute` for the edits. Binary files and files over `max_size` are refused here already.
// `buffer`: where to read it, kept for the caller's next file (file_io.h, read_into: a planner
// of many large files neither allocates nor frees one per file); null: a buffer of its own.
PlannedFile plan_file(const std::string& path, const EditComputer& compute, std::uint64_t max_size = kDefaultMaxRewriteSize,
                      std::string* buffer = nullptr);

// plan_file() for a file whose bytes the caller read already, whole (e.g. the search's own
// buffer: ResultSink::on_file_read_whole): `content` is all of it, `mtime_ns` its mtime as of
// an fstat after that read. The same refusals and fingerprint as plan_file(); the apply checks
// the fingerprint against the file as it is then, so bytes torn by a write during the caller's
// read only make the file "changed since it was searched".
PlannedFile plan_bytes(const std::string& path, std::string_view content, std::int64_t mtime_ns, const EditComputer& compute,
                       std::uint64_t max_size = kDefaultMaxRewriteSize);

// The replacement for one match: `line` as the search reported it, `span` the match in it.
using SpanReplacement = std::function<std::string(const LineRecord& line, const MatchSpan& span)>;

// Edits for every match span of `result` over `content` (the file's bytes, e.g. from plan_file's
// callback); nullopt when a reported line no longer matches the content at its offset.
std::optional<std::vector<TextEdit>> edits_from_result(const FileResult& result, std::string_view content,
                                                       const SpanReplacement& replacement);

}  // namespace codescout

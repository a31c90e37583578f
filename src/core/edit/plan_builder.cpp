// plan_file, edits_from_result (see plan_builder.h).
#include "core/edit/plan_builder.h"

#include <algorithm>
#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>

#include "core/edit/file_io.h"
#include "core/io/open_file.h"

namespace codescout {

PlannedFile plan_file(const std::string& path, const EditComputer& compute, std::uint64_t max_size, std::string* buffer) {
    PlannedFile planned;
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    struct stat st {};
    if (!fd || ::fstat(fd.get(), &st) != 0) {
        planned.skip = Skip{errno == ENOENT ? SkipReason::Missing : SkipReason::WriteFailed, "cannot read it: " + errno_message(errno)};
        return planned;
    }
    if (!S_ISREG(st.st_mode)) {
        planned.skip = Skip{SkipReason::NotRegular, "it is not a regular file"};
        return planned;
    }
    if (static_cast<std::uint64_t>(st.st_size) > max_size) {
        planned.skip = Skip{SkipReason::TooLarge, "it is larger (" + std::to_string(st.st_size) + " bytes) than the limit for rewriting (" +
                                                      std::to_string(max_size) + " bytes)"};
        return planned;
    }
    std::string own;
    std::string& read = buffer != nullptr ? *buffer : own;
    std::size_t length = 0;
    if (const int error = read_into(fd.get(), read, length, max_size, static_cast<std::uint64_t>(st.st_size)); error != 0) {
        planned.skip = error == EFBIG ? Skip{SkipReason::TooLarge, "it grew past the limit for rewriting while it was read"}
                                      : Skip{SkipReason::WriteFailed, "cannot read it: " + errno_message(error)};
        return planned;
    }
    // A change during the read shows as a later mtime.
    return plan_bytes(path, std::string_view(read.data(), length),
                      static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec, compute, max_size);
}

PlannedFile plan_bytes(const std::string& path, std::string_view content, std::int64_t mtime_ns, const EditComputer& compute,
                       std::uint64_t max_size) {
    PlannedFile planned;
    if (content.size() > max_size) {
        planned.skip = Skip{SkipReason::TooLarge, "it is larger (" + std::to_string(content.size()) + " bytes) than the limit for rewriting (" +
                                                      std::to_string(max_size) + " bytes)"};
        return planned;
    }
    if (looks_binary(content)) {
        planned.skip = Skip{SkipReason::Binary, "it is binary (holds a NUL byte)"};
        return planned;
    }
    std::vector<TextEdit> edits = compute(content);
    if (edits.empty()) return planned;
    if (std::string why = validate_edits(edits, content.size()); !why.empty()) {
        planned.skip = Skip{SkipReason::InvalidEdits, "the computed edits do not fit it: " + why};
        return planned;
    }
    // The fingerprint of the bytes read.
    FilePlan plan;
    plan.path = path;
    plan.searched.size = content.size();
    plan.searched.mtime_ns = mtime_ns;
    plan.searched.hash = hash_bytes(content);
    plan.edits = std::move(edits);
    planned.plan = std::move(plan);
    return planned;
}

std::optional<std::vector<TextEdit>> edits_from_result(const FileResult& result, std::string_view content,
                                                       const SpanReplacement& replacement) {
    std::vector<TextEdit> edits;
    for (const LineRecord& line : result.lines) {
        if (line.spans.empty()) continue;
        if (line.byte_offset > content.size() || content.substr(line.byte_offset, line.text.size()) != line.text) return std::nullopt;
        for (const MatchSpan& span : line.spans) {
            if (span.begin > span.end || span.end > line.text.size()) return std::nullopt;
            edits.push_back({line.byte_offset + span.begin, line.byte_offset + span.end, replacement(line, span)});
        }
    }
    return edits;
}

}  // namespace codescout

// The compact, in-memory form of one file's results in the GUI. A search can produce a million
// matching lines; holding a QString and a QList per line would cost several hundred bytes each.
// Instead each file keeps one byte arena (UTF-8 text and span offsets) and a vector of 12-byte
// line records; QStrings are made only when a view asks for a row (ResultsModel::data()).
// Where the stored text starts in the full line (its column) is needed only by the preview and
// is usually 0 or a small indentation, so it lives in the arena, not in the record: absent when
// 0, else a LEB128 number — one byte for indentation under 128 bytes, at most ten.
#pragma once

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/search_result.h"

namespace codescout::gui {

// One match span inside the stored (possibly clipped) line text, in bytes.
struct CompactSpan {
    std::uint16_t begin = 0;
    std::uint16_t end = 0;
};

// One result line. At `offset` in the file's arena: its column (if flagged Shifted), its spans
// (spanCount x CompactSpan), then its text (length bytes).
struct CompactLine {
    enum Flag : std::uint8_t {
        Context = 1,      // a context line, not a match
        ClippedLeft = 2,  // the stored text starts after the line's start (long line)
        ClippedRight = 4, // the stored text ends before the line's end (long line)
        Shifted = 8,      // the stored text starts after byte 0 (indentation or ClippedLeft)
        MoreLines = 16,   // a multi-line match (-U): only its first line is stored; the arena
                          // holds how many lines follow and where the last match ends in the last
    };
    std::uint32_t number = 0;  // 1-based line number (saturates at 2^32 - 1)
    std::uint32_t offset = 0;
    std::uint16_t length = 0;
    std::uint8_t spanCount = 0;
    std::uint8_t flags = 0;
};
static_assert(sizeof(CompactLine) == 12, "CompactLine is the per-match cost: keep it small");

// The stored text of one line, with its spans, as views into the arena.
struct LineView {
    std::uint32_t number = 0;
    std::string_view text;
    std::uint64_t column = 0;  // byte offset of `text` in the full line
    std::vector<CompactSpan> spans;
    bool context = false;
    bool clippedLeft = false;
    bool clippedRight = false;
    // A multi-line match: lines after this one that it covers, and the byte in the last of them
    // where its last match ends (the preview highlights up to there). 0 for single lines.
    std::uint32_t moreLines = 0;
    std::uint32_t lastLineEnd = 0;
};

class CompactFile {
public:
    // Longest stored line text: longer lines keep a window around their first match.
    static constexpr std::size_t kMaxStoredLineBytes = 320;
    // Most spans kept per line (the rest of a pathological line is not highlighted).
    static constexpr std::size_t kMaxSpansPerLine = 255;

    CompactFile() = default;
    // Packs `result`. `root` is the searched folder: the relative path is what follows it.
    CompactFile(const FileResult& result, std::string_view root);

    const QString& path() const { return path_; }
    QString relativePath() const { return path_.mid(relativeStart_); }
    std::size_t lineCount() const { return lines_.size(); }
    std::uint64_t matches() const { return matches_; }
    std::uint64_t matchedLines() const { return matchedLines_; }
    // A binary file the search stopped in: its lines from this byte offset on are not shown
    // (no lines came for them). UINT64_MAX for a text file.
    std::uint64_t binaryCut() const { return binaryCut_; }
    // What the search saw of the file, for Replace to check it is unchanged (match_selection.h):
    // its size (of the decoded text when encoding() is set), mtime, and the encoding it was
    // decoded from (empty: searched as bytes).
    std::uint64_t searchedSize() const { return searchedSize_; }
    std::int64_t mtimeNs() const { return mtimeNs_; }
    std::string_view encoding() const { return encoding_; }

    const CompactLine& line(std::size_t index) const { return lines_[index]; }
    LineView view(std::size_t index) const;

    // Heap bytes this object owns (excluding sizeof(*this)), for the bytes-per-match figure.
    std::size_t heapBytes() const;

private:
    QString path_;
    qsizetype relativeStart_ = 0;
    std::string arena_;
    std::vector<CompactLine> lines_;
    std::uint64_t matches_ = 0;
    std::uint64_t matchedLines_ = 0;
    std::uint64_t binaryCut_ = UINT64_MAX;
    std::uint64_t searchedSize_ = 0;
    std::int64_t mtimeNs_ = 0;
    std::string_view encoding_;  // static storage (FileResult::encoding)
};

}  // namespace codescout::gui

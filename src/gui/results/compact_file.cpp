// Packing a FileResult into a CompactFile: clip long lines, drop indentation, copy text and spans
// into one exactly-sized arena.
#include "gui/results/compact_file.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace codescout::gui {

namespace {

// Bytes of a long line kept before its first match, so the match is shown in context.
constexpr std::size_t kLeadBytes = 60;

bool isUtf8Continuation(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

struct Window {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool clippedLeft = false;
    bool clippedRight = false;
    std::uint32_t moreLines = 0;    // a -U block: lines after the first (which alone is stored)
    std::uint32_t lastLineEnd = 0;  // its last match's end, in bytes into its last line
};

// A -U block holds several lines: the first is the one shown, the rest is counted.
void cutAtFirstLine(const LineRecord& line, Window& w)
{
    const std::size_t newline = std::string_view(line.text).find('\n');
    if (newline == std::string_view::npos)
        return;
    std::uint64_t more = 0;
    std::size_t lastStart = 0;
    for (std::size_t i = newline; i < line.text.size(); ++i) {
        if (line.text[i] == '\n') {
            ++more;
            lastStart = i + 1;
        }
    }
    const std::size_t lastEnd = line.spans.empty() ? 0 : line.spans.back().end;
    w.moreLines = static_cast<std::uint32_t>(std::min<std::uint64_t>(more, std::numeric_limits<std::uint32_t>::max()));
    w.lastLineEnd = static_cast<std::uint32_t>(lastEnd > lastStart ? std::min<std::size_t>(lastEnd - lastStart, UINT32_MAX) : 0);
    w.end = newline;
}

// Which bytes of `line` are stored: without the indentation and a trailing '\r', and at most
// kMaxStoredLineBytes around the first match.
Window storedWindow(const LineRecord& line)
{
    const std::string_view text = line.text;
    Window w;
    w.end = text.size();
    cutAtFirstLine(line, w);
    if (w.end > 0 && text[w.end - 1] == '\r')
        --w.end;
    const std::size_t firstMatch =
        line.spans.empty() ? w.end : std::min<std::size_t>(line.spans.front().begin, w.end);
    while (w.begin < firstMatch && (text[w.begin] == ' ' || text[w.begin] == '\t'))
        ++w.begin;
    if (w.end - w.begin <= CompactFile::kMaxStoredLineBytes)
        return w;

    std::size_t start = w.begin;
    if (firstMatch < w.end && firstMatch > w.begin + kLeadBytes)
        start = firstMatch - kLeadBytes;
    while (start < firstMatch && isUtf8Continuation(text[start]))
        ++start;
    w.clippedLeft = start > w.begin;
    w.begin = start;
    std::size_t stop = w.begin + CompactFile::kMaxStoredLineBytes;
    if (stop < w.end) {
        while (stop > w.begin && isUtf8Continuation(text[stop]))
            --stop;
        w.end = stop;
        w.clippedRight = true;
    }
    return w;
}

// The column's encoding (LEB128): seven bits a byte, low bits first, high bit = more follows.
std::size_t columnBytes(std::uint64_t column)
{
    std::size_t bytes = 1;
    for (; column >= 0x80; column >>= 7)
        ++bytes;
    return bytes;
}

char* putColumn(char* out, std::uint64_t column)
{
    for (; column >= 0x80; column >>= 7)
        *out++ = static_cast<char>((column & 0x7f) | 0x80);
    *out++ = static_cast<char>(column);
    return out;
}

const char* getColumn(const char* in, std::uint64_t& column)
{
    column = 0;
    for (unsigned shift = 0;; shift += 7) {
        const auto byte = static_cast<unsigned char>(*in++);
        column |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0)
            return in;
    }
}

std::vector<CompactSpan> clippedSpans(const LineRecord& line, const Window& w)
{
    std::vector<CompactSpan> spans;
    for (const MatchSpan& s : line.spans) {
        if (spans.size() == CompactFile::kMaxSpansPerLine)
            break;
        if (s.end < w.begin || s.begin > w.end)
            continue;
        const std::size_t b = std::clamp<std::size_t>(s.begin, w.begin, w.end) - w.begin;
        const std::size_t e = std::clamp<std::size_t>(s.end, w.begin, w.end) - w.begin;
        spans.push_back({static_cast<std::uint16_t>(b), static_cast<std::uint16_t>(e)});
    }
    return spans;
}

}  // namespace

CompactFile::CompactFile(const FileResult& result, std::string_view root)
    : path_(QString::fromUtf8(result.path.data(), static_cast<qsizetype>(result.path.size()))),
      matches_(result.matches), matchedLines_(result.matched_lines),
      binaryCut_(result.binary.action == BinaryAction::Stopped ? result.binary.text_end : UINT64_MAX),
      searchedSize_(result.size), mtimeNs_(result.mtime_ns), encoding_(result.encoding)
{
    const std::string_view path = result.path;
    const bool underRoot = !root.empty() && path.size() > root.size()
                           && path.substr(0, root.size()) == root
                           && (root.back() == '/' || path[root.size()] == '/');
    if (underRoot) {
        std::size_t cut = root.size();
        while (cut < path.size() && path[cut] == '/')
            ++cut;
        relativeStart_ = QString::fromUtf8(path.data(), static_cast<qsizetype>(cut)).size();
    }

    std::vector<Window> windows;
    windows.reserve(result.lines.size());
    std::vector<std::vector<CompactSpan>> spans;
    spans.reserve(result.lines.size());
    std::size_t arenaBytes = 0;
    std::uint64_t spanTotal = 0;
    for (const LineRecord& line : result.lines) {
        windows.push_back(storedWindow(line));
        spans.push_back(line.is_context ? std::vector<CompactSpan>{}
                                        : clippedSpans(line, windows.back()));
        spanTotal += line.spans.size();
        const Window& w = windows.back();
        const std::size_t bytes = (w.begin > 0 ? columnBytes(w.begin) : 0)
                                  + (w.moreLines > 0 ? columnBytes(w.moreLines) + columnBytes(w.lastLineEnd) : 0)
                                  + spans.back().size() * sizeof(CompactSpan) + (w.end - w.begin);
        if (arenaBytes + bytes > std::numeric_limits<std::uint32_t>::max()) {
            windows.pop_back();  // a file this big is not stored beyond 4 GiB of text
            break;
        }
        arenaBytes += bytes;
    }
    if (matches_ == 0)
        matches_ = spanTotal;

    arena_.resize(arenaBytes);
    lines_.resize(windows.size());
    std::size_t at = 0;
    for (std::size_t i = 0; i < windows.size(); ++i) {
        const LineRecord& record = result.lines[i];
        const Window& w = windows[i];
        CompactLine& line = lines_[i];
        line.number = static_cast<std::uint32_t>(
            std::min<std::uint64_t>(record.number, std::numeric_limits<std::uint32_t>::max()));
        line.offset = static_cast<std::uint32_t>(at);
        line.length = static_cast<std::uint16_t>(w.end - w.begin);
        line.spanCount = static_cast<std::uint8_t>(spans[i].size());
        line.flags = static_cast<std::uint8_t>((record.is_context ? CompactLine::Context : 0)
                                               | (w.clippedLeft ? CompactLine::ClippedLeft : 0)
                                               | (w.clippedRight ? CompactLine::ClippedRight : 0)
                                               | (w.begin > 0 ? CompactLine::Shifted : 0)
                                               | (w.moreLines > 0 ? CompactLine::MoreLines : 0));
        if (w.begin > 0)
            at = static_cast<std::size_t>(putColumn(arena_.data() + at, w.begin) - arena_.data());
        if (w.moreLines > 0) {
            at = static_cast<std::size_t>(putColumn(arena_.data() + at, w.moreLines) - arena_.data());
            at = static_cast<std::size_t>(putColumn(arena_.data() + at, w.lastLineEnd) - arena_.data());
        }
        const std::size_t spanBytes = spans[i].size() * sizeof(CompactSpan);
        if (spanBytes > 0)
            std::memcpy(arena_.data() + at, spans[i].data(), spanBytes);
        at += spanBytes;
        std::memcpy(arena_.data() + at, record.text.data() + w.begin, line.length);
        at += line.length;
    }
}

LineView CompactFile::view(std::size_t index) const
{
    const CompactLine& line = lines_[index];
    LineView v;
    v.number = line.number;
    v.context = (line.flags & CompactLine::Context) != 0;
    v.clippedLeft = (line.flags & CompactLine::ClippedLeft) != 0;
    v.clippedRight = (line.flags & CompactLine::ClippedRight) != 0;
    const char* at = arena_.data() + line.offset;
    if (line.flags & CompactLine::Shifted)
        at = getColumn(at, v.column);
    if (line.flags & CompactLine::MoreLines) {
        std::uint64_t more = 0;
        std::uint64_t end = 0;
        at = getColumn(at, more);
        at = getColumn(at, end);
        v.moreLines = static_cast<std::uint32_t>(more);
        v.lastLineEnd = static_cast<std::uint32_t>(end);
    }
    v.spans.resize(line.spanCount);
    if (line.spanCount > 0)
        std::memcpy(v.spans.data(), at, line.spanCount * sizeof(CompactSpan));
    v.text = std::string_view(at + line.spanCount * sizeof(CompactSpan), line.length);
    return v;
}

std::size_t CompactFile::heapBytes() const
{
    return arena_.capacity() + lines_.capacity() * sizeof(CompactLine)
           + static_cast<std::size_t>(path_.capacity()) * sizeof(QChar);
}

}  // namespace codescout::gui

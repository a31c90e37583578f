// rg's standard printer for one line (see standard_line.h). Escape sequences are rg's with its
// default colours. Names follow grep-printer's functions, so that its behaviour can be checked
// against the original piece by piece.
#include "core/print/standard_line.h"

#include <algorithm>
#include <span>
#include <vector>

#include "core/print/printer_pieces.h"
#include "core/print/rg_visible_spans.h"

namespace codescout {
namespace {

constexpr std::string_view kLineColor = "\x1b[0m\x1b[32m";          // green
constexpr std::string_view kMatchColor = "\x1b[0m\x1b[1m\x1b[31m";  // bold red
constexpr std::string_view kColumnColor = "\x1b[0m";               // rg's column spec: a reset only

// rg's ASCII whitespace for --trim.
bool is_trim_space(char c, char term) {
    return c != term && (c == ' ' || c == '\t' || c == '\n' || c == '\x0b' || c == '\x0c' || c == '\r');
}

std::uint32_t utf8_decode(std::string_view text, std::size_t at, std::size_t& length) {
    const auto b0 = static_cast<unsigned char>(text[at]);
    length = 1;
    if (b0 < 0x80) return b0;
    const std::size_t need = b0 >= 0xF0 && b0 < 0xF8 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
    if (need == 0 || at + need > text.size()) return 0xFFFD;
    std::uint32_t cp = b0 & (0x7F >> need);
    for (std::size_t i = 1; i < need; ++i) {
        const auto b = static_cast<unsigned char>(text[at + i]);
        if ((b & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (b & 0x3F);
    }
    length = need;
    return cp;
}

// Code points that extend the character before them (see grapheme_prefix_length).
bool is_extending(std::uint32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) || (cp >= 0x0591 && cp <= 0x05BD) ||
           (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x064B && cp <= 0x065F) || (cp >= 0x0900 && cp <= 0x0903) ||
           (cp >= 0x093A && cp <= 0x094F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
           cp == 0x200C || cp == 0x200D || (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

// The pieces of one line as rg's printer holds them ("Sunk"): the bytes it prints (the line, or
// the line with -r's replacements), the matches it knows of in them, and how many matches the
// original line had (for "[Omitted long line with N matches]").
struct Sunk {
    std::string_view bytes;  // without the terminator
    bool terminated = true;
    std::span<const MatchSpan> matches;
    std::size_t original_matches = 0;
    // `bytes` is the line with -r's replacements: rg measures it for -M without its terminator
    // (it replaces in the line with the terminator cut off), the original line with it.
    bool replaced = false;
    bool is_context = false;
    std::uint64_t number = 0;
    std::uint64_t offset = 0;
};

class LineWriter {
public:
    LineWriter(const OutputPlan& plan, std::string_view path, std::string& out) : plan_(plan), path_(path), out_(out) {}

    void sink(const Sunk& sunk) {
        sunk_ = &sunk;
        if (sunk.matches.empty()) sink_fast();
        else sink_slow();
    }

    // A -U match block (several lines; `sunk.bytes` holds them with their terminators, the
    // matches are relative to its start): rg's sink_fast_multi_line, sink_slow_multi_line,
    // sink_slow_multi_per_line, and --vimgrep's one line per match.
    void sink_multi_line(const Sunk& sunk) {
        sunk_ = &sunk;
        if (sunk.matches.empty()) sink_fast_multi_line();
        else if (plan_.only_matching) sink_slow_multi_per_line();
        else if (plan_.per_match) sink_multi_per_match();
        else sink_slow_multi_line();
    }

private:
    enum class Separator { None, Field, PathTerminator };

    void sink_fast() {
        write_prelude(sunk_->offset, std::nullopt);
        write_line(sunk_->bytes, sunk_->terminated);
    }

    void sink_slow() {
        const Sunk& s = *sunk_;
        if (plan_.only_matching) {
            for (const MatchSpan& m : s.matches) {
                write_prelude(s.offset + m.begin, m.begin + 1);
                const std::string_view buf = s.bytes.substr(m.begin, m.end - m.begin);
                const MatchSpan whole{0, static_cast<std::uint32_t>(buf.size())};
                write_colored_line(std::span<const MatchSpan>(&whole, 1), buf, false);
            }
        } else if (plan_.per_match) {
            for (const MatchSpan& m : s.matches) {
                write_prelude(s.offset + m.begin, m.begin + 1);
                write_colored_line(std::span<const MatchSpan>(&m, 1), s.bytes, s.terminated);
            }
        } else {
            write_prelude(s.offset, s.matches.front().begin + 1);
            write_colored_line(s.matches, s.bytes, s.terminated);
        }
    }

    // The lines of a block, with terminators: [begin, end) each.
    struct BlockLine {
        std::size_t begin;
        std::size_t end;           // after the terminator, if any
        std::size_t content_end;   // before it
    };
    std::vector<BlockLine> block_lines() const {
        std::vector<BlockLine> lines;
        const std::string_view bytes = sunk_->bytes;
        for (std::size_t at = 0; at < bytes.size();) {
            const std::size_t term = bytes.find(plan_.line_terminator, at);
            const std::size_t end = term == std::string_view::npos ? bytes.size() : term + 1;
            lines.push_back({at, end, term == std::string_view::npos ? bytes.size() : term});
            at = end;
        }
        return lines;
    }

    void sink_fast_multi_line() {
        std::uint64_t count = 0;
        for (const BlockLine& line : block_lines()) {
            write_prelude(sunk_->offset + line.begin, std::nullopt, sunk_->number + count++);
            write_line(sunk_->bytes.substr(line.begin, line.content_end - line.begin), line.end > line.content_end);
        }
    }

    void sink_slow_multi_line() {
        const Sunk& s = *sunk_;
        std::size_t index = 0;
        std::uint64_t count = 0;
        for (const BlockLine& line : block_lines()) {
            // Every line gets the column of the block's first match (rg does the same).
            write_prelude(s.offset + line.begin, s.matches.front().begin + 1, s.number + count++);
            if (exceeds_max_columns(line.end - line.begin)) {
                write_exceeded_line(s.bytes, line.end > line.content_end, line.begin, line.content_end, s.matches, index);
            } else {
                write_colored_matches(s.bytes, line.begin, line.content_end, s.matches, index);
                out_.push_back(plan_.line_terminator);
            }
        }
    }

    void sink_slow_multi_per_line() {
        const Sunk& s = *sunk_;
        std::size_t index = 0;
        std::uint64_t count = 0;
        for (const BlockLine& line : block_lines()) {
            std::size_t start = trimmed_start(s.bytes.substr(0, line.content_end), line.begin);
            const std::size_t end = line.content_end;
            while (start < end) {
                if (s.matches[index].end <= start) {
                    if (index + 1 < s.matches.size()) {
                        ++index;
                        continue;
                    }
                    break;
                }
                const MatchSpan m = s.matches[index];
                if (start < m.begin) {
                    start = std::min<std::size_t>(end, m.begin);
                    continue;
                }
                const std::size_t upto = std::min<std::size_t>(end, m.end);
                write_prelude(s.offset + m.begin, m.begin + 1, s.number + count);
                const std::string_view piece = s.bytes.substr(start, upto - start);
                const MatchSpan whole{0, static_cast<std::uint32_t>(piece.size())};
                write_colored_line(std::span<const MatchSpan>(&whole, 1), piece, false);
                start = upto;
            }
            ++count;
        }
    }

    // --vimgrep: each match once, on the line where it starts, with that line's column.
    void sink_multi_per_match() {
        const Sunk& s = *sunk_;
        const std::vector<BlockLine> lines = block_lines();
        for (const MatchSpan& m : s.matches) {
            std::size_t k = 0;
            while (k + 1 < lines.size() && lines[k + 1].begin <= m.begin) ++k;
            const BlockLine& line = lines.empty() ? BlockLine{0, 0, 0} : lines[k];
            write_prelude(s.offset + line.begin, m.begin - line.begin + 1, s.number + k);
            const std::string_view text = s.bytes.substr(line.begin, line.content_end - line.begin);
            const MatchSpan local{static_cast<std::uint32_t>(m.begin - line.begin),
                                  static_cast<std::uint32_t>(std::min<std::size_t>(m.end, line.content_end) - line.begin)};
            write_colored_line(std::span<const MatchSpan>(&local, 1), text, line.end > line.content_end);
        }
    }

    void write_prelude(std::uint64_t offset, std::optional<std::uint64_t> column,
                       std::optional<std::uint64_t> number = std::nullopt) {
        separator_ = Separator::None;
        if (plan_.with_filename && !plan_.heading) {
            colored(path_, kPathColor);
            separator_ = plan_.path_terminator ? Separator::PathTerminator : Separator::Field;
        }
        if (plan_.line_numbers) field(number.value_or(sunk_->number), kLineColor);
        if (plan_.column && column) field(*column, kColumnColor);
        if (plan_.byte_offset) field(offset, kColumnColor);
        write_separator();
    }

    void field(std::uint64_t value, std::string_view color) {
        write_separator();
        if (plan_.color) out_.append(color);
        append_number(out_, value);
        if (plan_.color) out_.append(kReset);
        separator_ = Separator::Field;
    }

    void write_separator() {
        if (separator_ == Separator::Field) out_.push_back(sunk_->is_context ? '-' : ':');
        if (separator_ == Separator::PathTerminator) out_.push_back(*plan_.path_terminator);
        separator_ = Separator::None;
    }

    void colored(std::string_view text, std::string_view color) {
        if (!plan_.color) {
            out_.append(text);
            return;
        }
        out_.append(color).append(text).append(kReset);
    }

    // rg measures lines with their terminator.
    bool exceeds_max_columns(std::size_t length) const { return plan_.max_columns != 0 && length > plan_.max_columns; }
    // The same for a line of sunk_->bytes (see Sunk::replaced).
    bool line_exceeds_max_columns(std::size_t length, bool terminated) const {
        return exceeds_max_columns(length + (terminated && !sunk_->replaced));
    }

    std::size_t trimmed_start(std::string_view bytes, std::size_t start) const {
        if (!plan_.trim) return start;
        while (start < bytes.size() && is_trim_space(bytes[start], plan_.line_terminator)) ++start;
        return start;
    }

    void write_line(std::string_view bytes, bool terminated) {
        const std::string_view line = bytes.substr(trimmed_start(bytes, 0));
        if (line_exceeds_max_columns(line.size(), terminated)) {
            std::size_t index = 0;
            write_exceeded_line(line, terminated, 0, line.size(), sunk_->matches, index);
            return;
        }
        out_.append(line);
        out_.push_back(plan_.line_terminator);
    }

    void write_colored_line(std::span<const MatchSpan> matches, std::string_view bytes, bool terminated) {
        if (!plan_.color) {
            write_line(bytes, terminated);
            return;
        }
        const std::size_t start = trimmed_start(bytes, 0);
        std::size_t index = 0;
        if (line_exceeds_max_columns(bytes.size(), terminated)) {
            write_exceeded_line(bytes, terminated, start, bytes.size(), matches, index);
            return;
        }
        write_colored_matches(bytes, start, bytes.size(), matches, index);
        out_.push_back(plan_.line_terminator);
    }

    // bytes[start, end) with its matches coloured (colours only when the plan has them).
    void write_colored_matches(std::string_view bytes, std::size_t start, std::size_t end,
                               std::span<const MatchSpan> matches, std::size_t& index) {
        end = std::min(end, bytes.size());  // never the terminator
        if (matches.empty()) {
            if (start < end) out_.append(bytes.substr(start, end - start));
            return;
        }
        in_match_ = false;
        while (start < end) {
            if (matches[index].end <= start) {
                if (index + 1 < matches.size()) {
                    ++index;
                    continue;
                }
                end_color_match();
                out_.append(bytes.substr(start, end - start));
                break;
            }
            const MatchSpan m = matches[index];
            if (start < m.begin) {
                const std::size_t upto = std::min<std::size_t>(end, m.begin);
                end_color_match();
                out_.append(bytes.substr(start, upto - start));
                start = upto;
            } else {
                const std::size_t upto = std::min<std::size_t>(end, m.end);
                start_color_match();
                out_.append(bytes.substr(start, upto - start));
                start = upto;
            }
        }
        end_color_match();
    }

    void start_color_match() {
        if (in_match_) return;
        if (plan_.color) out_.append(kMatchColor);
        in_match_ = true;
    }

    void end_color_match() {
        if (!in_match_) return;
        if (plan_.color) out_.append(kReset);
        in_match_ = false;
    }

    void write_exceeded_line(std::string_view bytes, bool terminated, std::size_t start, std::size_t end,
                             std::span<const MatchSpan> matches, std::size_t& index) {
        const Sunk& s = *sunk_;
        if (plan_.max_columns_preview) {
            // The first max_columns characters of the line, its terminator counted as one.
            std::string with_terminator(bytes.substr(start, end - start));
            if (terminated) with_terminator.push_back(plan_.line_terminator);
            const std::size_t cut = start + grapheme_prefix_length(with_terminator, plan_.max_columns);
            write_colored_matches(bytes, start, cut, matches, index);
            if (matches.empty()) {
                out_.append(" [... omitted end of long line]");
            } else {
                const auto remaining = std::count_if(matches.begin(), matches.end(), [&](const MatchSpan& m) {
                    return m.begin >= cut && m.begin < end + terminated;
                });
                out_.append(" [... ");
                append_number(out_, static_cast<std::uint64_t>(remaining));
                out_.append(remaining == 1 ? " more match]" : " more matches]");
            }
            out_.push_back(plan_.line_terminator);
            return;
        }
        if (s.original_matches == 0 || plan_.only_matching) {
            out_.append(s.is_context ? "[Omitted long context line]" : "[Omitted long matching line]");
        } else {
            out_.append("[Omitted long line with ");
            append_number(out_, s.original_matches);
            out_.append(" matches]");
        }
        out_.push_back(plan_.line_terminator);
    }

    const OutputPlan& plan_;
    std::string_view path_;
    std::string& out_;
    const Sunk* sunk_ = nullptr;
    Separator separator_ = Separator::None;
    bool in_match_ = false;
};

}  // namespace

bool needs_match_granularity(const OutputPlan& plan) {
    return plan.color || plan.column || plan.replacer != nullptr || plan.per_match || plan.only_matching || plan.stats;
}

std::size_t grapheme_prefix_length(std::string_view text, std::size_t count) {
    std::size_t pos = 0;
    for (std::size_t taken = 0; taken < count && pos < text.size(); ++taken) {
        if (text.compare(pos, 2, "\r\n") == 0) {
            pos += 2;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t cp = utf8_decode(text, pos, length);
        pos += length;
        while (pos < text.size()) {
            const std::uint32_t next = utf8_decode(text, pos, length);
            // After a zero-width joiner the next pictograph joins the same character.
            if (!is_extending(next) && cp != 0x200D) break;
            cp = next;
            pos += length;
        }
    }
    return pos;
}

void format_standard_line(const LineRecord& line, bool terminated, std::string_view path, const OutputPlan& plan,
                          std::string& out) {
    Sunk sunk;
    sunk.bytes = line.text;
    sunk.terminated = terminated;
    sunk.is_context = line.is_context;
    sunk.number = line.number;
    sunk.offset = line.byte_offset;
    const std::span<const MatchSpan> spans =
        rg_visible_spans(line.spans, line.text.size() + (terminated ? 1 : 0));
    if (needs_match_granularity(plan)) {
        sunk.matches = spans;
        sunk.original_matches = spans.size();
    }
    // rg replaces in every line whose matches it looked at, context lines of -v included.
    thread_local std::string replaced;
    thread_local std::vector<MatchSpan> replaced_spans;
    if (plan.multi_line && !line.is_context) {
        // A -U block: its lines with their terminators (a match may take the last one).
        thread_local std::string block;
        block.assign(line.text);
        if (terminated) block.push_back(plan.line_terminator);
        sunk.bytes = block;
        if (plan.replacer && !spans.empty()) {
            plan.replacer->replace(block, spans, replaced, replaced_spans);
            sunk.bytes = replaced;
            sunk.matches = replaced_spans;
        }
        LineWriter(plan, path, out).sink_multi_line(sunk);
        return;
    }
    if (plan.replacer && !spans.empty()) {
        plan.replacer->replace(line.text, spans, replaced, replaced_spans);
        sunk.bytes = replaced;
        sunk.matches = replaced_spans;
        sunk.replaced = true;
    }
    LineWriter(plan, path, out).sink(sunk);
}

}  // namespace codescout

// CSV records (see csv_format.h).
#include "core/print/csv_format.h"

#include "core/print/printer_pieces.h"

namespace codescout {

void append_csv_field(std::string& out, std::string_view field)
{
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (const char c : field) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void format_csv_file(const FileResult& result, std::string_view path, std::string& out)
{
    for (const LineRecord& line : result.lines) {
        if (line.is_context || line.spans.empty())
            continue;
        // The engine keeps a "\r" before "\n" in the text (as rg prints it); it ends the line.
        std::string_view text = line.text;
        if (text.ends_with('\r'))
            text.remove_suffix(1);
        append_csv_field(out, path);
        out.push_back(',');
        append_number(out, line.number);
        out.push_back(',');
        append_number(out, std::uint64_t{line.spans.front().begin} + 1);
        out.push_back(',');
        append_csv_field(out, text);
        out.append("\r\n");
    }
}

}  // namespace codescout

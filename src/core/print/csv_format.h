// Search results as CSV (RFC 4180): a header "path,line,column,text", then one record per
// matching line — the path as shown, the 1-based line number, the 1-based byte column of the
// line's first match (rg --column's number) and the line's text without its terminator. Fields
// holding a comma, a double quote, CR or LF are quoted, quotes doubled; records end in CRLF.
// Bytes are written as they are (a file that is not UTF-8 stays what it is). Context lines are
// not records: a table has one row per match line.
#pragma once

#include <string>
#include <string_view>

#include "core/search/search_result.h"

namespace codescout {

inline constexpr std::string_view kCsvHeader = "path,line,column,text\r\n";

// Appends one field, quoted if it must be.
void append_csv_field(std::string& out, std::string_view field);
// Appends the records of `result`'s matching lines, shown as `path`.
void format_csv_file(const FileResult& result, std::string_view path, std::string& out);

}  // namespace codescout

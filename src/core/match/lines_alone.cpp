// needs_lines_alone() (see lines_alone.h): one pass over the pattern text.
#include "core/match/lines_alone.h"

#include "core/match/pattern_text.h"

namespace codescout {

bool needs_lines_alone(std::string_view re) {
    for (std::size_t i = 0; i < re.size();) {
        const char c = re[i];
        if (c == '\\') {
            if (i + 1 < re.size()) {
                const char e = re[i + 1];
                if (e == 'A' || e == 'z' || e == 'Z') return true;
                if (e == 'Q') {  // \Q...\E: literal text
                    const std::size_t end = re.find("\\E", i + 2);
                    i = end == std::string_view::npos ? re.size() : end + 2;
                    continue;
                }
            }
            i += 2;
            continue;
        }
        if (c == '[') {
            i = class_end(re, i);
            if (i == std::string_view::npos) return true;  // unsure: counts
            continue;
        }
        if (c == '(') {
            // -w's look-arounds (combine_regexes): over a buffer '\n' stands where a line alone has
            // its edge, and the answers are the same: for -P '\n' is no word character, for rg's
            // syntax it is a non-word one.
            bool word_edge = false;
            for (const WordEdge& edge : kWordEdges)
                word_edge |= re.compare(i, edge.before.size(), edge.before) == 0 || re.compare(i, edge.after.size(), edge.after) == 0;
            if (word_edge) {
                i = re.find(')', i) + 1;
                continue;
            }
            const std::string_view rest = re.substr(i + 1);
            if (rest.starts_with("?=") || rest.starts_with("?!") || rest.starts_with("?<=") || rest.starts_with("?<!") ||
                rest.starts_with("?>") || rest.starts_with("*") || rest.starts_with("?(")) {
                return true;
            }
        }
        // A possessive quantifier: *+, ++, ?+, {n,m}+ (a literal '}' before '+' counts too).
        if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < re.size() && re[i + 1] == '+') return true;
        ++i;
    }
    return false;
}

}  // namespace codescout

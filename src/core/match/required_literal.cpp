// The required-literal parse (see required_literal.h). It only reads the top level of a pattern:
// a branch is a sequence of atoms, each optionally quantified. Consecutive unquantified literal
// characters form a run that every match of the branch contains; a quantified literal character
// contributes itself once when its minimum count is at least one and then ends the run; groups,
// classes, escapes such as \w and assertions end the run. Anything that could change how the rest
// is read (inline flags, \Q, verbs, comments) or the reported match start (\K) makes it give up:
// a missed prefilter costs speed, a wrong one would lose matches.
#include "core/match/required_literal.h"

#include <algorithm>
#include <cctype>
#include <cstddef>

#include "core/match/byte_rank.h"
#include "core/match/pattern_text.h"

namespace codescout {

namespace {

// Shorter needles hit so often that verifying each line costs more than PCRE2 scanning alone.
constexpr std::size_t kMinNeedleLength = 2;

bool is_ascii_alnum(unsigned char c) { return c < 0x80 && std::isalnum(c) != 0; }

unsigned rarity_cost(const std::string& text) {
    unsigned cost = 0;
    for (const char c : text) cost += byte_rank(static_cast<unsigned char>(c));
    return cost;
}

// Longer first; at equal length the one made of rarer bytes.
bool better_needle(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return a.size() > b.size();
    return rarity_cost(a) < rarity_cost(b);
}

std::size_t utf8_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    return 4;
}

class Parser {
public:
    Parser(std::string_view regex, bool caseless, CaselessKS ks) : regex_(regex), caseless_(caseless), ks_(ks) {}

    std::optional<std::vector<std::string>> run() {
        while (i_ < regex_.size()) {
            if (!step()) return std::nullopt;
        }
        if (!end_branch()) return std::nullopt;
        std::sort(needles_.begin(), needles_.end());
        needles_.erase(std::unique(needles_.begin(), needles_.end()), needles_.end());
        return needles_;
    }

private:
    enum class Atom { Literal, Other };

    // One atom and its quantifier; false to give up.
    bool step() {
        const auto c = static_cast<unsigned char>(regex_[i_]);
        if (c == '|') {
            ++i_;
            return end_branch();
        }
        std::string literal;  // the bytes of a literal atom
        Atom atom = Atom::Other;
        switch (c) {
        case '(':
            if (!skip_group()) return false;
            break;
        case '[':
            if (!skip_class()) return false;
            break;
        case '.': case '^': case '$':
            ++i_;
            break;
        case ')': case '*': case '+': case '?': case '{':
            return false;  // a quantifier without an atom, or something this parse cannot follow
        case '\\':
            if (!read_escape(atom, literal)) return false;
            break;
        default: {
            const std::size_t length = utf8_length(c);
            if (i_ + length > regex_.size()) return false;
            literal.assign(regex_.substr(i_, length));
            atom = Atom::Literal;
            i_ += length;
        }
        }
        int min_count = 1;
        bool quantified = false;
        if (!read_quantifier(min_count, quantified)) return false;

        if (atom == Atom::Literal && usable_literal(literal)) {
            if (!quantified) {
                run_ += literal;
                return true;
            }
            if (min_count >= 1) run_ += literal;
        }
        end_run();
        return true;
    }

    // Literal characters a needle may hold: never '\n' (needles stay within a line); when
    // caseless only ASCII, without k/s unless the caller keeps them, because the finder folds
    // ASCII only.
    bool usable_literal(const std::string& literal) const {
        if (literal == "\n") return false;
        if (!caseless_) return true;
        if (literal.size() != 1 || static_cast<unsigned char>(literal[0]) >= 0x80) return false;
        const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(literal[0])));
        return ks_ == CaselessKS::Keep || (lower != 'k' && lower != 's');
    }

    void end_run() {
        if (!run_.empty() && (best_.empty() || better_needle(run_, best_))) best_ = run_;
        run_.clear();
    }

    bool end_branch() {
        end_run();
        if (best_.size() < kMinNeedleLength) return false;  // this branch can match without one
        needles_.push_back(best_);
        best_.clear();
        return true;
    }

    // ?, *, +, {n}, {n,}, {n,m}, {,m}, each optionally lazy or possessive.
    bool read_quantifier(int& min_count, bool& quantified) {
        if (i_ >= regex_.size()) return true;
        const char c = regex_[i_];
        if (c == '?' || c == '*') {
            min_count = 0;
        } else if (c == '+') {
            min_count = 1;
        } else if (c == '{') {
            std::size_t j = i_ + 1;
            const std::size_t digits_start = j;
            while (j < regex_.size() && std::isdigit(static_cast<unsigned char>(regex_[j])) != 0) ++j;
            const bool has_min = j > digits_start;
            int min = has_min ? std::stoi(std::string(regex_.substr(digits_start, j - digits_start))) : 0;
            bool exactly_one = has_min && min == 1;
            if (j < regex_.size() && regex_[j] == ',') {
                ++j;
                const std::size_t max_start = j;
                while (j < regex_.size() && std::isdigit(static_cast<unsigned char>(regex_[j])) != 0) ++j;
                const std::string_view max = regex_.substr(max_start, j - max_start);
                exactly_one = exactly_one && max == "1";
                if (!has_min && max.empty()) return false;  // "{,}" is literal text in PCRE2
            } else if (!has_min) {
                return false;
            }
            if (j >= regex_.size() || regex_[j] != '}') return false;  // literal '{' or spaces: give up
            i_ = j + 1;
            skip_quantifier_suffix();
            if (exactly_one) return true;  // x{1} is just x
            min_count = min;
            quantified = true;
            return true;
        } else {
            return true;
        }
        ++i_;
        skip_quantifier_suffix();
        quantified = true;
        return true;
    }

    void skip_quantifier_suffix() {
        if (i_ < regex_.size() && (regex_[i_] == '+' || regex_[i_] == '?')) ++i_;
    }

    bool read_escape(Atom& atom, std::string& literal) {
        if (i_ + 1 >= regex_.size()) return false;
        const auto e = static_cast<unsigned char>(regex_[i_ + 1]);
        i_ += 2;
        if (e >= 0x80) return false;
        if (!is_ascii_alnum(e)) {
            literal.assign(1, static_cast<char>(e));
            atom = Atom::Literal;
            return true;
        }
        switch (e) {
        case 't': literal = "\t"; atom = Atom::Literal; return true;
        case 'r': literal = "\r"; atom = Atom::Literal; return true;
        case 'f': literal = "\f"; atom = Atom::Literal; return true;
        case 'a': literal = "\a"; atom = Atom::Literal; return true;
        case 'e': literal = "\x1B"; atom = Atom::Literal; return true;
        case 'n':
        case 'd': case 'D': case 'w': case 'W': case 's': case 'S': case 'h': case 'H':
        case 'v': case 'V': case 'R': case 'X': case 'C':
        case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G':
            return true;
        case 'N':
            return i_ >= regex_.size() || regex_[i_] != '{';  // \N{U+...} is a character: give up
        case 'p': case 'P':
            if (i_ < regex_.size() && regex_[i_] == '{') return skip_past('}');
            ++i_;
            return i_ <= regex_.size();
        case 'x':
            if (i_ < regex_.size() && regex_[i_] == '{') return skip_past('}');
            for (int k = 0; k < 2 && i_ < regex_.size() && std::isxdigit(static_cast<unsigned char>(regex_[i_])) != 0; ++k) ++i_;
            return true;
        case 'o':
            return i_ < regex_.size() && regex_[i_] == '{' && skip_past('}');
        case 'c':
            ++i_;
            return i_ <= regex_.size();
        default:
            if (std::isdigit(e) != 0) {  // a back-reference or an octal escape
                while (i_ < regex_.size() && std::isdigit(static_cast<unsigned char>(regex_[i_])) != 0) ++i_;
                return true;
            }
            return false;  // \Q, \E, \K, \g, \k and anything unknown
        }
    }

    bool skip_past(char close) {
        const std::size_t j = regex_.find(close, i_);
        if (j == std::string_view::npos) return false;
        i_ = j + 1;
        return true;
    }

    // A bracketed class, from '[' to its closing ']' (pattern_text.h's class_end).
    bool skip_class() {
        const std::size_t end = class_end(regex_, i_);
        if (end == std::string_view::npos) return false;
        i_ = end;
        return true;
    }

    // A group as one atom. Only kinds that cannot change how the rest of the pattern reads:
    // (...), (?:...), look-arounds, atomic, branch-reset and named groups, and scoped flags
    // (?i:...). Top-level (?i) and the like, (*VERBS), comments, recursion and callouts give up.
    bool skip_group() {
        std::size_t j = i_ + 1;
        if (j < regex_.size() && regex_[j] == '*') return false;
        if (j < regex_.size() && regex_[j] == '?') {
            if (!group_kind_understood(j + 1)) return false;
        }
        int depth = 1;
        while (j < regex_.size()) {
            const char c = regex_[j];
            if (c == '\\') {
                if (j + 1 < regex_.size() && regex_[j + 1] == 'Q') return false;
                j += 2;
                continue;
            }
            if (c == '[') {
                const std::size_t saved = i_;
                i_ = j;
                if (!skip_class()) return false;
                j = i_;
                i_ = saved;
                continue;
            }
            if (c == '(') {
                if (regex_.substr(j, 3) == "(?#" || regex_.substr(j, 2) == "(*") return false;
                if (regex_.substr(j, 2) == "(?" && sets_extended(j + 2)) return false;
                ++depth;
            } else if (c == ')') {
                if (--depth == 0) {
                    i_ = j + 1;
                    return true;
                }
            }
            ++j;
        }
        return false;
    }

    // After "(?": which group kinds are plain atoms.
    bool group_kind_understood(std::size_t k) const {
        if (k >= regex_.size()) return false;
        const char c = regex_[k];
        if (c == ':' || c == '=' || c == '!' || c == '>' || c == '|' || c == '\'') return true;
        if (c == '<') return true;  // (?<= (?<! or (?<name>
        if (c == 'P') return k + 1 < regex_.size() && regex_[k + 1] == '<';
        // Scoped flags (?i:...) are fine; bare (?i) would change the rest of the pattern.
        if (sets_extended(k)) return false;
        std::size_t j = k;
        while (j < regex_.size() && (std::isalpha(static_cast<unsigned char>(regex_[j])) != 0 || regex_[j] == '-' || regex_[j] == '^')) ++j;
        return j > k && j < regex_.size() && regex_[j] == ':';
    }

    // Flags at `k` (after "(?") that turn on extended mode, where '#' starts a comment that may
    // hold unbalanced parentheses this parse would miscount.
    bool sets_extended(std::size_t k) const {
        for (std::size_t j = k; j < regex_.size(); ++j) {
            const char c = regex_[j];
            if (c == 'x') return true;
            if (c == '-') return false;  // (?-x) turns it off
            if (std::isalpha(static_cast<unsigned char>(c)) == 0 && c != '^') return false;
        }
        return false;
    }

    std::string_view regex_;
    bool caseless_;
    CaselessKS ks_;
    std::size_t i_ = 0;
    std::string run_;
    std::string best_;
    std::vector<std::string> needles_;
};

}  // namespace

std::optional<std::vector<std::string>> required_literals(std::string_view regex, bool caseless, CaselessKS ks) {
    if (regex.empty()) return std::nullopt;
    return Parser(regex, caseless, ks).run();
}

}  // namespace codescout

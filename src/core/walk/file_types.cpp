// File type table and matcher (see file_types.h).
#include "core/walk/file_types.h"

#include <algorithm>

namespace codescout {

namespace {

constexpr std::string_view kDefaultList =
#include "core/walk/default_file_types.inc"
    ;

constexpr const char* kInvalidDefinition = "invalid definition (format is type:glob, e.g., html:*.html)";

// rg accepts Unicode letters and digits; bytes of non-ASCII characters are let through as such.
bool valid_name(std::string_view name) {
    if (name.empty() || name == "all") return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    });
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    while (true) {
        const std::size_t at = text.find(separator);
        parts.push_back(text.substr(0, at));
        if (at == std::string_view::npos) return parts;
        text.remove_prefix(at + 1);
    }
}

// The index of the '}' closing the '{' at `open`, or npos.
std::size_t closing_brace(std::string_view glob, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < glob.size(); ++i) {
        if (glob[i] == '\\') {
            ++i;
        } else if (glob[i] == '{') {
            ++depth;
        } else if (glob[i] == '}' && --depth == 0) {
            return i;
        }
    }
    return std::string_view::npos;
}

// The top-level ','-separated alternatives inside braces.
std::vector<std::string_view> alternatives(std::string_view inner) {
    std::vector<std::string_view> parts;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < inner.size(); ++i) {
        if (inner[i] == '\\') ++i;
        else if (inner[i] == '{') ++depth;
        else if (inner[i] == '}') --depth;
        else if (inner[i] == ',' && depth == 0) {
            parts.push_back(inner.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(inner.substr(start));
    return parts;
}

}  // namespace

std::vector<std::string> expand_braces(std::string_view glob) {
    std::size_t open = std::string_view::npos;
    for (std::size_t i = 0; i < glob.size(); ++i) {
        if (glob[i] == '\\') {
            ++i;
        } else if (glob[i] == '[') {
            const std::size_t close = glob.find(']', i + 2);  // "[]...]" holds a literal ']'
            if (close != std::string_view::npos) i = close;
        } else if (glob[i] == '{') {
            open = i;
            break;
        }
    }
    const std::size_t close = open == std::string_view::npos ? open : closing_brace(glob, open);
    if (close == std::string_view::npos) return {std::string(glob)};
    std::vector<std::string> out;
    const std::string_view head = glob.substr(0, open);
    const std::vector<std::string> tails = expand_braces(glob.substr(close + 1));
    for (const std::string_view alternative : alternatives(glob.substr(open + 1, close - open - 1))) {
        for (const std::string& middle : expand_braces(alternative)) {
            for (const std::string& tail : tails) out.push_back(std::string(head) + middle + tail);
        }
    }
    return out;
}

FileTypeTable FileTypeTable::defaults() {
    static const FileTypeTable table = from_list(kDefaultList);
    return table;
}

FileTypeTable FileTypeTable::from_list(std::string_view list) {
    FileTypeTable table;
    for (const std::string_view line : split(list, '\n')) {
        if (line.empty()) continue;
        const std::size_t colon = line.find(": ");
        if (colon == std::string_view::npos) throw FileTypeError("malformed file type line: " + std::string(line));
        const std::string_view name = line.substr(0, colon);
        for (const std::string_view glob : split(line.substr(colon + 2), ',')) {
            std::string_view g = glob;
            while (!g.empty() && g.front() == ' ') g.remove_prefix(1);
            if (g.empty()) throw FileTypeError("malformed file type line: " + std::string(line));
            table.add_glob(name, g);
        }
    }
    return table;
}

void FileTypeTable::add_glob(std::string_view name, std::string_view glob) {
    if (!valid_name(name)) throw FileTypeError(kInvalidDefinition);
    types_[std::string(name)].emplace_back(glob);
}

void FileTypeTable::add_definition(std::string_view definition) {
    const std::vector<std::string_view> parts = split(definition, ':');
    if (parts.size() == 2) {
        if (parts[0].empty() || parts[1].empty()) throw FileTypeError(kInvalidDefinition);
        add_glob(parts[0], parts[1]);
        return;
    }
    if (parts.size() != 3 || parts[0].empty() || parts[1] != "include" || parts[2].empty()) {
        throw FileTypeError(kInvalidDefinition);
    }
    const std::vector<std::string_view> included = split(parts[2], ',');
    // All included types must exist before anything is added (rg checks first).
    for (const std::string_view type : included) {
        if (!contains(type)) throw FileTypeError(kInvalidDefinition);
    }
    for (const std::string_view type : included) {
        const std::vector<std::string> copy = types_.find(type)->second;  // `type` may be the new name itself
        for (const std::string& glob : copy) add_glob(parts[0], glob);
    }
}

void FileTypeTable::clear(std::string_view name) {
    const auto it = types_.find(name);
    if (it != types_.end()) types_.erase(it);
}

const std::vector<std::string>* FileTypeTable::globs(std::string_view name) const {
    const auto it = types_.find(name);
    return it == types_.end() ? nullptr : &it->second;
}

std::vector<FileTypeDef> FileTypeTable::definitions() const {
    std::vector<FileTypeDef> defs;
    for (const auto& [name, globs] : types_) {
        FileTypeDef def{name, globs};
        std::sort(def.globs.begin(), def.globs.end());
        defs.push_back(std::move(def));
    }
    return defs;
}

std::vector<std::string> FileTypeTable::names() const {
    std::vector<std::string> out;
    for (const auto& entry : types_) out.push_back(entry.first);
    return out;
}

FileTypeMatcher::FileTypeMatcher(FileTypeTable table, const std::vector<FileTypeChange>& changes) {
    struct Selection {
        std::string name;
        bool negated;
    };
    std::vector<Selection> selections;
    for (const FileTypeChange& change : changes) {
        switch (change.kind) {
        case FileTypeChange::Kind::Add: table.add_definition(change.text); break;
        case FileTypeChange::Kind::Clear: table.clear(change.text); break;
        case FileTypeChange::Kind::Select:
        case FileTypeChange::Kind::Negate: {
            const bool negated = change.kind == FileTypeChange::Kind::Negate;
            if (change.text == "all") {
                for (std::string& name : table.names()) selections.push_back({std::move(name), negated});
            } else {
                selections.push_back({change.text, negated});
            }
            break;
        }
        }
    }
    for (const Selection& selection : selections) {
        has_selected_ = has_selected_ || !selection.negated;
        const std::vector<std::string>* globs = table.globs(selection.name);
        if (globs == nullptr) throw FileTypeError("unrecognized file type: " + selection.name);
        for (const std::string& glob : *globs) {
            for (const std::string& expanded : expand_braces(glob)) globs_.push_back({Glob(expanded), selection.negated});
        }
    }
}

IgnoreMatch FileTypeMatcher::match(std::string_view file_name, bool is_dir) const {
    if (is_dir || globs_.empty()) return IgnoreMatch::None;
    for (auto it = globs_.rbegin(); it != globs_.rend(); ++it) {
        if (it->glob.matches(file_name)) return it->negated ? IgnoreMatch::Ignore : IgnoreMatch::Whitelist;
    }
    return has_selected_ ? IgnoreMatch::Ignore : IgnoreMatch::None;
}

}  // namespace codescout

// One "key=value" line per setting; repeated keys for lists; '%' and '\n' in values escaped as
// %25 and %0A (see walk_settings.h).
#include "core/index/walk_settings.h"

#include <charconv>
#include <vector>

namespace codescout {

namespace {

std::string escape(std::string_view value) {
    std::string out;
    for (const char c : value) {
        if (c == '%') out += "%25";
        else if (c == '\n') out += "%0A";
        else out.push_back(c);
    }
    return out;
}

std::optional<std::string> unescape(std::string_view value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] != '%') {
            out.push_back(value[i]);
            continue;
        }
        const std::string_view code = value.substr(i + 1, 2);
        if (code == "25") out.push_back('%');
        else if (code == "0A") out.push_back('\n');
        else return std::nullopt;
        i += 2;
    }
    return out;
}

void line(std::string& out, std::string_view key, std::string_view value) {
    out.append(key).append("=").append(escape(value)).append("\n");
}

}  // namespace

std::string encode_walk_settings(const WalkOptions& walk) {
    std::string out;
    line(out, "hidden", walk.include_hidden ? "1" : "0");
    line(out, "follow", walk.follow_links ? "1" : "0");
    line(out, "ignore-files", walk.respect_ignore_files ? "1" : "0");
    if (walk.max_depth) line(out, "max-depth", std::to_string(*walk.max_depth));
    for (const auto& g : walk.globs) line(out, "glob", g);
    for (const auto& e : walk.extensions) line(out, "extension", e);
    for (const auto& i : walk.ignore_globs) line(out, "ignore", i);
    for (const auto& change : walk.type_changes) {
        switch (change.kind) {
        case FileTypeChange::Kind::Add: line(out, "type-add", change.text); break;
        case FileTypeChange::Kind::Clear: line(out, "type-clear", change.text); break;
        case FileTypeChange::Kind::Select: line(out, "type", change.text); break;
        case FileTypeChange::Kind::Negate: line(out, "type-not", change.text); break;
        }
    }
    return out;
}

std::optional<WalkOptions> decode_walk_settings(std::string_view text) {
    WalkOptions walk;
    walk.roots.clear();
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        if (end == std::string_view::npos) return std::nullopt;
        const std::string_view entry = text.substr(0, end);
        text.remove_prefix(end + 1);
        const std::size_t eq = entry.find('=');
        if (eq == std::string_view::npos) return std::nullopt;
        const std::string_view key = entry.substr(0, eq);
        const auto value = unescape(entry.substr(eq + 1));
        if (!value) return std::nullopt;
        const bool flag = *value == "1";
        if (key == "hidden") walk.include_hidden = flag;
        else if (key == "follow") walk.follow_links = flag;
        else if (key == "ignore-files") walk.respect_ignore_files = flag;
        else if (key == "max-depth") {
            std::size_t depth = 0;
            const auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), depth);
            if (ec != std::errc() || ptr != value->data() + value->size()) return std::nullopt;
            walk.max_depth = depth;
        } else if (key == "glob") walk.globs.push_back(*value);
        else if (key == "extension") walk.extensions.push_back(*value);
        else if (key == "ignore") walk.ignore_globs.push_back(*value);
        else if (key == "type-add") walk.type_changes.push_back({FileTypeChange::Kind::Add, *value});
        else if (key == "type-clear") walk.type_changes.push_back({FileTypeChange::Kind::Clear, *value});
        else if (key == "type") walk.type_changes.push_back({FileTypeChange::Kind::Select, *value});
        else if (key == "type-not") walk.type_changes.push_back({FileTypeChange::Kind::Negate, *value});
        else return std::nullopt;
    }
    return walk;
}

}  // namespace codescout

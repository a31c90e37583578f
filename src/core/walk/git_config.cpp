// Minimal git config reading: sections, case-insensitive keys, quoting, comments. Enough for
// core.excludesFile; includes ([include] path) are not followed.
#include "core/walk/git_config.h"

#include <cstdlib>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace codescout {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// A config value: quotes removed, escapes resolved, an unquoted '#' or ';' starts a comment.
std::string parse_value(std::string_view v) {
    std::string out;
    bool quoted = false;
    std::size_t pending_spaces = 0;  // unquoted spaces are kept only between words
    for (std::size_t i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (!quoted && (c == '#' || c == ';')) break;
        if (c == '"') {
            quoted = !quoted;
            continue;
        }
        if (!quoted && (c == ' ' || c == '\t' || c == '\r')) {
            ++pending_spaces;
            continue;
        }
        if (!out.empty()) out.append(pending_spaces, ' ');
        pending_spaces = 0;
        if (c == '\\' && i + 1 < v.size()) {
            const char e = v[++i];
            out.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'b' ? '\b' : e);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string env_or_empty(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

}  // namespace

std::optional<std::string> excludes_file_from_config(std::string_view text, std::string_view home) {
    std::optional<std::string> result;
    bool in_core = false;
    while (!text.empty()) {
        const std::size_t eol = text.find('\n');
        std::string_view line = trim(text.substr(0, eol));
        text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
        if (line.empty() || line.front() == '#' || line.front() == ';') continue;
        if (line.front() == '[') {
            const std::size_t close = line.find(']');
            std::string_view section = trim(line.substr(1, close == std::string_view::npos ? line.npos : close - 1));
            in_core = iequals(section, "core");
            if (close == std::string_view::npos) continue;
            line = trim(line.substr(close + 1));  // "[core] key = value" on one line
            if (line.empty()) continue;
        }
        if (!in_core) continue;
        const std::size_t eq = line.find('=');
        if (!iequals(trim(line.substr(0, eq)), "excludesfile") || eq == std::string_view::npos) continue;
        std::string value = parse_value(line.substr(eq + 1));
        if (value.starts_with("~/")) value = std::string(home) + value.substr(1);
        result = value;
    }
    return result;
}

std::string user_excludes_file() {
    const std::string home = env_or_empty("HOME");
    std::string xdg = env_or_empty("XDG_CONFIG_HOME");
    if (xdg.empty()) xdg = home + "/.config";

    std::optional<std::string> configured;
    auto consider = [&](const std::string& config_path) {
        if (auto text = read_regular_file(AT_FDCWD, config_path)) {
            if (auto v = excludes_file_from_config(*text, home)) configured = v;
        }
    };
    if (std::getenv("GIT_CONFIG_NOSYSTEM") == nullptr) consider("/etc/gitconfig");
    consider(xdg + "/git/config");
    if (!home.empty()) consider(home + "/.gitconfig");
    if (configured) return *configured;
    return xdg + "/git/ignore";
}

std::optional<std::string> gitdir_from_gitfile(std::string_view text) {
    const std::size_t eol = text.find('\n');
    std::string_view line = trim(text.substr(0, eol));
    if (!line.starts_with("gitdir:")) return std::nullopt;
    line = trim(line.substr(7));
    if (line.empty()) return std::nullopt;
    return std::string(line);
}

std::optional<std::string> read_regular_file(int dirfd, const std::string& path) {
    const int fd = ::openat(dirfd, path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    std::optional<std::string> out;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        std::string data;
        data.resize(static_cast<std::size_t>(st.st_size) + 1);  // +1: notice a file that grew
        std::size_t used = 0;
        for (;;) {
            if (used == data.size()) data.resize(data.size() * 2);
            const ssize_t got = ::read(fd, data.data() + used, data.size() - used);
            if (got < 0) break;
            if (got == 0) {
                data.resize(used);
                out = std::move(data);
                break;
            }
            used += static_cast<std::size_t>(got);
        }
    }
    ::close(fd);
    return out;
}

}  // namespace codescout

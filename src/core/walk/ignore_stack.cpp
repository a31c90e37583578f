// Loading ignore files into levels and evaluating a chain of levels (see ignore_stack.h).
#include "core/walk/ignore_stack.h"

#include <cstdlib>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/walk/git_config.h"

namespace codescout {

namespace {

std::string join(const std::string& dir, std::string_view name) {
    std::string out = dir;
    if (!out.empty() && out.back() != '/') out.push_back('/');
    out.append(name);
    return out;
}

std::string_view first_line(std::string_view text) {
    text = text.substr(0, text.find('\n'));
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
    return text;
}

// read_regular_file(), told to the environment's log first (ignore_stack.h).
std::optional<std::string> read_input(const IgnoreEnvironment& env, int dirfd, const std::string& dir_path,
                                      const std::string& name) {
    if (env.log != nullptr) env.log->ignore_input(dirfd, name, name.starts_with('/') ? name : join(dir_path, name), false);
    return read_regular_file(dirfd, name);
}

void add_rules(IgnoreRules& into, std::string_view text, const std::string& origin,
               std::vector<IgnoreLoadProblem>& problems) {
    for (auto& bad : into.add_file_text(text)) problems.push_back({origin, bad});
}

void load_file(int dirfd, const std::string& dir_path, const char* name, IgnoreRules& into,
               const IgnoreEnvironment& env, std::vector<IgnoreLoadProblem>& problems) {
    const std::string origin = join(dir_path, name);
    if (auto text = read_input(env, dirfd, dir_path, name)) {
        add_rules(into, *text, origin, problems);
    } else {
        problems.push_back({origin, "cannot read ignore file"});
    }
}

// core.excludesFile (the repository's config wins over the user's), then .git/info/exclude, which
// takes precedence and therefore comes last.
void load_repository_excludes(IgnoreLevel& level, int dirfd, const std::string& dir_path,
                              const IgnoreFilesPresent& present, const IgnoreEnvironment& env,
                              std::vector<IgnoreLoadProblem>& problems) {
    std::string gitdir = ".git";
    if (present.git_is_file) {
        const auto text = read_input(env, dirfd, dir_path, ".git");
        const auto target = text ? gitdir_from_gitfile(*text) : std::nullopt;
        if (!target) {
            problems.push_back({join(dir_path, ".git"), "not a valid gitdir file"});
            return;
        }
        gitdir = *target;
    }
    std::string common = gitdir;
    if (auto text = read_input(env, dirfd, dir_path, gitdir + "/commondir")) {
        const std::string_view dir = first_line(*text);
        if (!dir.empty()) common = dir.front() == '/' ? std::string(dir) : gitdir + "/" + std::string(dir);
    }

    std::optional<std::string> configured;
    if (auto config = read_input(env, dirfd, dir_path, common + "/config")) {
        const char* home = std::getenv("HOME");
        configured = excludes_file_from_config(*config, home ? home : "");
    }
    if (configured) {
        // A relative path is taken from the top of the working tree, as git does.
        if (auto text = read_input(env, dirfd, dir_path, *configured)) add_rules(level.excludes, *text, *configured, problems);
    } else if (!env.user_excludes_text.empty()) {
        add_rules(level.excludes, env.user_excludes_text, env.user_excludes_path, problems);
    }
    if (auto text = read_input(env, dirfd, dir_path, common + "/info/exclude")) {
        add_rules(level.excludes, *text, join(dir_path, common + "/info/exclude"), problems);
    }
}

std::shared_ptr<IgnoreLevel> build_level(std::shared_ptr<const IgnoreLevel> parent, int dirfd,
                                         const std::string& dir_path, const IgnoreFilesPresent& present,
                                         const IgnoreEnvironment& env, std::vector<IgnoreLoadProblem>& problems) {
    auto level = std::make_shared<IgnoreLevel>();
    level->in_git = (parent && parent->in_git) || present.git;
    level->has_git = present.git;
    level->repo = parent ? parent->repo : nullptr;
    if (present.ignore) load_file(dirfd, dir_path, ".ignore", level->dot_ignore, env, problems);
    if (present.gitignore && level->in_git) load_file(dirfd, dir_path, ".gitignore", level->git_ignore, env, problems);
    if (present.git) {
        load_repository_excludes(*level, dirfd, dir_path, present, env, problems);
        level->repo = level.get();
    }
    level->parent = std::move(parent);
    // The object itself (make_shared puts it in one block with the reference counts) and the rules.
    level->memory.set(sizeof(IgnoreLevel) + level->dot_ignore.heap_bytes() + level->git_ignore.heap_bytes() +
                      level->excludes.heap_bytes());
    return level;
}

IgnoreFilesPresent probe_directory(int dirfd, const std::string& dir, const IgnoreEnvironment& env) {
    if (env.log != nullptr) {
        for (const char* name : {".git", ".gitignore", ".ignore"}) env.log->ignore_input(dirfd, name, join(dir, name), true);
    }
    IgnoreFilesPresent present;
    struct stat st {};
    if (::fstatat(dirfd, ".git", &st, 0) == 0 && (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode))) {
        present.git = true;
        present.git_is_file = S_ISREG(st.st_mode);
    }
    present.gitignore = ::fstatat(dirfd, ".gitignore", &st, 0) == 0 && S_ISREG(st.st_mode);
    present.ignore = ::fstatat(dirfd, ".ignore", &st, 0) == 0 && S_ISREG(st.st_mode);
    return present;
}

}  // namespace

IgnoreEnvironment IgnoreEnvironment::from_process_environment(IgnoreInputLog* log) {
    IgnoreEnvironment env;
    env.user_excludes_path = user_excludes_file();
    if (log != nullptr) log->ignore_input(AT_FDCWD, env.user_excludes_path, env.user_excludes_path, false);
    if (auto text = read_regular_file(AT_FDCWD, env.user_excludes_path)) env.user_excludes_text = std::move(*text);
    env.log = log;
    return env;
}

std::shared_ptr<const IgnoreLevel> make_level(std::shared_ptr<const IgnoreLevel> parent, int dirfd,
                                              const std::string& dir_path, std::string_view relative,
                                              const IgnoreFilesPresent& present, const IgnoreEnvironment& env,
                                              std::vector<IgnoreLoadProblem>& problems) {
    if (!present.any()) return parent;
    auto level = build_level(std::move(parent), dirfd, dir_path, present, env, problems);
    level->skip = relative.empty() ? 0 : relative.size() + 1;
    return level;
}

std::shared_ptr<const IgnoreLevel> levels_above(const std::string& absolute_root, const IgnoreEnvironment& env,
                                                std::vector<IgnoreLoadProblem>& problems) {
    // Ancestors from "/" down to the root's parent.
    std::vector<std::size_t> ends;  // ancestor i is absolute_root.substr(0, ends[i]) ("/" for 0)
    for (std::size_t i = 1; i < absolute_root.size(); ++i) {
        if (absolute_root[i] == '/') ends.push_back(i);
    }
    std::shared_ptr<const IgnoreLevel> chain;
    for (std::size_t k = 0; k <= ends.size(); ++k) {
        const std::size_t end = k == 0 ? 1 : ends[k - 1];
        if (end >= absolute_root.size()) break;
        const std::string dir = absolute_root.substr(0, end);
        const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) continue;
        const IgnoreFilesPresent present = probe_directory(fd, dir, env);
        if (present.any()) {
            auto level = build_level(chain, fd, dir, present, env, problems);
            level->above_root = true;
            level->prefix = absolute_root.substr(end == 1 ? 1 : end + 1) + "/";
            level->memory.set(level->memory.bytes() + string_heap_bytes(level->prefix));
            chain = std::move(level);
        }
        ::close(fd);
    }
    return chain;
}

IgnoreMatch match_ignore_chain(const IgnoreLevel* level, std::string_view relative, std::string_view name,
                               bool is_dir, std::string& scratch) {
    if (level == nullptr) return IgnoreMatch::None;
    auto relative_to = [&](const IgnoreLevel* l) -> std::string_view {
        if (!l->above_root) return relative.substr(l->skip);
        scratch.assign(l->prefix);
        scratch.append(relative);
        return scratch;
    };
    for (const IgnoreLevel* l = level; l; l = l->parent.get()) {
        if (l->dot_ignore.empty()) continue;
        const IgnoreMatch m = l->dot_ignore.match(relative_to(l), name, is_dir);
        if (m != IgnoreMatch::None) return m;
    }
    for (const IgnoreLevel* l = level; l; l = l->parent.get()) {
        if (!l->git_ignore.empty()) {
            const IgnoreMatch m = l->git_ignore.match(relative_to(l), name, is_dir);
            if (m != IgnoreMatch::None) return m;
        }
        if (l->has_git) break;  // the top of this repository
    }
    if (level->repo && !level->repo->excludes.empty()) {
        return level->repo->excludes.match(relative_to(level->repo), name, is_dir);
    }
    return IgnoreMatch::None;
}

}  // namespace codescout

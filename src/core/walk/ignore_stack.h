// The ignore files that apply to a directory, as a chain from the directory up to the file system
// root: .ignore and .gitignore of every level, plus the repository's excludes (.git/info/exclude,
// core.excludesFile). Levels are immutable once built and shared by all directories below them.
//
// Precedence follows ripgrep: any .ignore match (deepest first) beats any .gitignore match
// (deepest first), which beats the repository excludes. .gitignore files count only inside a git
// working tree (a `.git` at or above their directory), and only up to the top of the nearest
// repository: a nested repository does not see its parent's .gitignore files.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/metrics/attributed_bytes.h"
#include "core/walk/ignore_rules.h"

namespace codescout {

// Told about every file the ignore handling is about to read or probe (before it does), so that
// an index can later prove them unchanged (walk_hooks.h). `path` names it as the walk does (the
// directory's display path joined with `name`); `presence_only`: only whether it exists, and as
// what kind of file, matters (the probes of the directories above a root).
class IgnoreInputLog {
public:
    virtual ~IgnoreInputLog() = default;
    virtual void ignore_input(int dirfd, const std::string& name, const std::string& path, bool presence_only) = 0;
};

// Read once per walk: where the user's excludes file is, and its rules.
struct IgnoreEnvironment {
    std::string user_excludes_path;
    std::string user_excludes_text;  // empty if missing
    IgnoreInputLog* log = nullptr;   // optional
    static IgnoreEnvironment from_process_environment(IgnoreInputLog* log = nullptr);
};

struct IgnoreLevel {
    std::shared_ptr<const IgnoreLevel> parent;
    IgnoreRules dot_ignore;        // .ignore
    IgnoreRules git_ignore;        // .gitignore (only loaded inside a git working tree)
    IgnoreRules excludes;          // repository top only: core.excludesFile, then info/exclude
    const IgnoreLevel* repo = nullptr;  // the level holding the nearest repository's excludes
    bool in_git = false;
    bool has_git = false;          // a repository's top: .gitignore files above it do not apply
    // How to turn a root-relative path into one relative to this level's directory: levels inside
    // the walk drop `skip` leading bytes; levels above the root prepend `prefix`.
    std::size_t skip = 0;
    std::string prefix;
    bool above_root = false;
    // The level's bytes in the attribution's "walker" component, for as long as it lives.
    AttributedBytes memory{EngineComponent::Walker};
};

// Problems met while loading ignore files (unreadable, malformed lines).
struct IgnoreLoadProblem {
    std::string path;
    std::string message;
};

// What a directory holds that matters for ignore handling; filled from its entries.
struct IgnoreFilesPresent {
    bool git = false;        // `.git` (directory or file)
    bool git_is_file = false;
    bool gitignore = false;  // regular file `.gitignore`
    bool ignore = false;     // regular file `.ignore`
    bool any() const { return git || gitignore || ignore; }
};

// Builds the level for a directory open as `dirfd`, whose display path is `dir_path` and whose
// path relative to the walk root is `relative` ("" for the root). Returns `parent` unchanged when
// the directory adds nothing.
std::shared_ptr<const IgnoreLevel> make_level(std::shared_ptr<const IgnoreLevel> parent, int dirfd,
                                              const std::string& dir_path, std::string_view relative,
                                              const IgnoreFilesPresent& present, const IgnoreEnvironment& env,
                                              std::vector<IgnoreLoadProblem>& problems);

// The levels of the directories above a walk root (absolute, lexically normal path), so a search
// of a subdirectory honours the ignore files of its repository.
std::shared_ptr<const IgnoreLevel> levels_above(const std::string& absolute_root, const IgnoreEnvironment& env,
                                                std::vector<IgnoreLoadProblem>& problems);

// The verdict of the whole chain for one entry. `scratch` is reused for levels above the root.
IgnoreMatch match_ignore_chain(const IgnoreLevel* level, std::string_view relative, std::string_view name,
                               bool is_dir, std::string& scratch);

}  // namespace codescout

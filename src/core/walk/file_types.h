// File types as ripgrep knows them: named lists of file-name globs ("cpp: *.cc, *.hpp, ..."),
// ripgrep's default list (default_file_types.inc) plus the user's changes, and a matcher for a
// selection of types (-t TYPE selects, -T TYPE excludes). The CLI's -t/-T/--type-add/
// --type-clear/--type-list and the GUI's file-type filter both use this.
//
// ripgrep's rules, kept here: type names are letters and digits only ("all" is reserved: it
// stands for every type defined at that point); a definition is "name:glob" (adds the glob to
// the type) or "name:include:a,b" (adds the globs of types a and b); globs match the file name
// only; for a file, the last selection (in order) with a glob matching its name decides, and when
// anything is selected (-t), a file matching no selected type is ignored. Types never apply to
// directories.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/walk/glob.h"
#include "core/walk/ignore_rules.h"

namespace codescout {

// A bad definition or an unknown type name; what() is ripgrep's message for it.
class FileTypeError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// One change to the table or the selection, in command-line order.
struct FileTypeChange {
    enum class Kind { Add, Clear, Select, Negate };
    Kind kind = Kind::Select;
    std::string text;  // Add: the definition; others: the type name
    bool operator==(const FileTypeChange&) const = default;
};

struct FileTypeDef {
    std::string name;
    std::vector<std::string> globs;  // in the order they were added
};

class FileTypeTable {
public:
    // ripgrep's default types.
    static FileTypeTable defaults();
    // Parses text in `rg --type-list` format ("name: glob, glob" per line). Throws FileTypeError.
    static FileTypeTable from_list(std::string_view list);

    // "name:glob" or "name:include:a,b". Throws FileTypeError with rg's message.
    void add_definition(std::string_view definition);
    void add_glob(std::string_view name, std::string_view glob);  // throws for an invalid name
    void clear(std::string_view name);

    bool contains(std::string_view name) const { return types_.find(std::string(name)) != types_.end(); }
    const std::vector<std::string>* globs(std::string_view name) const;
    // Every type, sorted by name, each with its globs sorted (as `rg --type-list` shows them).
    std::vector<FileTypeDef> definitions() const;
    std::vector<std::string> names() const;  // sorted

private:
    std::map<std::string, std::vector<std::string>, std::less<>> types_;
};

class FileTypeMatcher {
public:
    FileTypeMatcher() = default;
    // Applies `changes` in order to `table` (a copy), then compiles the selections. Throws
    // FileTypeError ("unrecognized file type: NAME", invalid definitions) and
    // std::invalid_argument for a glob that does not compile.
    FileTypeMatcher(FileTypeTable table, const std::vector<FileTypeChange>& changes);

    // Whitelist: a selected type matched last; Ignore: an excluded type matched last, or nothing
    // selected matched while something is selected; None: no selection says anything.
    IgnoreMatch match(std::string_view file_name, bool is_dir) const;
    bool empty() const { return globs_.empty() && !has_selected_; }

private:
    struct SelectedGlob {
        Glob glob;
        bool negated;
    };
    std::vector<SelectedGlob> globs_;  // in selection order: the last match wins
    bool has_selected_ = false;
};

// "a{b,c}d" -> {"abd", "acd"}, nested braces included, as ripgrep's globs allow them (our Glob
// has no alternation). Text without braces comes back unchanged, as the only element.
std::vector<std::string> expand_braces(std::string_view glob);

}  // namespace codescout

// Finding and opening a file so that nothing outside the searched folders is ever written.
//
// A path is resolved once (realpath: links and ".." followed) and must land inside a canonical
// root; from then on the file is reached only from the root's directory, one component at a
// time with O_NOFOLLOW. A link swapped onto the path after it was resolved therefore makes the
// open fail (PathChanged) instead of being followed, and a rename done through the directory
// descriptor replaces the name in the directory that was checked, not wherever a path leads now.
// A link inside the roots to a file inside the roots is followed: the target is written and the
// link stays a link.
//
// An apply reaches thousands of files, mostly a few to a folder and in path order: a FolderChain
// keeps the folders of the last file open, so that the next one walks only the components that
// differ (the walk from the root was most of an apply's system calls: ~12 openat and close per
// file on the kernel tree). Each folder in it was reached the same way, component by component
// without following a link; holding it open is what a batch does anyway from a file's check to
// its rename (replace_batch.h), and a writer clears the chain with each batch, so a folder is
// never held longer than that.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/stat.h>

#include "core/edit/skip_reason.h"
#include "core/io/open_file.h"

namespace codescout {

// Canonical absolute forms of the searched roots (realpath); a root that cannot be resolved is
// left out (nothing under it can be written). Throws nothing.
std::vector<std::string> plan_roots(const std::vector<std::string>& roots);

// A file by the directory it is confined to and the clean relative path below it ("a/b.txt": no
// empty, "." or ".." component, no leading "/"). A root that is a file itself is confined to its
// own directory with its own name as the only relative path.
struct ConfinedLocation {
    std::string root;
    std::string relative;
};

bool is_clean_relative(const std::string& relative);

struct Located {
    std::optional<ConfinedLocation> location;
    std::optional<Skip> skip;  // set when location is not
    std::string resolved;      // the canonical path, when it could be resolved
};

// Resolves `path` and checks it against `roots` (from plan_roots()).
Located locate_confined(const std::string& path, const std::vector<std::string>& roots);

// The location locate_confined() gives when no link lies on the way, read from the text alone:
// `path` (absolute, or relative to `cwd`, the process's working folder as getcwd() names it)
// is a root followed by a clean relative path (a leading "./" aside). Nothing is resolved: the
// opening from the root, one component at a time without following a link, is what proves it
// (open_confined: a link on the way fails it with PathChanged, and the caller then asks
// locate_confined(), which follows the link and checks where it leads). Saves an apply three
// system calls a file, two of them walks of the whole path. Nullopt: ask locate_confined().
std::optional<ConfinedLocation> locate_by_text(std::string_view path, const std::vector<std::string>& roots, const std::string& cwd);

// The file opened read-only through its confined directory, and its status.
struct ConfinedFile {
    FileDescriptor dir;   // the file's directory, reached without following links
    std::string name;     // the file's name in `dir`
    FileDescriptor file;  // invalid when skip is set
    struct stat status {};
    std::optional<Skip> skip;
};

// The folders of the last file opened through it (see above). One thread at a time.
class FolderChain {
public:
    void clear() {
        root_.clear();
        folders_.clear();
    }

private:
    friend ConfinedFile open_confined_folder(const ConfinedLocation& location, FolderChain* chain);
    struct Folder {
        std::string name;  // the component below the previous folder ("" for the root)
        FileDescriptor fd;
    };
    std::string root_;
    std::vector<Folder> folders_;  // the root first, then each component of the last file's folder
};

// With `chain`, the folders it holds are reused and the file's folders left in it.
ConfinedFile open_confined(const ConfinedLocation& location, FolderChain* chain = nullptr);

// open_confined() without opening the file: `dir` and `name` only (the renames of an apply,
// whose files were opened and checked before, and are checked again by name right before each
// rename: replace_batch.h).
ConfinedFile open_confined_folder(const ConfinedLocation& location, FolderChain* chain = nullptr);

}  // namespace codescout

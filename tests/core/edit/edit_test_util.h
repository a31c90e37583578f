// Helpers for the edit layer's tests: read and write whole files, make a plan that replaces
// every occurrence of a literal (the tests need real plans, not the -r template), and a journal
// in the test's own folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/edit/applier.h"
#include "core/edit/confined_path.h"
#include "core/edit/journal_record.h"
#include "core/edit/plan_builder.h"
#include "core/edit/undo_journal.h"

namespace edit_test {

inline std::string slurp(const std::string& path) {
    std::string out;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return "<missing>";
    char buffer[65536];
    ssize_t got = 0;
    while ((got = ::read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(got));
    ::close(fd);
    return out;
}

inline bool spit(const std::string& path, std::string_view bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    const bool ok = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
    ::close(fd);
    return ok;
}

// Every occurrence of `from` becomes `to`.
inline codescout::EditComputer replace_all(std::string from, std::string to) {
    return [from, to](std::string_view content) {
        std::vector<codescout::TextEdit> edits;
        for (std::size_t at = content.find(from); at != std::string_view::npos; at = content.find(from, at + from.size()))
            edits.push_back({at, at + from.size(), to});
        return edits;
    };
}

// A plan over `paths` (each must have at least one occurrence) confined to `roots`.
inline codescout::ApplyPlan literal_plan(const std::vector<std::string>& roots, const std::vector<std::string>& paths,
                                         const std::string& from, const std::string& to) {
    codescout::ApplyPlan plan;
    plan.roots = codescout::plan_roots(roots);
    plan.pattern = from;
    plan.replacement = to;
    for (const std::string& path : paths) {
        codescout::PlannedFile planned = codescout::plan_file(path, replace_all(from, to));
        if (planned.plan) plan.files.push_back(std::move(*planned.plan));
    }
    return plan;
}

inline std::int64_t mtime_ns(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return -1;
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

// Gives `path` the mtime `ns` (to fake "same mtime, other content").
inline void set_mtime(const std::string& path, std::int64_t ns) {
    struct timespec times[2] = {{0, UTIME_OMIT}, {static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)}};
    ::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW);
}

// Rewrites entry `id` of the journal in `dir` into the layout of the versions before the link
// subfolders (users have such entries on disk): every kept link moved into the entry folder itself
// as "kept-<k>", the subfolders removed, the `kept` record rewritten as a "kept-as" one (no
// per-folder count). False if the entry cannot be read or is not in the subfolder layout.
inline bool flatten_kept_links(const std::string& dir, const std::string& id) {
    namespace fs = std::filesystem;
    const std::optional<codescout::JournalEntry> entry = codescout::UndoJournal(dir).entry(id);
    if (!entry || entry->state == codescout::EntryState::Unreadable) return false;
    const std::string folder = dir + "/" + id + "/";
    std::vector<std::pair<std::size_t, std::size_t>> kept;  // manifest index, kept_as
    for (std::size_t i = 0; i < entry->manifest.files.size(); ++i) {
        const codescout::JournalFile& f = entry->manifest.files[i];
        if (!f.kept) continue;
        if (f.kept_per_folder == 0) return false;
        // Both layouts spelled out here, not taken from the code under test.
        const std::string name = "kept-" + std::to_string(f.kept_as);
        const std::string in_subfolder = "links-" + std::to_string(f.kept_as / f.kept_per_folder) + "/" + name;
        if (::rename((folder + in_subfolder).c_str(), (folder + name).c_str()) != 0) return false;
        kept.emplace_back(i, f.kept_as);
    }
    std::error_code error;
    std::vector<fs::path> subfolders;  // empty now: removed after the walk, which they would disturb
    for (const fs::directory_entry& sub : fs::directory_iterator(folder, error))
        if (sub.is_directory() && sub.path().filename().string().starts_with("links-")) subfolders.push_back(sub.path());
    for (const fs::path& sub : subfolders)
        if (!error) fs::remove(sub, error);
    codescout::RecordWriter record("kept-as");
    record.number("files", kept.size());
    for (const auto& [index, as] : kept) {
        record.number("file", index);
        record.number("as", as);
    }
    return !error && spit(folder + "kept", record.finish());
}

}  // namespace edit_test

// UndoJournal, EntryWriter, the manifest's serialization (see undo_journal.h).
#include "core/edit/undo_journal.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <optional>
#include <set>

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/edit/file_io.h"
#include "core/edit/journal_record.h"
#include "core/edit/replace_batch.h"  // flushed_file_by_file

namespace codescout {

namespace {

constexpr const char* kManifest = "manifest";
constexpr const char* kOriginals = "originals";
constexpr const char* kLockFile = ".lock";
constexpr const char* kKept = "kept";
constexpr std::string_view kKeptPrefix = "kept-";
constexpr std::string_view kKeptFolderPrefix = "links-";
constexpr const char* kTemps = "temps";
constexpr const char* kLinkBytes = "link-bytes";

// One `temps` record: "<length>\n" and a record of that many bytes (journal_record.h), so that
// a list cut short by a crash is read up to its last whole record.
std::string serialize_temp(const ConfinedLocation& location, const std::string& temp_name) {
    RecordWriter writer("temp");
    writer.bytes("root", location.root);
    writer.bytes("relative", location.relative);
    writer.bytes("temp", temp_name);
    const std::string record = writer.finish();
    return std::to_string(record.size()) + "\n" + record;
}

// A manifest larger than this is not one we wrote (1 KiB per file would be a million files).
constexpr std::uint64_t kMaxRecordBytes = 1ull << 30;
// No file we rewrite comes near this (the rewrite limit is 64 MiB by default).
constexpr std::uint64_t kMaxFileBytes = 1ull << 40;

bool is_entry_id(std::string_view name) {
    if (name.empty() || name.size() > 18 || name.front() == '0') return false;
    return std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view marker_file(EntryState state) {
    switch (state) {
    case EntryState::Committed: return "committed";
    case EntryState::Undoing: return "undoing";
    case EntryState::Undone: return "undone";
    case EntryState::RolledBack: return "rolled-back";
    default: return {};
    }
}

int make_dirs(const std::string& path) {
    std::size_t at = 1;
    for (;;) {
        at = path.find('/', at);
        const std::string part = path.substr(0, at);
        if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return errno;
        if (at == std::string::npos) return 0;
        ++at;
    }
}

// The whole of a small file in `dir`, or nullopt (errno in `error`) when it cannot be read.
std::optional<std::string> read_small(int dir, const char* name, int& error) {
    FileDescriptor fd(::openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (!fd) {
        error = errno;
        return std::nullopt;
    }
    std::string text;
    error = read_to_end(fd.get(), text, kMaxRecordBytes);
    if (error != 0) return std::nullopt;
    return text;
}

std::vector<std::string> names_in(int dir) {
    std::vector<std::string> names;
    const int copy = ::dup(dir);
    if (copy < 0) return names;
    DIR* stream = ::fdopendir(copy);
    if (stream == nullptr) {
        ::close(copy);
        return names;
    }
    ::rewinddir(stream);
    while (const dirent* entry = ::readdir(stream)) {
        const std::string_view name(entry->d_name);
        if (name != "." && name != "..") names.emplace_back(name);
    }
    ::closedir(stream);
    return names;
}

// The "kept" record: which files' originals are kept by a link, its number, and how many links
// a subfolder holds (see the header). Record kind "kept-links"; entries of older versions, whose
// links are all in the entry folder, have a "kept-as" one (no count) or a "kept" one (no count,
// no numbers: a link is named by the manifest index). A version that reads only those finds a
// "kept-links" record unreadable — the entry is shown, never acted on — rather than looking for
// its links where they are not.
constexpr const char* kKeptLinks = "kept-links";
constexpr const char* kKeptAs = "kept-as";
// A larger count is not one we wrote.
constexpr std::uint64_t kMaxKeptPerFolder = 1u << 20;

std::string serialize_kept(const std::vector<std::pair<std::size_t, std::size_t>>& files, std::size_t per_folder) {
    RecordWriter writer(kKeptLinks);
    writer.number("per-folder", per_folder);
    writer.number("files", files.size());
    for (const auto& [index, as] : files) {
        writer.number("file", index);
        writer.number("as", as);
    }
    return writer.finish();
}

// The kind of a "kept" record `text`: kKeptLinks, kKeptAs or kKept (the reader checks the rest).
std::string_view kept_kind(std::string_view text) {
    for (std::string_view kind : {kKeptLinks, kKeptAs})
        if (RecordReader(text, kind).ok()) return kind;
    return kKept;
}

// Marks the files of `manifest` that the "kept" record `text` lists; false with `error` set when
// the record is not one this version understands.
bool parse_kept(std::string_view text, JournalManifest& manifest, std::string& error) {
    const std::string_view kind = kept_kind(text);
    RecordReader reader(text, kind);
    const std::uint64_t per_folder = kind == kKeptLinks ? reader.number("per-folder") : 0;
    if (reader.ok() && kind == kKeptLinks && (per_folder == 0 || per_folder > kMaxKeptPerFolder)) reader.fail("has a bad per-folder count");
    const std::uint64_t count = reader.number("files");
    if (count > manifest.files.size()) reader.fail("lists more files than the manifest");
    for (std::uint64_t i = 0; reader.ok() && i < count; ++i) {
        const std::uint64_t index = reader.number("file");
        const std::uint64_t as = kind == kKept ? index : reader.number("as");
        if (reader.ok() && index >= manifest.files.size()) reader.fail("names a file the manifest lacks");
        if (reader.ok() && as > (1ull << 40)) reader.fail("has a bad link number");
        if (reader.ok()) {
            JournalFile& file = manifest.files[index];
            file.kept = true;
            file.kept_as = static_cast<std::size_t>(as);
            file.kept_per_folder = static_cast<std::size_t>(per_folder);
        }
    }
    reader.expect_end();
    if (!reader.ok()) error = "kept record " + reader.error();
    return reader.ok();
}

// How many links a subfolder of the entry open as `entry_dir` holds, as its "kept" record says;
// 0 (all in the entry folder) for an entry of an older version, or one without the record.
std::size_t recorded_per_folder(int entry_dir) {
    int error = 0;
    const std::optional<std::string> text = read_small(entry_dir, kKept, error);
    if (!text || kept_kind(*text) != kKeptLinks) return 0;
    RecordReader reader(*text, kKeptLinks);
    const std::uint64_t per_folder = reader.number("per-folder");
    return reader.ok() && per_folder <= kMaxKeptPerFolder ? static_cast<std::size_t>(per_folder) : 0;
}

FileDescriptor open_folder(int dir, const std::string& name) {
    return FileDescriptor(::openat(dir, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
}

// Unlinks every file in `folder`; true if it removed any.
bool remove_files_in(int folder) {
    bool removed = false;
    for (const std::string& file : names_in(folder)) removed = ::unlinkat(folder, file.c_str(), 0) == 0 || removed;
    return removed;
}

// Removes the folder `name` in `dir`: an entry, its files and its subfolders of files (the
// links'); false if anything remains. Whatever a crash in the middle leaves, another call removes.
bool remove_entry_folder(int dir, const std::string& name) {
    if (const FileDescriptor folder = open_folder(dir, name)) {
        for (const std::string& file : names_in(folder.get())) {
            if (::unlinkat(folder.get(), file.c_str(), 0) == 0 || errno != EISDIR) continue;
            if (const FileDescriptor sub = open_folder(folder.get(), file)) remove_files_in(sub.get());
            ::unlinkat(folder.get(), file.c_str(), AT_REMOVEDIR);
        }
    }
    return ::unlinkat(dir, name.c_str(), AT_REMOVEDIR) == 0;
}

// The bytes of the files in `folder`, those in its subfolders (the links') included.
std::uint64_t bytes_in(int folder, bool with_subfolders) {
    std::uint64_t total = 0;
    for (const std::string& file : names_in(folder)) {
        struct stat st {};
        if (::fstatat(folder, file.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        if (S_ISREG(st.st_mode)) total += static_cast<std::uint64_t>(st.st_size);
        else if (S_ISDIR(st.st_mode) && with_subfolders)
            if (const FileDescriptor sub = open_folder(folder, file)) total += bytes_in(sub.get(), false);
    }
    return total;
}

// The bytes of the entry's kept links as its apply recorded them (record_link_bytes), while that
// still holds: the entry is committed, and no undo or roll back has exchanged or removed its links
// since (each writes its marker first). Nullopt: count them one by one.
std::optional<std::uint64_t> recorded_link_bytes(int entry_dir) {
    const auto has = [&](EntryState state) {
        return ::faccessat(entry_dir, std::string(marker_file(state)).c_str(), F_OK, AT_SYMLINK_NOFOLLOW) == 0;
    };
    if (!has(EntryState::Committed) || has(EntryState::Undoing) || has(EntryState::Undone) || has(EntryState::RolledBack))
        return std::nullopt;
    int error = 0;
    const std::optional<std::string> text = read_small(entry_dir, kLinkBytes, error);
    if (!text) return std::nullopt;
    RecordReader reader(*text, kLinkBytes);
    const std::uint64_t bytes = reader.number("bytes");
    reader.expect_end();
    return reader.ok() ? std::optional<std::uint64_t>(bytes) : std::nullopt;
}

// An entry's bytes: its own files, and its links' (recorded, or counted).
std::uint64_t folder_bytes(int dir, const std::string& name) {
    const FileDescriptor folder = open_folder(dir, name);
    if (!folder) return 0;
    if (const std::optional<std::uint64_t> links = recorded_link_bytes(folder.get())) return bytes_in(folder.get(), false) + *links;
    return bytes_in(folder.get(), true);
}

// Does the entry open as `entry_dir` still hold a kept link (in either layout)? A subfolder
// counts even when empty: release_kept() removes the ones it empties.
bool holds_kept_links(int entry_dir) {
    for (const std::string& name : names_in(entry_dir))
        if (name.starts_with(kKeptPrefix) || name.starts_with(kKeptFolderPrefix)) return true;
    return false;
}

// Removes every link of the entry open as `entry_dir`, in either layout, and the subfolders that
// held them. Each folder that lost a link is fsynced before its removal, the entry folder last,
// so that the files the links shared an inode with are not given their second name back by a
// crash.
void release_all_kept(int entry_dir) {
    bool removed = false;
    for (const std::string& name : names_in(entry_dir)) {
        if (name.starts_with(kKeptPrefix)) {
            removed = ::unlinkat(entry_dir, name.c_str(), 0) == 0 || removed;
        } else if (name.starts_with(kKeptFolderPrefix)) {
            if (const FileDescriptor sub = open_folder(entry_dir, name); sub && remove_files_in(sub.get())) (void)sync_fd(sub.get());
            removed = ::unlinkat(entry_dir, name.c_str(), AT_REMOVEDIR) == 0 || removed;
        }
    }
    if (removed) (void)sync_fd(entry_dir);
}

// Removes the links `links` (JournalFile::kept_as numbers) of the entry open as `entry_dir`, where
// its "kept" record says they are; each folder that lost one is fsynced.
void release_listed_kept(int entry_dir, const std::vector<std::size_t>& links) {
    const std::size_t per_folder = recorded_per_folder(entry_dir);
    std::set<std::size_t> touched;  // subfolders by number
    bool removed_flat = false;
    for (std::size_t as : links) {
        if (::unlinkat(entry_dir, UndoJournal::kept_path(as, per_folder).c_str(), 0) != 0) continue;
        if (per_folder == 0) removed_flat = true;
        else touched.insert(as / per_folder);
    }
    for (std::size_t number : touched)
        if (const FileDescriptor sub = open_folder(entry_dir, UndoJournal::kept_folder_name(number))) (void)sync_fd(sub.get());
    if (removed_flat) (void)sync_fd(entry_dir);
}

std::optional<std::vector<std::size_t>> parse_marker(std::string_view text, EntryState state, std::size_t file_count,
                                                      std::string& error) {
    RecordReader reader(text, marker_file(state));
    std::vector<std::size_t> files;
    const std::uint64_t count = reader.number("files");
    if (count > file_count) reader.fail("lists more files than the manifest");
    for (std::uint64_t i = 0; reader.ok() && i < count; ++i) {
        const std::uint64_t index = reader.number("file");
        if (reader.ok() && index >= file_count) reader.fail("names a file the manifest lacks");
        files.push_back(static_cast<std::size_t>(index));
    }
    reader.expect_end();
    if (!reader.ok()) {
        error = std::string(marker_file(state)) + " record " + reader.error();
        return std::nullopt;
    }
    return files;
}

// Is `name` a temporary file name of an apply whose tag is `tag` (temp_name_for: ".<name>" +
// tag + its index)?
bool is_temp_of(std::string_view name, std::string_view tag) {
    const std::size_t at = name.rfind(tag);
    if (name.size() < 2 || name.front() != '.' || at == std::string_view::npos || at == 0) return false;
    const std::string_view index = name.substr(at + tag.size());
    return !index.empty() && std::all_of(index.begin(), index.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Removes the temporary files of entry `id` (open as `entry_dir`) in the folders its `temps` list
// notes (EntryWriter::note_temp: a folder is noted before the apply's first temporary file in
// it): every name there that this apply could have made (its tag and an index), in the noted
// file's own folder reached from the root without following a link. An older version noted each
// file: its records name a folder just the same.
void remove_noted_temps(int entry_dir, const std::string& id) {
    int error = 0;
    const std::optional<std::string> list = read_small(entry_dir, kTemps, error);
    if (!list) return;
    const std::string tag = ".codescout-replace-" + id + "-";
    FolderChain chain;
    std::string_view rest(*list);
    while (!rest.empty()) {
        const std::size_t newline = rest.find('\n');
        if (newline == std::string_view::npos || newline == 0 || newline > 12) return;
        std::uint64_t length = 0;
        for (char c : rest.substr(0, newline)) {
            if (c < '0' || c > '9') return;
            length = length * 10 + static_cast<std::uint64_t>(c - '0');
        }
        rest.remove_prefix(newline + 1);
        if (length > rest.size()) return;  // cut short by the crash: nothing after it was created
        RecordReader reader(rest.substr(0, length), "temp");
        rest.remove_prefix(length);
        ConfinedLocation file;
        file.root = reader.bytes("root");
        file.relative = reader.bytes("relative");
        const std::string temp = reader.bytes("temp");
        reader.expect_end();
        if (!reader.ok() || file.root.empty() || file.root.front() != '/' || !is_clean_relative(file.relative) ||
            temp.find('/') != std::string::npos || temp.find(tag) == std::string::npos)
            continue;
        const std::size_t slash = file.relative.rfind('/');
        const ConfinedLocation location{file.root, slash == std::string::npos ? temp : file.relative.substr(0, slash + 1) + temp};
        const ConfinedFile folder = open_confined_folder(location, &chain);
        if (folder.skip) continue;
        for (const std::string& name : names_in(folder.dir.get()))
            if (is_temp_of(name, tag)) ::unlinkat(folder.dir.get(), name.c_str(), 0);
    }
}

}  // namespace

std::string_view state_name(EntryState state) {
    switch (state) {
    case EntryState::Interrupted: return "interrupted";
    case EntryState::Committed: return "applied";
    case EntryState::Undoing: return "undo interrupted";
    case EntryState::Undone: return "undone";
    case EntryState::RolledBack: return "rolled back";
    case EntryState::Unreadable: return "unreadable";
    }
    return "unknown";
}

std::string UndoJournal::default_dir() {
    const char* state = std::getenv("XDG_STATE_HOME");
    if (state != nullptr && state[0] == '/') return std::string(state) + "/codescout/undo";
    const char* home = std::getenv("HOME");
    if (home != nullptr && home[0] == '/') return std::string(home) + "/.local/state/codescout/undo";
    return {};
}

bool UndoJournal::lock(std::string& error) {
    if (locked()) return true;
    if (dir_.empty()) {
        error = "no folder for the undo journal (neither XDG_STATE_HOME nor HOME is set)";
        return false;
    }
    if (const int e = make_dirs(dir_); e != 0) {
        error = "cannot create the undo journal folder " + dir_ + ": " + errno_message(e);
        return false;
    }
    FileDescriptor dir(::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir) {
        error = "cannot open the undo journal folder " + dir_ + ": " + errno_message(errno);
        return false;
    }
    FileDescriptor lock(::openat(dir.get(), kLockFile, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!lock) {
        error = "cannot open the undo journal's lock " + dir_ + "/" + kLockFile + ": " + errno_message(errno);
        return false;
    }
    if (::flock(lock.get(), LOCK_EX | LOCK_NB) != 0) {
        error = errno == EWOULDBLOCK ? "another CodeScout is replacing, undoing or recovering right now (" + dir_ + " is locked)"
                                     : "cannot lock the undo journal: " + errno_message(errno);
        return false;
    }
    dir_fd_ = std::move(dir);
    lock_ = std::move(lock);
    return true;
}

std::vector<JournalEntry> UndoJournal::entries() const {
    std::vector<JournalEntry> result;
    FileDescriptor dir(::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir_.empty() || !dir) return result;
    std::vector<std::string> ids;
    for (std::string& name : names_in(dir.get()))
        if (is_entry_id(name)) ids.push_back(std::move(name));
    std::sort(ids.begin(), ids.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    for (const std::string& id : ids) {
        JournalEntry entry;
        entry.id = id;
        entry.bytes = folder_bytes(dir.get(), id);
        FileDescriptor folder(::openat(dir.get(), id.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        int error = 0;
        std::optional<std::string> text;
        if (!folder) {
            entry.error = "not a folder";
        } else if (!(text = read_small(folder.get(), kManifest, error))) {
            entry.error = "cannot read its manifest: " + errno_message(error);
        } else if (auto manifest = parse_manifest(*text, entry.error)) {
            entry.manifest = std::move(*manifest);
            if (entry.manifest.id != id) entry.error = "its manifest belongs to entry " + entry.manifest.id.substr(0, 20);
            if (const auto kept = read_small(folder.get(), kKept, error)) {
                std::string kept_error;
                if (!parse_kept(*kept, entry.manifest, kept_error) && entry.error.empty()) entry.error = kept_error;
            } else if (error != ENOENT && entry.error.empty()) {
                entry.error = "cannot read its kept record: " + errno_message(error);
            }
        }
        if (entry.error.empty()) {
            entry.state = EntryState::Interrupted;
            for (EntryState state : {EntryState::Committed, EntryState::Undoing, EntryState::Undone, EntryState::RolledBack}) {
                const std::string name(marker_file(state));
                const auto marker = read_small(folder.get(), name.c_str(), error);
                if (!marker) {
                    if (error != ENOENT) entry.error = "cannot read its " + name + " record: " + errno_message(error);
                    continue;
                }
                auto files = parse_marker(*marker, state, entry.manifest.files.size(), entry.error);
                if (!files) break;
                if (state == EntryState::Committed) entry.changed = std::move(*files);
                entry.state = state;  // the later markers win: committed < undoing < undone, rolled back
            }
        }
        if (!entry.error.empty()) entry.state = EntryState::Unreadable;
        result.push_back(std::move(entry));
    }
    return result;
}

std::uint64_t UndoJournal::total_bytes() const {
    FileDescriptor dir(dir_.empty() ? -1 : ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir) return 0;
    std::uint64_t total = 0;
    for (const std::string& name : names_in(dir.get()))
        if (is_entry_id(name)) total += folder_bytes(dir.get(), name);
    return total;
}

std::optional<JournalEntry> UndoJournal::entry(const std::string& id) const {
    for (JournalEntry& e : entries())
        if (e.id == id) return std::move(e);
    return std::nullopt;
}

std::string UndoJournal::next_id() const {
    std::uint64_t highest = 0;
    FileDescriptor dir(::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir) {
        for (const std::string& name : names_in(dir.get())) {
            const std::string id = name.substr(0, name.find('.'));
            if (is_entry_id(id)) highest = std::max<std::uint64_t>(highest, std::strtoull(id.c_str(), nullptr, 10));
        }
    }
    return std::to_string(highest + 1);
}

bool UndoJournal::needs_recovery() const {
    FileDescriptor dir(dir_.empty() ? -1 : ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir) return false;
    auto has = [](int folder, EntryState state) {
        return ::faccessat(folder, std::string(marker_file(state)).c_str(), F_OK, AT_SYMLINK_NOFOLLOW) == 0;
    };
    for (const std::string& name : names_in(dir.get())) {
        const std::size_t dot = name.find('.');
        if (!is_entry_id(name.substr(0, dot))) continue;
        if (dot != std::string::npos) {
            const std::string suffix = name.substr(dot);
            if (suffix == ".partial" || suffix == ".dropped") return true;
            continue;
        }
        FileDescriptor folder(::openat(dir.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!folder) continue;
        const bool settled_apply = has(folder.get(), EntryState::Committed) || has(folder.get(), EntryState::RolledBack);
        const bool open_undo = has(folder.get(), EntryState::Undoing) && !has(folder.get(), EntryState::Undone);
        if (!settled_apply || open_undo) return true;
        // Rolled back, but killed before its links to the originals were removed: the user's
        // files still have a second name here.
        if (has(folder.get(), EntryState::RolledBack) && ::faccessat(folder.get(), kKept, F_OK, AT_SYMLINK_NOFOLLOW) == 0 &&
            holds_kept_links(folder.get()))
            return true;
    }
    return false;
}

int UndoJournal::write_marker(const std::string& id, EntryState state, const std::vector<std::size_t>& files) {
    FileDescriptor folder(::openat(dir_fd_.get(), id.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!folder) return errno;
    // A new undo (a retry) is unfinished until it says so again.
    if (state == EntryState::Undoing && ::unlinkat(folder.get(), std::string(marker_file(EntryState::Undone)).c_str(), 0) == 0)
        (void)sync_fd(folder.get());
    RecordWriter writer(marker_file(state));
    writer.number("files", files.size());
    for (std::size_t index : files) writer.number("file", index);
    return replace_small_file(folder.get(), std::string(marker_file(state)), writer.finish());
}

void UndoJournal::record_link_bytes(const std::string& id, std::uint64_t bytes) {
    const FileDescriptor folder = open_folder(dir_fd_.get(), id);
    if (!folder) return;
    RecordWriter writer(kLinkBytes);
    writer.number("bytes", bytes);
    const FileDescriptor out(::openat(folder.get(), kLinkBytes, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (out) (void)write_all(out.get(), writer.finish());
}

bool UndoJournal::remove_entry(const std::string& id, bool free_now) {
    const std::string dropped = id + ".dropped";
    if (::renameat(dir_fd_.get(), id.c_str(), dir_fd_.get(), dropped.c_str()) != 0) return false;
    (void)sync_fd(dir_fd_.get());
    if (!free_now) return true;
    remove_entry_folder(dir_fd_.get(), dropped);
    (void)sync_fd(dir_fd_.get());
    return true;
}

void UndoJournal::free_dropped() {
    const bool was_locked = locked();
    std::string error;
    if (!was_locked && !lock(error)) return;
    bool removed = false;
    for (const std::string& name : names_in(dir_fd_.get())) {
        const std::size_t dot = name.find('.');
        if (dot == std::string::npos || !is_entry_id(name.substr(0, dot)) || name.substr(dot) != ".dropped") continue;
        removed = remove_entry_folder(dir_fd_.get(), name) || removed;
    }
    if (removed) (void)sync_fd(dir_fd_.get());
    if (!was_locked) unlock();
}

std::vector<std::string> UndoJournal::discard_leftovers() {
    std::vector<std::string> partial;
    for (const std::string& name : names_in(dir_fd_.get())) {
        const std::size_t dot = name.find('.');
        if (dot == std::string::npos || !is_entry_id(name.substr(0, dot))) continue;
        const std::string suffix = name.substr(dot);
        if (suffix != ".partial" && suffix != ".dropped") continue;
        if (suffix == ".partial") {
            const FileDescriptor entry(::openat(dir_fd_.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (entry) remove_noted_temps(entry.get(), name.substr(0, dot));
        }
        if (remove_entry_folder(dir_fd_.get(), name) && suffix == ".partial") partial.push_back(name.substr(0, dot));
    }
    (void)sync_fd(dir_fd_.get());
    return partial;
}

void UndoJournal::release_kept(const std::string& id, const std::vector<std::size_t>& links) {
    const FileDescriptor folder = open_folder(dir_fd_.get(), id);
    if (!folder) return;
    if (links.empty()) release_all_kept(folder.get());
    else release_listed_kept(folder.get(), links);
}

std::string UndoJournal::kept_path(std::size_t kept_as, std::size_t per_folder) {
    std::string name = std::string(kKeptPrefix) + std::to_string(kept_as);
    return per_folder == 0 ? name : kept_folder_name(kept_as / per_folder) + "/" + name;
}

std::string UndoJournal::kept_folder_name(std::size_t number) { return std::string(kKeptFolderPrefix) + std::to_string(number); }

FileDescriptor UndoJournal::entry_folder(const std::string& id) const {
    if (!dir_fd_ || !is_entry_id(id)) return FileDescriptor();
    return FileDescriptor(::openat(dir_fd_.get(), id.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
}

std::optional<std::string> UndoJournal::original_bytes(const std::string& id, [[maybe_unused]] std::size_t index, const JournalFile& file,
                                                       std::string& error, FileDescriptor* kept) const {
    const std::string path = dir_ + "/" + id + "/" + (file.kept ? UndoJournal::kept_path(file) : std::string(kOriginals));
    const std::uint64_t offset = file.kept ? 0 : file.offset;
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd) {
        error = "cannot open the journal's copy " + path + ": " + errno_message(errno);
        return std::nullopt;
    }
    // Check the claimed range against the file before allocating for it.
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || offset > static_cast<std::uint64_t>(st.st_size) ||
        file.size > static_cast<std::uint64_t>(st.st_size) - offset) {
        error = "the journal's copy is truncated";
        return std::nullopt;
    }
    std::string bytes(file.size, '\0');
    const PreadResult got = pread_fully(fd.get(), bytes.data(), bytes.size(), offset);
    if (got.read < bytes.size()) {
        error = got.error != 0 ? "cannot read the journal's copy: " + errno_message(got.error) : "the journal's copy is truncated";
        return std::nullopt;
    }
    const ContentHash hash = hash_bytes(bytes);
    if (file.kept && hash == file.after) {
        error = "an earlier undo put its original back, and it has since been given the replaced content again: the journal "
                "holds no other copy";
        return std::nullopt;
    }
    if (!(hash == file.before)) {
        error = "the journal's copy of the original is damaged (hash mismatch)";
        return std::nullopt;
    }
    if (kept != nullptr && file.kept) *kept = std::move(fd);
    return bytes;
}

bool EntryWriter::begin(UndoJournal& journal, const std::string& id, std::string& error) {
    journal_ = &journal;
    id_ = id;
    const std::string partial = id + ".partial";
    if (::mkdirat(journal.dir_fd(), partial.c_str(), 0700) != 0) {
        error = "cannot create the undo journal entry " + journal.dir() + "/" + partial + ": " + errno_message(errno);
        return false;
    }
    entry_dir_ = FileDescriptor(::openat(journal.dir_fd(), partial.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (entry_dir_)
        originals_ = FileDescriptor(::openat(entry_dir_.get(), kOriginals, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (originals_) temps_ = FileDescriptor(::openat(entry_dir_.get(), kTemps, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!originals_ || !temps_) {
        error = "cannot write the undo journal entry: " + errno_message(errno);
        abandon();
        return false;
    }
    return true;
}

int EntryWriter::add_original(std::string_view bytes, JournalFile& file) {
    file.offset = written_;
    if (const int error = write_all(originals_.get(), bytes); error != 0) return error;
    // Start the writeback now: publish()'s one fsync then finds most of it on the disk already.
    (void)::sync_file_range(originals_.get(), static_cast<off_t>(written_), static_cast<off_t>(bytes.size()), SYNC_FILE_RANGE_WRITE);
    written_ += bytes.size();
    return 0;
}

int EntryWriter::note_temp(const ConfinedLocation& location, const std::string& temp_name) {
    const std::size_t slash = location.relative.rfind('/');
    std::string folder = location.root + '\0' + (slash == std::string::npos ? std::string() : location.relative.substr(0, slash));
    const std::lock_guard lock(temps_mutex_);
    if (noted_folders_.contains(folder)) return 0;  // noted, and written, before this lock was ours
    if (const int error = write_all(temps_.get(), serialize_temp(location, temp_name)); error != 0) return error;
    noted_folders_.insert(std::move(folder));
    return 0;
}

int EntryWriter::make_kept_folder(std::size_t key) {
    const std::size_t number = key / kKeptLinksPerFolder;
    const std::lock_guard lock(kept_folders_mutex_);
    if (number < kept_folder_made_.size() && kept_folder_made_[number]) return 0;
    // (EEXIST cannot happen — the entry folder is new and ours alone, each subfolder made once —
    // and would be harmless: the folder is there.)
    if (::mkdirat(entry_dir_.get(), UndoJournal::kept_folder_name(number).c_str(), 0700) != 0 && errno != EEXIST) return errno;
    if (number >= kept_folder_made_.size()) kept_folder_made_.resize(number + 1, false);
    kept_folder_made_[number] = true;
    return 0;
}

int EntryWriter::keep_original(int file_fd, std::size_t key) {
    if (const int error = make_kept_folder(key); error != 0) return error;
    // AT_EMPTY_PATH links the descriptor itself (Linux 6.10+ for a file this process opened,
    // else with CAP_DAC_READ_SEARCH); elsewhere it fails (ENOENT, EPERM) and the descriptor's
    // /proc name is linked instead, which costs a walk through /proc per file.
    const std::string path = UndoJournal::kept_path(key, kKeptLinksPerFolder);
    if (::linkat(file_fd, "", entry_dir_.get(), path.c_str(), AT_EMPTY_PATH) != 0) {
        const std::string self = "/proc/self/fd/" + std::to_string(file_fd);
        if (::linkat(AT_FDCWD, self.c_str(), entry_dir_.get(), path.c_str(), AT_SYMLINK_FOLLOW) != 0) return errno;
    }
    return 0;
}

void EntryWriter::adopt_kept(std::size_t key, std::size_t index, JournalFile& file) {
    file.kept = true;
    file.kept_as = key;
    file.offset = written_;
    kept_.emplace_back(index, key);
}

void EntryWriter::drop_kept(std::size_t key) {
    ::unlinkat(entry_dir_.get(), UndoJournal::kept_path(key, kKeptLinksPerFolder).c_str(), 0);
}

int EntryWriter::sync_kept_folders() {
    const std::lock_guard lock(kept_folders_mutex_);
    if (std::find(kept_folder_made_.begin(), kept_folder_made_.end(), true) == kept_folder_made_.end()) return 0;
    // One syncfs() for them all where that is a durability point. An fsync() of a folder forces a
    // journal commit whenever anything is pending on the file system (another program's writes
    // too): the kernel tree's 342 subfolders took 37-43 ms to fsync one by one (and 16-19 ms
    // again with nothing of ours new), syncfs() 3-4 ms (bench/kept-links.c, ext4 in a VM) — the
    // fsyncs would have eaten half of what the subfolders save (~70 ms).
    // The syncfs() also writes back the pass's temporary files, which the first batch's flush
    // round (replace_batch.h) waits for right after publish() otherwise: that wait moves here.
    if (!flushed_file_by_file(entry_dir_.get())) return sync_file_system(entry_dir_.get());
    for (std::size_t number = 0; number < kept_folder_made_.size(); ++number) {
        if (!kept_folder_made_[number]) continue;
        const FileDescriptor folder = open_folder(entry_dir_.get(), UndoJournal::kept_folder_name(number));
        if (!folder) return errno;
        if (const int error = sync_fd(folder.get()); error != 0) return error;
    }
    return 0;
}

int EntryWriter::publish(const JournalManifest& manifest, const StepHook& hook) {
    if (const int error = sync_fd(originals_.get()); error != 0) return error;
    originals_.reset();
    if (!kept_.empty())
        if (const int error = write_new_file(entry_dir_.get(), kKept, serialize_kept(kept_, kKeptLinksPerFolder)); error != 0) return error;
    if (const int error = write_new_file(entry_dir_.get(), kManifest, serialize_manifest(manifest)); error != 0) return error;
    // Every link must be on the disk before any file is renamed over its original: a crash after
    // a rename reached the disk and before the link did would lose the original (the rename
    // removed its last name). A link's name is in its subfolder, the subfolder's name in the
    // entry folder (with the records'): the subfolders are made durable, then the entry folder.
    if (const int error = sync_kept_folders(); error != 0) return error;
    if (const int error = sync_fd(entry_dir_.get()); error != 0) return error;
    reach_step(hook, "manifest-written");
    const std::string partial = id_ + ".partial";
    if (::renameat(journal_->dir_fd(), partial.c_str(), journal_->dir_fd(), id_.c_str()) != 0) return errno;
    published_ = true;
    return sync_fd(journal_->dir_fd());
}

void EntryWriter::abandon() {
    if (journal_ == nullptr || published_) return;
    originals_.reset();
    temps_.reset();
    if (entry_dir_) remove_noted_temps(entry_dir_.get(), id_);
    entry_dir_.reset();
    remove_entry_folder(journal_->dir_fd(), id_ + ".partial");
    journal_ = nullptr;
}

std::string serialize_manifest(const JournalManifest& manifest) {
    RecordWriter writer("manifest");
    writer.bytes("id", manifest.id);
    writer.signed_number("time", manifest.time_ns);
    writer.bytes("pattern", manifest.pattern);
    writer.bytes("replacement", manifest.replacement);
    writer.number("files", manifest.files.size());
    for (const JournalFile& f : manifest.files) {
        writer.bytes("display", f.display);
        writer.bytes("root", f.location.root);
        writer.bytes("relative", f.location.relative);
        writer.bytes("temp", f.temp_name);
        writer.number("mode", f.mode);
        writer.number("uid", f.uid);
        writer.number("gid", f.gid);
        writer.signed_number("atime", f.atime_ns);
        writer.signed_number("mtime", f.mtime_ns);
        writer.number("size", f.size);
        writer.hash("before", f.before);
        writer.hash("after", f.after);
        writer.number("offset", f.offset);
    }
    return writer.finish();
}

std::optional<JournalManifest> parse_manifest(std::string_view text, std::string& error) {
    RecordReader reader(text, "manifest");
    JournalManifest m;
    m.id = reader.bytes("id");
    if (reader.ok() && !is_entry_id(m.id)) reader.fail("bad entry id");
    m.time_ns = reader.signed_number("time");
    m.pattern = reader.bytes("pattern");
    m.replacement = reader.bytes("replacement");
    const std::uint64_t count = reader.number("files");
    if (count > text.size()) reader.fail("claims more files than it could hold");
    for (std::uint64_t i = 0; reader.ok() && i < count; ++i) {
        JournalFile f;
        f.display = reader.bytes("display");
        f.location.root = reader.bytes("root");
        f.location.relative = reader.bytes("relative");
        f.temp_name = reader.bytes("temp");
        const std::uint64_t mode = reader.number("mode");
        const std::uint64_t uid = reader.number("uid");
        const std::uint64_t gid = reader.number("gid");
        f.atime_ns = reader.signed_number("atime");
        f.mtime_ns = reader.signed_number("mtime");
        f.size = reader.number("size");
        f.before = reader.hash("before");
        f.after = reader.hash("after");
        f.offset = reader.number("offset");
        if (!reader.ok()) break;
        // Never act on a location we would not have written: only clean paths in absolute roots.
        if (f.location.root.empty() || f.location.root.front() != '/' || !is_clean_relative(f.location.relative) ||
            f.temp_name.empty() || f.temp_name.find('/') != std::string::npos || f.temp_name == "." || f.temp_name == "..")
            reader.fail("file " + std::to_string(i) + " has a path this journal never writes");
        if (mode > 07777 || uid > UINT32_MAX || gid > UINT32_MAX || f.size > kMaxFileBytes) reader.fail("file " + std::to_string(i) + " has bad metadata");
        f.mode = static_cast<std::uint32_t>(mode);
        f.uid = static_cast<std::uint32_t>(uid);
        f.gid = static_cast<std::uint32_t>(gid);
        m.files.push_back(std::move(f));
    }
    reader.expect_end();
    if (!reader.ok()) {
        error = "manifest " + reader.error();
        return std::nullopt;
    }
    return m;
}

}  // namespace codescout

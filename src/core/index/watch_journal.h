// The change log a watching process publishes beside a folder's index, so that a search in
// another process (the CLI's --index) can trust the watcher instead of proving every file
// unchanged by a stat (issue 12, docs/index.md "The CLI and a running watcher"). Two files next
// to the index file "<hash>.idx":
//
// - "<hash>.idx.watch.lock": the watcher holds an exclusive flock on it for as long as it runs.
//   The kernel releases it when the process dies, however it dies (kill -9 included), so a
//   reader tests it without blocking: free means no watcher, whatever the log says. Two
//   watchers on one folder: the second does not get the lock and publishes nothing.
// - "<hash>.idx.watch": the log. A header names the index file it is relative to (its header
//   checksum and size) and a random session; then records, each with its sequence number and
//   a checksum over the session, its head and its payload:
//     Changes    paths of files and folders ("subtree changed") the watcher saw change since
//                that index was written (the first record is the live index's whole overlay);
//     Cookie     a sync cookie's name (sync_cookie.h), appended after every change queued before
//                the cookie was created: the reader's proof that the log is complete up to then;
//     Untrusted  why the log stopped being complete (the kernel's queue overflowed, the watch
//                limit was reached, the watcher stopped); nothing after it is trusted.
//   The log is replaced as a whole (temporary file + rename) when it starts, after a rescan,
//   after a rebuild (a new index file) and when it grows large; otherwise it is appended to,
//   one write() per record. A reader sees a prefix of the writes (an append in flight may be
//   cut off at the end: "not complete yet"); any other damage, a sequence gap, another index,
//   or an Untrusted record makes it distrust the log and prove files by stat.
// No fsync: the log is trusted only while its writer holds the lock, a lock does not survive a
// reboot, and a process dying does not lose what it wrote to the page cache.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace codescout {

class IndexReader;

std::filesystem::path watch_log_for(const std::filesystem::path& index_file);
std::filesystem::path watch_lock_for(const std::filesystem::path& index_file);

// Which index file a log is relative to (a rebuilt index has another header checksum).
struct IndexIdentity {
    std::uint64_t header_checksum = 0;
    std::uint64_t file_size = 0;
    bool operator==(const IndexIdentity&) const = default;
};
IndexIdentity identity_of(const IndexReader& reader);

// Whether a process holds the watcher lock of `index_file` right now (never blocks).
bool watcher_running(const std::filesystem::path& index_file);

// The writer: one per watching process and folder. Not thread-safe (its owner serialises).
class WatchJournalWriter {
public:
    // Takes the lock without blocking; with it, removes a log a dead watcher left behind.
    explicit WatchJournalWriter(const std::filesystem::path& index_file);
    // Removes the log, then releases the lock.
    ~WatchJournalWriter();
    WatchJournalWriter(const WatchJournalWriter&) = delete;
    WatchJournalWriter& operator=(const WatchJournalWriter&) = delete;

    bool acquired() const { return lock_fd_ >= 0; }
    // A trusted log is on disk and being appended to.
    bool active() const { return log_fd_ >= 0; }
    const IndexIdentity& identity() const { return identity_; }
    std::uint64_t appended_bytes() const { return appended_; }
    const std::string& error() const { return error_; }  // the last write failure

    // Replaces the log with one that holds `files` and `dirs` as changed since `index`.
    bool rewrite(const IndexIdentity& index, const std::vector<std::string>& files, const std::vector<std::string>& dirs);
    // Appends to an active log; a failed write deactivates it (readers then time out or find the
    // log incomplete; a later rewrite() starts over).
    bool append_changes(const std::vector<std::string>& files, const std::vector<std::string>& dirs);
    bool append_cookie(std::string_view name);
    // Ends trust in the log until the next rewrite().
    void append_untrusted(std::string_view why);

private:
    bool append_record(std::uint32_t type, std::string_view payload);
    void deactivate(const std::string& why);

    std::filesystem::path log_path_;
    int lock_fd_ = -1;
    int log_fd_ = -1;
    IndexIdentity identity_;
    std::uint64_t session_ = 0;
    std::uint64_t sequence_ = 0;
    std::uint64_t appended_ = 0;
    std::string error_;
};

// A log as read back.
struct WatchLog {
    enum class State { Ok, Missing, Corrupt };
    State state = State::Missing;
    std::string detail;                 // when Corrupt: what is wrong
    IndexIdentity identity;
    bool untrusted = false;             // an Untrusted record was read
    std::string untrusted_why;
    std::vector<std::string> files;     // every Changes record's, in order (duplicates possible)
    std::vector<std::string> dirs;
    std::vector<std::string> cookies;   // acknowledged, in order
    bool truncated = false;             // the last record is cut off (an append in flight)
};
WatchLog parse_watch_log(std::string_view bytes);
// Reads and parses the log of `index_file`.
WatchLog read_watch_log(const std::filesystem::path& index_file);

}  // namespace codescout

// See watch_journal.h. Layout (little-endian):
//   header  "CSWATCH\0", u32 version, u32 0, u64 index header checksum, u64 index file size,
//           u64 session, u64 checksum of the 40 bytes before it
//   record  u32 payload size, u32 type, u64 sequence (1, 2, ...), payload,
//           u64 checksum of (session, the 16 head bytes, payload)
// Changes payload: per path a kind byte ('f' file, 'd' folder), the relative path, a NUL.
#include "core/index/watch_journal.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <random>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/index/checksum.h"
#include "core/index/index_reader.h"

namespace codescout {

namespace {

constexpr char kMagic[8] = {'C', 'S', 'W', 'A', 'T', 'C', 'H', 0};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kHeaderSize = 48;
constexpr std::size_t kHeadSize = 16;
constexpr std::uint32_t kMaxPayload = 256u << 20;
// A reader's shared lock for a moment can make a starting watcher's exclusive try fail: retry
// this long before concluding that another watcher holds it.
constexpr auto kLockPatience = std::chrono::milliseconds(200);

enum RecordType : std::uint32_t { kChanges = 1, kCookie = 2, kUntrusted = 3 };

template <typename T>
void put(std::string& out, T value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
T get(const char* p) {
    T value;
    std::memcpy(&value, p, sizeof value);
    return value;
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

std::string record(std::uint64_t session, std::uint64_t sequence, std::uint32_t type, std::string_view payload) {
    std::string out;
    out.reserve(kHeadSize + payload.size() + 8);
    put<std::uint32_t>(out, static_cast<std::uint32_t>(payload.size()));
    put<std::uint32_t>(out, type);
    put<std::uint64_t>(out, sequence);
    out.append(payload);
    Checksum sum;
    sum.update(&session, sizeof session);
    sum.update(out.data(), out.size());
    put<std::uint64_t>(out, sum.value());
    return out;
}

std::string changes_payload(const std::vector<std::string>& files, const std::vector<std::string>& dirs) {
    std::string out;
    for (const auto* list : {&files, &dirs}) {
        const char kind = list == &files ? 'f' : 'd';
        for (const std::string& path : *list) {
            out.push_back(kind);
            out.append(path);
            out.push_back('\0');
        }
    }
    return out;
}

std::uint64_t random_session() {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device() ^
           static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
}

}  // namespace

std::filesystem::path watch_log_for(const std::filesystem::path& index_file) { return index_file.string() + ".watch"; }

std::filesystem::path watch_lock_for(const std::filesystem::path& index_file) {
    return index_file.string() + ".watch.lock";
}

IndexIdentity identity_of(const IndexReader& reader) {
    return IndexIdentity{reader.header().header_checksum, reader.header().file_size};
}

bool watcher_running(const std::filesystem::path& index_file) {
    const int fd = ::open(watch_lock_for(index_file).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);  // releases the shared lock if it was taken
    return held;
}

WatchJournalWriter::WatchJournalWriter(const std::filesystem::path& index_file) : log_path_(watch_log_for(index_file)) {
    const int fd = ::open(watch_lock_for(index_file).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        error_ = std::string("cannot open the watcher lock: ") + std::strerror(errno);
        return;
    }
    const auto give_up = std::chrono::steady_clock::now() + kLockPatience;
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK || std::chrono::steady_clock::now() >= give_up) {
            error_ = "another process already watches this folder for the index";
            ::close(fd);
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    lock_fd_ = fd;
    ::unlink(log_path_.c_str());  // a dead watcher's: readers already distrust it (the lock was free)
}

WatchJournalWriter::~WatchJournalWriter() {
    if (lock_fd_ < 0) return;
    ::unlink(log_path_.c_str());
    if (log_fd_ >= 0) ::close(log_fd_);
    ::close(lock_fd_);
}

void WatchJournalWriter::deactivate(const std::string& why) {
    error_ = why;
    if (log_fd_ >= 0) ::close(log_fd_);
    log_fd_ = -1;
    // A log that lacks a change must not stay readable as complete up to a later cookie; no
    // cookie is acknowledged any more, but removing it lets readers fall back at once.
    ::unlink(log_path_.c_str());
}

bool WatchJournalWriter::rewrite(const IndexIdentity& index, const std::vector<std::string>& files,
                                 const std::vector<std::string>& dirs) {
    if (!acquired()) return false;
    if (log_fd_ >= 0) ::close(log_fd_);
    log_fd_ = -1;
    session_ = random_session();
    sequence_ = 0;
    identity_ = index;
    std::string bytes(kMagic, sizeof kMagic);
    put<std::uint32_t>(bytes, kVersion);
    put<std::uint32_t>(bytes, 0);
    put<std::uint64_t>(bytes, index.header_checksum);
    put<std::uint64_t>(bytes, index.file_size);
    put<std::uint64_t>(bytes, session_);
    put<std::uint64_t>(bytes, checksum_of(bytes.data(), bytes.size()));
    bytes += record(session_, ++sequence_, kChanges, changes_payload(files, dirs));

    const std::string temp = log_path_.string() + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        deactivate(std::string("cannot write the change log: ") + std::strerror(errno));
        return false;
    }
    if (!write_all(fd, bytes) || ::rename(temp.c_str(), log_path_.c_str()) != 0) {
        const std::string why = std::string("cannot write the change log: ") + std::strerror(errno);
        ::close(fd);
        ::unlink(temp.c_str());
        deactivate(why);
        return false;
    }
    log_fd_ = fd;
    appended_ = 0;
    error_.clear();
    return true;
}

bool WatchJournalWriter::append_record(std::uint32_t type, std::string_view payload) {
    if (log_fd_ < 0) return false;
    const std::string bytes = record(session_, ++sequence_, type, payload);
    if (!write_all(log_fd_, bytes)) {
        deactivate(std::string("cannot append to the change log: ") + std::strerror(errno));
        return false;
    }
    appended_ += bytes.size();
    return true;
}

bool WatchJournalWriter::append_changes(const std::vector<std::string>& files, const std::vector<std::string>& dirs) {
    if (files.empty() && dirs.empty()) return active();
    return append_record(kChanges, changes_payload(files, dirs));
}

bool WatchJournalWriter::append_cookie(std::string_view name) { return append_record(kCookie, name); }

void WatchJournalWriter::append_untrusted(std::string_view why) {
    if (log_fd_ < 0) return;
    if (append_record(kUntrusted, why)) {
        ::close(log_fd_);
        log_fd_ = -1;
    }
}

WatchLog parse_watch_log(std::string_view bytes) {
    WatchLog log;
    const auto corrupt = [&](std::string detail) {
        log.state = WatchLog::State::Corrupt;
        log.detail = std::move(detail);
        return log;
    };
    if (bytes.size() < kHeaderSize) return corrupt("shorter than its header");
    const char* p = bytes.data();
    if (std::memcmp(p, kMagic, sizeof kMagic) != 0) return corrupt("not a change log");
    if (get<std::uint32_t>(p + 8) != kVersion) return corrupt("another version");
    if (get<std::uint64_t>(p + 40) != checksum_of(p, 40)) return corrupt("the header fails its checksum");
    log.identity = IndexIdentity{get<std::uint64_t>(p + 16), get<std::uint64_t>(p + 24)};
    const std::uint64_t session = get<std::uint64_t>(p + 32);
    std::size_t at = kHeaderSize;
    std::uint64_t expected = 1;
    while (at < bytes.size()) {
        const std::size_t left = bytes.size() - at;
        if (left < kHeadSize) {
            log.truncated = true;
            break;
        }
        const std::uint32_t size = get<std::uint32_t>(p + at);
        const std::uint32_t type = get<std::uint32_t>(p + at + 4);
        const std::uint64_t sequence = get<std::uint64_t>(p + at + 8);
        if (size > kMaxPayload) return corrupt("a record claims " + std::to_string(size) + " bytes");
        if (left < kHeadSize + size + 8) {
            log.truncated = true;
            break;
        }
        Checksum sum;
        sum.update(&session, sizeof session);
        sum.update(p + at, kHeadSize + size);
        if (get<std::uint64_t>(p + at + kHeadSize + size) != sum.value()) {
            return corrupt("record " + std::to_string(expected) + " fails its checksum");
        }
        if (sequence != expected) return corrupt("record " + std::to_string(expected) + " is missing");
        const std::string_view payload(p + at + kHeadSize, size);
        switch (type) {
        case kChanges:
            for (std::size_t i = 0; i < payload.size();) {
                const std::size_t end = payload.find('\0', i);
                if (end == std::string_view::npos || end == i) return corrupt("a malformed list of changes");
                const std::string_view path = payload.substr(i + 1, end - i - 1);
                if (payload[i] == 'f') log.files.emplace_back(path);
                else if (payload[i] == 'd') log.dirs.emplace_back(path);
                else return corrupt("a malformed list of changes");
                i = end + 1;
            }
            break;
        case kCookie: log.cookies.emplace_back(payload); break;
        case kUntrusted:
            log.untrusted = true;
            log.untrusted_why.assign(payload);
            break;
        default: return corrupt("a record of unknown type " + std::to_string(type));
        }
        at += kHeadSize + size + 8;
        ++expected;
    }
    if (expected == 1) return corrupt("no record of the changes");  // rewrite() writes one with the header
    log.state = WatchLog::State::Ok;
    return log;
}

WatchLog read_watch_log(const std::filesystem::path& index_file) {
    WatchLog log;
    const int fd = ::open(watch_log_for(index_file).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT) {
            log.state = WatchLog::State::Corrupt;
            log.detail = std::string("cannot read the change log: ") + std::strerror(errno);
        }
        return log;
    }
    std::string bytes;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) bytes.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            log.state = WatchLog::State::Corrupt;
            log.detail = std::string("cannot read the change log: ") + std::strerror(errno);
            ::close(fd);
            return log;
        }
        if (n == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return parse_watch_log(bytes);
}

}  // namespace codescout

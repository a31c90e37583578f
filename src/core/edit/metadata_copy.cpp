// copy_metadata (see metadata_copy.h).
#include "core/edit/metadata_copy.h"

#include <cerrno>
#include <string_view>
#include <vector>

#include <sys/xattr.h>
#include <unistd.h>

#include "core/io/open_file.h"

namespace codescout {

namespace {

// The names of `fd`'s extended attributes ("a\0b\0"), or an errno value.
int list_attributes(int fd, std::vector<char>& names) {
    for (;;) {
        const ssize_t size = ::flistxattr(fd, nullptr, 0);
        if (size < 0) return errno == ENOTSUP ? 0 : errno;
        names.resize(static_cast<std::size_t>(size));
        if (size == 0) return 0;
        const ssize_t got = ::flistxattr(fd, names.data(), names.size());
        if (got >= 0) {
            names.resize(static_cast<std::size_t>(got));
            return 0;
        }
        if (errno != ERANGE) return errno;  // ERANGE: the list grew meanwhile; ask again
    }
}

int read_attribute(int fd, const char* name, std::vector<char>& value) {
    for (;;) {
        const ssize_t size = ::fgetxattr(fd, name, nullptr, 0);
        if (size < 0) return errno;
        value.resize(static_cast<std::size_t>(size));
        if (size == 0) return 0;
        const ssize_t got = ::fgetxattr(fd, name, value.data(), value.size());
        if (got >= 0) {
            value.resize(static_cast<std::size_t>(got));
            return 0;
        }
        if (errno != ERANGE) return errno;
    }
}

}  // namespace

mode_t creation_mode(const struct stat& status) {
    // Ours, in our group: a new file gets that owner and (outside a set-group-ID folder, where
    // copy_metadata() then sets the group) that group, so these bits open it to no one new.
    return status.st_uid == ::geteuid() && status.st_gid == ::getegid() ? (status.st_mode & 0755) : 0600;
}

MetadataResult copy_metadata(int from, const struct stat& status, int to) {
    MetadataResult result;
    struct stat now {};
    const bool known = ::fstat(to, &now) == 0;
    const bool owner_differs = !known || now.st_uid != status.st_uid || now.st_gid != status.st_gid;
    if (owner_differs && ::fchown(to, status.st_uid, status.st_gid) != 0) {
        result.owner_kept = false;
        // Not root: at least keep the group when we belong to it (a shared project folder).
        (void)::fchown(to, static_cast<uid_t>(-1), status.st_gid);
    }
    // After a chown (it may have cleared set-ID bits) the bits are set whatever they read before.
    if ((owner_differs || (now.st_mode & 07777) != (status.st_mode & 07777)) && ::fchmod(to, status.st_mode & 07777) != 0) {
        result.error = "cannot set its permissions: " + errno_message(errno);
        return result;
    }
    std::vector<char> names;
    if (const int error = list_attributes(from, names); error != 0) {
        result.error = "cannot list its extended attributes: " + errno_message(error);
        return result;
    }
    std::vector<char> value;
    for (std::size_t at = 0; at < names.size();) {
        const char* name = names.data() + at;
        const std::string_view view(name);
        at += view.size() + 1;
        if (const int error = read_attribute(from, name, value); error != 0) {
            if (error == ENODATA) continue;  // removed meanwhile
            result.error = "cannot read its extended attribute " + std::string(view) + ": " + errno_message(error);
            return result;
        }
        if (::fsetxattr(to, name, value.data(), value.size(), 0) != 0) {
            const int error = errno;
            // The kernel labels a new file by policy; a label we may not set is not ours to keep.
            if (view.starts_with("security.") && (error == EPERM || error == ENOTSUP)) continue;
            result.error = "cannot keep its extended attribute " + std::string(view) + ": " + errno_message(error);
            return result;
        }
    }
    return result;
}

}  // namespace codescout

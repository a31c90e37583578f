// See temp_file.h.
#include "core/index/temp_file.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace codescout {

namespace {

[[noreturn]] void fail(const std::string& what, int error) {
    throw std::runtime_error(what + ": " + std::strerror(error));
}

}  // namespace

TempFile::TempFile(const std::filesystem::path& directory, std::size_t buffer_bytes) {
    std::string pattern = (directory / "scratch.XXXXXX").string();
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0) fail("cannot create a scratch file in " + directory.string(), errno);
    ::unlink(pattern.c_str());
    file_ = ::fdopen(fd, "w+b");
    if (file_ == nullptr) {
        const int error = errno;
        ::close(fd);
        fail("cannot open a scratch file", error);
    }
    std::setvbuf(file_, nullptr, _IOFBF, buffer_bytes);
}

TempFile::~TempFile() {
    if (file_ != nullptr) std::fclose(file_);
}

void TempFile::write(std::string_view bytes) {
    if (bytes.empty()) return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
        fail("cannot write a scratch file of the index build", errno);
    }
    written_ += bytes.size();
}

void TempFile::rewind_for_reading() {
    if (std::fflush(file_) != 0) fail("cannot write a scratch file of the index build", errno);
    if (std::fseek(file_, 0, SEEK_SET) != 0) fail("cannot rewind a scratch file", errno);
}

std::size_t TempFile::read(void* data, std::size_t size) {
    const std::size_t got = std::fread(data, 1, size, file_);
    if (got < size && std::ferror(file_) != 0) fail("cannot read a scratch file of the index build", errno);
    return got;
}

}  // namespace codescout

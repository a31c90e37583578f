// All entries of one open directory, read with raw getdents64 into a buffer that is reused from
// directory to directory (no opendir/readdir: that costs an extra fstat and fcntl and a malloc per
// directory). Names are bytes; d_type comes along for free on most file systems.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

namespace codescout {

class DirEntries {
public:
    struct Entry {
        std::string_view name;
        unsigned char type;  // DT_REG, DT_DIR, DT_LNK, ..., DT_UNKNOWN
    };

    // Reads every entry of `fd`; returns 0 or an errno value.
    int read_all(int fd);

    class Iterator {
    public:
        Iterator(const char* data, std::size_t pos) : data_(data), pos_(pos) {}
        Entry operator*() const;
        Iterator& operator++();
        bool operator!=(const Iterator& o) const { return pos_ != o.pos_; }

    private:
        const char* data_;
        std::size_t pos_;
    };
    Iterator begin() const { return {buffer_.get(), 0}; }
    Iterator end() const { return {buffer_.get(), used_}; }

private:
    std::unique_ptr<char[]> buffer_;
    std::size_t capacity_ = 0;
    std::size_t used_ = 0;
};

}  // namespace codescout

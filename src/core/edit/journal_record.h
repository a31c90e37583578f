// The undo journal's record format: one small text file per record, every field on its own line
// as "key value", byte strings length-prefixed ("path 11:src/main.c") so any byte may appear in
// them, and a last line "checksum <XXH3-128 of everything before it>". The first line names the
// record kind and the format version. A reader accepts exactly the fields it expects in the order
// it expects them; anything else — garbage, a truncated file, a record of another version — is an
// error with a message, never a guess.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/edit/content_hash.h"

namespace codescout {

inline constexpr int kJournalFormatVersion = 1;

class RecordWriter {
public:
    explicit RecordWriter(std::string_view kind);
    void number(std::string_view key, std::uint64_t value);
    void signed_number(std::string_view key, std::int64_t value);
    void bytes(std::string_view key, std::string_view value);
    void hash(std::string_view key, const ContentHash& value);
    // The whole record, checksum line included.
    std::string finish() const;

private:
    std::string text_;
};

class RecordReader {
public:
    // Checks the header (kind, version) and the checksum; error() says what is wrong with them.
    RecordReader(std::string_view text, std::string_view kind);

    // Each reads the next field, which must be `key`; on any mismatch error() is set and
    // defaults are returned from then on.
    std::uint64_t number(std::string_view key);
    std::int64_t signed_number(std::string_view key);
    std::string bytes(std::string_view key);
    ContentHash hash(std::string_view key);
    // Fails the record (e.g. a value out of range) with `message`, unless it failed already.
    void fail(std::string message);
    // Must be called after the last field: the body must be used up.
    void expect_end();

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }

private:
    std::string_view value_of(std::string_view key);

    std::string_view body_;
    std::string error_;
};

}  // namespace codescout

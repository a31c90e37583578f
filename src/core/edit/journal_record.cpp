// RecordWriter, RecordReader (see journal_record.h).
#include "core/edit/journal_record.h"

#include <charconv>

namespace codescout {

namespace {

constexpr std::string_view kMagic = "codescout-undo";
constexpr std::string_view kChecksumKey = "checksum ";

}  // namespace

RecordWriter::RecordWriter(std::string_view kind) {
    text_.append(kMagic).append(" ").append(kind).append(" ").append(std::to_string(kJournalFormatVersion)).append("\n");
}

void RecordWriter::number(std::string_view key, std::uint64_t value) {
    text_.append(key).append(" ").append(std::to_string(value)).append("\n");
}

void RecordWriter::signed_number(std::string_view key, std::int64_t value) {
    text_.append(key).append(" ").append(std::to_string(value)).append("\n");
}

void RecordWriter::bytes(std::string_view key, std::string_view value) {
    text_.append(key).append(" ").append(std::to_string(value.size())).append(":").append(value).append("\n");
}

void RecordWriter::hash(std::string_view key, const ContentHash& value) {
    text_.append(key).append(" ").append(value.hex()).append("\n");
}

std::string RecordWriter::finish() const {
    return text_ + std::string(kChecksumKey) + hash_bytes(text_).hex() + "\n";
}

RecordReader::RecordReader(std::string_view text, std::string_view kind) {
    const std::size_t header_end = text.find('\n');
    if (text.empty()) {
        error_ = "empty record";
        return;
    }
    if (header_end == std::string_view::npos || !text.starts_with(kMagic)) {
        error_ = "not a CodeScout undo record";
        return;
    }
    const std::string_view header = text.substr(0, header_end);
    const std::string expected_prefix = std::string(kMagic) + " " + std::string(kind) + " ";
    if (!header.starts_with(expected_prefix)) {
        error_ = "not a " + std::string(kind) + " record";
        return;
    }
    const std::string_view version = header.substr(expected_prefix.size());
    if (version != std::to_string(kJournalFormatVersion)) {
        error_ = "written in journal format " + std::string(version.substr(0, 20)) + ", this CodeScout reads format " +
                 std::to_string(kJournalFormatVersion);
        return;
    }
    // The checksum line is the last line; everything before it is covered.
    if (text.size() < 2 || text.back() != '\n') {
        error_ = "truncated (no checksum line)";
        return;
    }
    const std::size_t last_line = text.rfind('\n', text.size() - 2);
    const std::string_view checksum_line = text.substr(last_line + 1, text.size() - last_line - 2);
    if (!checksum_line.starts_with(kChecksumKey)) {
        error_ = "truncated (no checksum line)";
        return;
    }
    const auto stored = ContentHash::from_hex(checksum_line.substr(kChecksumKey.size()));
    const std::string_view covered = text.substr(0, last_line + 1);
    if (!stored || !(*stored == hash_bytes(covered))) {
        error_ = "damaged (checksum mismatch)";
        return;
    }
    body_ = covered.substr(header_end + 1);
}

std::string_view RecordReader::value_of(std::string_view key) {
    if (!ok()) return {};
    if (!body_.starts_with(key) || body_.size() <= key.size() || body_[key.size()] != ' ') {
        fail("expected field '" + std::string(key) + "'");
        return {};
    }
    body_.remove_prefix(key.size() + 1);
    const std::size_t end = body_.find('\n');
    if (end == std::string_view::npos) {
        fail("field '" + std::string(key) + "' is cut off");
        return {};
    }
    const std::string_view value = body_.substr(0, end);
    body_.remove_prefix(end + 1);
    return value;
}

std::uint64_t RecordReader::number(std::string_view key) {
    const std::string_view text = value_of(key);
    std::uint64_t value = 0;
    if (!ok()) return 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) fail("field '" + std::string(key) + "' is not a number");
    return ok() ? value : 0;
}

std::int64_t RecordReader::signed_number(std::string_view key) {
    const std::string_view text = value_of(key);
    std::int64_t value = 0;
    if (!ok()) return 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) fail("field '" + std::string(key) + "' is not a number");
    return ok() ? value : 0;
}

std::string RecordReader::bytes(std::string_view key) {
    if (!ok()) return {};
    if (!body_.starts_with(key) || body_.size() <= key.size() || body_[key.size()] != ' ') {
        fail("expected field '" + std::string(key) + "'");
        return {};
    }
    body_.remove_prefix(key.size() + 1);
    const std::size_t colon = body_.find(':');
    std::uint64_t length = 0;
    const auto [end, ec] = std::from_chars(body_.data(), body_.data() + (colon == std::string_view::npos ? 0 : colon), length);
    if (colon == std::string_view::npos || colon == 0 || ec != std::errc() || end != body_.data() + colon ||
        length > body_.size() - colon - 1 || length + colon + 1 >= body_.size() || body_[colon + 1 + length] != '\n') {
        fail("field '" + std::string(key) + "' has a bad length");
        return {};
    }
    std::string value(body_.substr(colon + 1, length));
    body_.remove_prefix(colon + 1 + length + 1);
    return value;
}

ContentHash RecordReader::hash(std::string_view key) {
    const std::string_view text = value_of(key);
    if (!ok()) return {};
    const auto value = ContentHash::from_hex(text);
    if (!value) fail("field '" + std::string(key) + "' is not a hash");
    return value.value_or(ContentHash{});
}

void RecordReader::fail(std::string message) {
    if (ok()) error_ = std::move(message);
}

void RecordReader::expect_end() {
    if (ok() && !body_.empty()) fail("unexpected fields at the end");
}

}  // namespace codescout

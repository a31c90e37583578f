// The engine's default binary policy: text ends at the line that holds the first NUL byte
// (see binary_policy.h). It depends on the file's bytes only, never on how they were read, so
// every strategy (whole, chunked, mapped) delivers the same lines.
#include <cstring>

#include "core/search/binary_policy.h"

namespace codescout {

namespace {

class StopAtNulCheck final : public BinaryCheck {
public:
    BlockVerdict inspect(std::string_view block, std::uint64_t offset) override {
        if (found_) return {BlockAction::StopAt, line_start_};
        const void* nul = std::memchr(block.data(), '\0', block.size());
        if (nul == nullptr) {
            // Remember where the block's last line starts: a NUL in a later block may sit in it.
            if (const void* newline = ::memrchr(block.data(), '\n', block.size())) {
                line_start_ = offset + static_cast<std::uint64_t>(static_cast<const char*>(newline) - block.data()) + 1;
            }
            return {};
        }
        const auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - block.data());
        found_ = true;
        nul_offset_ = offset + at;
        if (const void* newline = ::memrchr(block.data(), '\n', at)) {
            line_start_ = offset + static_cast<std::uint64_t>(static_cast<const char*>(newline) - block.data()) + 1;
        }
        return {BlockAction::StopAt, line_start_};
    }

    // Whatever follows -l's first match or -m's last line does not change what was delivered.
    bool wants_more(const ScanEnd&) const override { return false; }

    void settle(const ScanEnd& end, FileResult& result, bool& binary) override {
        if (!found_) return;
        // -l or -m was satisfied by lines before the NUL's: the answer is complete.
        if (end.finished_early && end.last_line_end <= line_start_) return;
        if (result.matched_lines == 0) {
            binary = true;
            return;
        }
        result.binary = {BinaryAction::Stopped, nul_offset_, line_start_};
    }

private:
    bool found_ = false;
    std::uint64_t nul_offset_ = 0;
    std::uint64_t line_start_ = 0;  // start of the line holding the NUL (or of the last line seen)
};

class StopAtNulPolicy final : public BinaryPolicy {
public:
    std::unique_ptr<BinaryCheck> check_for(const InputSpec&) const override {
        return std::make_unique<StopAtNulCheck>();
    }
};

}  // namespace

std::shared_ptr<const BinaryPolicy> default_binary_policy() {
    static const auto policy = std::make_shared<const StopAtNulPolicy>();
    return policy;
}

}  // namespace codescout

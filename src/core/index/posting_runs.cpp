// See posting_runs.h. A run is a sequence of groups, one per trigram in ascending order:
// varint(trigram - previous trigram), varint(count), then per posting the file id as a varint
// delta and its masks as 4 bytes, little-endian.
#include "core/index/posting_runs.h"

#include <algorithm>
#include <deque>
#include <queue>
#include <string>

#include "core/index/temp_file.h"
#include "core/index/varint.h"
#include "core/metrics/attributed_bytes.h"

namespace codescout {

namespace {

// Sequential varint reading of one run through a block buffer.
class RunReader {
public:
    explicit RunReader(TempFile& file) : file_(file), buffer_(256 * 1024) {
        memory_.set(buffer_.capacity());
        file_.rewind_for_reading();
    }

    // Reads the next group's header; false at the end of the run.
    bool next_group() {
        std::uint64_t delta = 0;
        if (!read(delta, /*end_ok=*/true)) return false;
        trigram_ += static_cast<std::uint32_t>(delta);
        std::uint64_t count = 0;
        read(count, false);
        count_ = static_cast<std::uint32_t>(count);
        return true;
    }

    std::uint32_t trigram() const { return trigram_; }

    void append_postings(std::vector<Posting>& out) {
        std::uint64_t id = 0;
        for (std::uint32_t i = 0; i < count_; ++i) {
            std::uint64_t delta = 0;
            read(delta, false);
            id += delta;
            std::uint32_t masks = 0;
            for (int shift = 0; shift < 32; shift += 8) masks |= static_cast<std::uint32_t>(read_byte()) << shift;
            out.push_back(Posting{static_cast<std::uint32_t>(id), masks});
        }
    }

private:
    unsigned char read_byte() {
        if (pos_ == end_) {
            end_ = file_.read(buffer_.data(), buffer_.size());
            pos_ = 0;
            if (end_ == 0) throw std::runtime_error("a scratch run of the index build ended early");
        }
        return buffer_[pos_++];
    }

    bool read(std::uint64_t& value, bool end_ok) {
        value = 0;
        for (int shift = 0;; shift += 7) {
            if (pos_ == end_) {
                end_ = file_.read(buffer_.data(), buffer_.size());
                pos_ = 0;
                if (end_ == 0) {
                    if (end_ok && shift == 0) return false;
                    throw std::runtime_error("a scratch run of the index build ended early");
                }
            }
            const unsigned char byte = buffer_[pos_++];
            value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) return true;
        }
    }

    TempFile& file_;
    std::vector<unsigned char> buffer_;
    AttributedBytes memory_{EngineComponent::IndexBuild};
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
    std::uint32_t trigram_ = 0;
    std::uint32_t count_ = 0;
};

}  // namespace

PostingRuns::PostingRuns(std::filesystem::path scratch_dir, std::size_t buffer_pairs)
    : scratch_dir_(std::move(scratch_dir)), capacity_(std::max<std::size_t>(buffer_pairs, 1)), buffer_(capacity_) {}

PostingRuns::~PostingRuns() = default;

void PostingRuns::add(std::uint32_t document, std::span<const Gram> grams) {
    if (grams.empty()) return;
    PairBuffer full;
    {
        std::lock_guard lock(buffer_mutex_);
        // The fresh buffer grows on demand up to the capacity: a small tree never allocates the
        // whole budget.
        if (!buffer_.empty() && !buffer_.fits(grams.size())) full = std::move(buffer_);
        buffer_.reserve_for(grams.size());
        for (const Gram& g : grams) buffer_.append(RunEntry{g.trigram, document, g.masks});
    }
    if (!full.empty()) write_run(full);
}

void PostingRuns::write_run(PairBuffer& pairs) {
    std::sort(pairs.begin(), pairs.end());
    auto run = std::make_unique<TempFile>(scratch_dir_);
    std::string block;
    block.reserve(1 << 20);
    std::uint32_t previous_trigram = 0;
    std::size_t i = 0;
    while (i < pairs.size()) {
        const std::uint32_t trigram = pairs[i].trigram;
        std::size_t j = i;
        while (j < pairs.size() && pairs[j].trigram == trigram) ++j;
        append_varint(block, trigram - previous_trigram);
        append_varint(block, j - i);
        std::uint32_t previous_id = 0;
        for (std::size_t k = i; k < j; ++k) {
            const std::uint32_t id = pairs[k].id;
            append_varint(block, id - previous_id);
            previous_id = id;
            for (int shift = 0; shift < 32; shift += 8) block.push_back(static_cast<char>((pairs[k].masks >> shift) & 0xFF));
        }
        previous_trigram = trigram;
        i = j;
        if (block.size() >= (1 << 20) - 64) {
            run->write(block);
            block.clear();
        }
    }
    run->write(block);
    pairs.release();  // give the memory back before the next buffer fills
    std::lock_guard lock(runs_mutex_);
    runs_.push_back(std::move(run));
}

std::size_t PostingRuns::runs() const { return runs_.size(); }

bool PostingRuns::merge(const Emit& emit, const std::atomic<bool>& cancelled) {
    if (!buffer_.empty()) write_run(buffer_);
    std::deque<RunReader> readers;  // in place: a reader's attributed bytes do not move
    using Head = std::pair<std::uint32_t, std::size_t>;  // trigram, run
    std::priority_queue<Head, std::vector<Head>, std::greater<>> heads;
    for (std::size_t r = 0; r < runs_.size(); ++r) {
        readers.emplace_back(*runs_[r]);
        if (readers.back().next_group()) heads.emplace(readers.back().trigram(), r);
    }
    std::vector<Posting> postings;
    std::uint64_t groups = 0;
    while (!heads.empty()) {
        if ((++groups & 1023) == 0 && cancelled.load(std::memory_order_relaxed)) return false;
        const std::uint32_t trigram = heads.top().first;
        postings.clear();
        bool sorted = true;
        while (!heads.empty() && heads.top().first == trigram) {
            const std::size_t r = heads.top().second;
            heads.pop();
            const std::size_t before = postings.size();
            readers[r].append_postings(postings);
            if (before > 0 && postings[before].id < postings[before - 1].id) sorted = false;
            if (readers[r].next_group()) heads.emplace(readers[r].trigram(), r);
        }
        if (!sorted) std::sort(postings.begin(), postings.end(), [](const Posting& a, const Posting& b) { return a.id < b.id; });
        emit(trigram, postings);
    }
    return !cancelled.load(std::memory_order_relaxed);
}

}  // namespace codescout

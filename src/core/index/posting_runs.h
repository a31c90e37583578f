// The index build's bounded-memory inversion: (trigram, file id, masks) entries from all indexing threads
// collect in a buffer of fixed capacity; a full buffer is sorted and written out as a compressed
// run (a scratch file) while the other threads fill a fresh one; at the end the runs are merged
// into one posting list per trigram. Memory stays at a few buffers whatever the tree's size
// (the kernel tree gives ~40 runs), which is what keeps a build under its RSS budget.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "core/index/pair_buffer.h"
#include "core/index/trigram.h"

namespace codescout {

class TempFile;

class PostingRuns {
public:
    // `buffer_pairs`: how many entries a buffer holds (12 bytes each). Scratch files go to `scratch_dir`.
    PostingRuns(std::filesystem::path scratch_dir, std::size_t buffer_pairs);
    ~PostingRuns();
    PostingRuns(const PostingRuns&) = delete;
    PostingRuns& operator=(const PostingRuns&) = delete;

    // Thread-safe. All trigrams of one document (index_format.h: a file or a chunk of one) in
    // one call (a document id must not come twice). May sort and write a run on the calling
    // thread. Throws std::runtime_error on a write error.
    void add(std::uint32_t document, std::span<const Gram> grams);

    // After every add(): calls emit(trigram, postings) for each trigram in ascending order, with
    // its postings' document ids ascending. Returns false if `cancelled` became true on the way.
    using Emit = std::function<void(std::uint32_t trigram, const std::vector<Posting>& postings)>;
    bool merge(const Emit& emit, const std::atomic<bool>& cancelled);

    std::size_t runs() const;

private:
    void write_run(PairBuffer& pairs);

    std::filesystem::path scratch_dir_;
    std::size_t capacity_;
    std::mutex buffer_mutex_;
    PairBuffer buffer_;
    std::mutex runs_mutex_;              // one run written at a time; guards runs_
    std::vector<std::unique_ptr<TempFile>> runs_;
};

}  // namespace codescout

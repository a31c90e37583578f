// The display order of the results' file rows: a sequence of file ids (the files' arrival
// indexes, which never change) into which new ids are inserted anywhere, with both lookups a tree
// view needs — the id at a row (index(), data()) and the row of an id (parent()) — in O(log n).
//
// Why not one vector: inserting into the middle of a 100,000-entry vector moves the whole tail
// (O(n) per file), and every id behind the insertion point changes its row. Here the ids live in
// blocks of at most kMaxBlock; an insertion moves at most one block's tail and fixes a Fenwick
// tree of block sizes (O(log blocks)). A full block splits in two, which renumbers only the
// blocks' ranks (O(blocks), once per kMaxBlock / 2 insertions into it).
// Memory: 4 bytes per id in its block plus 8 bytes of lookup (block and offset of each id).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace codescout::gui {

class RowOrder {
public:
    static constexpr std::size_t kMaxBlock = 512;

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

    // The id shown at `row` (row < size()).
    std::uint32_t idAt(std::size_t row) const;
    // The row showing `id` (an id inserted earlier).
    std::size_t rowOf(std::uint32_t id) const;

    // The row at which `id` would go after every id not ordered after it (`less(a, b)`: a is
    // shown before b), so equal keys keep their arrival order. O(log n) comparisons.
    std::size_t upperBound(std::uint32_t id, const std::function<bool(std::uint32_t, std::uint32_t)>& less) const;

    // Inserts `id` (a new one: ids are dense, 0, 1, 2, ... in some order) at `row` (<= size()).
    void insert(std::size_t row, std::uint32_t id);
    // Replaces the order with `ids` (every id exactly once).
    void assign(const std::vector<std::uint32_t>& ids);
    void clear();

    std::size_t heapBytes() const;

private:
    struct Block {
        std::vector<std::uint32_t> ids;
    };
    struct Place {
        std::uint32_t block = 0;   // index into blocks_ (stable: blocks are never removed)
        std::uint32_t offset = 0;  // position inside the block
    };

    // Block position (in display order) holding `row`, and the row's offset inside it.
    std::pair<std::size_t, std::size_t> locate(std::size_t row) const;
    std::size_t rowsBefore(std::size_t blockPosition) const;  // Fenwick prefix sum
    void addToSize(std::size_t blockPosition, std::ptrdiff_t delta);
    void splitBlock(std::size_t blockPosition);
    void rebuildIndex();  // ranks_ and the Fenwick tree, from order_

    std::vector<Block> blocks_;            // storage; never shrinks while in use
    std::vector<std::uint32_t> order_;     // block indexes in display order
    std::vector<std::uint32_t> ranks_;     // block index -> position in order_
    std::vector<std::size_t> fenwick_;     // block sizes by position in order_ (1-based tree)
    std::vector<Place> places_;            // id -> where it is
    std::size_t size_ = 0;
};

}  // namespace codescout::gui

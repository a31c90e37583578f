// RowOrder: blocks of ids, a Fenwick tree of block sizes, and each id's place (see row_order.h).
#include "gui/results/row_order.h"

#include <algorithm>
#include <tuple>

namespace codescout::gui {

std::size_t RowOrder::rowsBefore(std::size_t blockPosition) const
{
    std::size_t sum = 0;
    for (std::size_t i = blockPosition; i > 0; i -= i & (~i + 1))
        sum += fenwick_[i];
    return sum;
}

void RowOrder::addToSize(std::size_t blockPosition, std::ptrdiff_t delta)
{
    for (std::size_t i = blockPosition + 1; i < fenwick_.size(); i += i & (~i + 1))
        fenwick_[i] = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(fenwick_[i]) + delta);
}

std::pair<std::size_t, std::size_t> RowOrder::locate(std::size_t row) const
{
    // Binary lifting over the Fenwick tree: the last position whose prefix is <= row.
    const std::size_t blocks = order_.size();
    std::size_t step = 1;
    while (step * 2 <= blocks)
        step *= 2;
    std::size_t position = 0;
    std::size_t remaining = row;
    for (; step > 0; step /= 2) {
        if (position + step <= blocks && fenwick_[position + step] <= remaining) {
            position += step;
            remaining -= fenwick_[position];
        }
    }
    return {position, remaining};
}

std::uint32_t RowOrder::idAt(std::size_t row) const
{
    const auto [position, offset] = locate(row);
    return blocks_[order_[position]].ids[offset];
}

std::size_t RowOrder::rowOf(std::uint32_t id) const
{
    const Place place = places_[id];
    return rowsBefore(ranks_[place.block]) + place.offset;
}

std::size_t RowOrder::upperBound(std::uint32_t id,
                                 const std::function<bool(std::uint32_t, std::uint32_t)>& less) const
{
    // The first block whose last id goes after `id`; then the first such id inside it.
    const auto block = std::partition_point(order_.begin(), order_.end(), [&](std::uint32_t b) {
        return !less(id, blocks_[b].ids.back());
    });
    if (block == order_.end())
        return size_;
    const std::vector<std::uint32_t>& ids = blocks_[*block].ids;
    const auto inside = std::upper_bound(ids.begin(), ids.end(), id, less);
    const auto position = static_cast<std::size_t>(block - order_.begin());
    return rowsBefore(position) + static_cast<std::size_t>(inside - ids.begin());
}

void RowOrder::insert(std::size_t row, std::uint32_t id)
{
    if (order_.empty()) {
        blocks_.emplace_back();
        order_.push_back(0);
        rebuildIndex();
    }
    std::size_t position = order_.size() - 1;
    std::size_t offset = blocks_[order_[position]].ids.size();
    if (row < size_)
        std::tie(position, offset) = locate(row);

    const std::uint32_t blockIndex = order_[position];
    std::vector<std::uint32_t>& ids = blocks_[blockIndex].ids;
    ids.insert(ids.begin() + static_cast<std::ptrdiff_t>(offset), id);
    if (places_.size() <= id)
        places_.resize(std::max<std::size_t>(id + 1, places_.size() * 2));
    for (std::size_t i = offset; i < ids.size(); ++i)
        places_[ids[i]] = {blockIndex, static_cast<std::uint32_t>(i)};
    addToSize(position, 1);
    ++size_;
    if (ids.size() > kMaxBlock)
        splitBlock(position);
}

void RowOrder::splitBlock(std::size_t position)
{
    const std::uint32_t oldIndex = order_[position];
    const auto newIndex = static_cast<std::uint32_t>(blocks_.size());
    blocks_.emplace_back();
    std::vector<std::uint32_t>& ids = blocks_[oldIndex].ids;
    const std::size_t half = ids.size() / 2;
    std::vector<std::uint32_t>& moved = blocks_[newIndex].ids;
    moved.reserve(kMaxBlock + 1);
    moved.assign(ids.begin() + static_cast<std::ptrdiff_t>(half), ids.end());
    ids.resize(half);
    for (std::size_t i = 0; i < moved.size(); ++i)
        places_[moved[i]] = {newIndex, static_cast<std::uint32_t>(i)};
    order_.insert(order_.begin() + static_cast<std::ptrdiff_t>(position) + 1, newIndex);
    rebuildIndex();
}

void RowOrder::rebuildIndex()
{
    ranks_.assign(blocks_.size(), 0);
    fenwick_.assign(order_.size() + 1, 0);
    for (std::size_t position = 0; position < order_.size(); ++position) {
        ranks_[order_[position]] = static_cast<std::uint32_t>(position);
        fenwick_[position + 1] = blocks_[order_[position]].ids.size();
    }
    for (std::size_t i = 1; i < fenwick_.size(); ++i) {
        const std::size_t parent = i + (i & (~i + 1));
        if (parent < fenwick_.size())
            fenwick_[parent] += fenwick_[i];
    }
}

void RowOrder::assign(const std::vector<std::uint32_t>& ids)
{
    clear();
    places_.resize(ids.size());
    // Half-full blocks: the next insertions into them do not split at once.
    const std::size_t chunk = kMaxBlock / 2;
    for (std::size_t start = 0; start < ids.size(); start += chunk) {
        const auto blockIndex = static_cast<std::uint32_t>(blocks_.size());
        Block& block = blocks_.emplace_back();
        const std::size_t end = std::min(ids.size(), start + chunk);
        block.ids.assign(ids.begin() + static_cast<std::ptrdiff_t>(start),
                         ids.begin() + static_cast<std::ptrdiff_t>(end));
        for (std::size_t i = 0; i < block.ids.size(); ++i)
            places_[block.ids[i]] = {blockIndex, static_cast<std::uint32_t>(i)};
        order_.push_back(blockIndex);
    }
    size_ = ids.size();
    rebuildIndex();
}

void RowOrder::clear()
{
    blocks_.clear();
    blocks_.shrink_to_fit();
    order_.clear();
    order_.shrink_to_fit();
    ranks_.clear();
    ranks_.shrink_to_fit();
    fenwick_.clear();
    fenwick_.shrink_to_fit();
    places_.clear();
    places_.shrink_to_fit();
    size_ = 0;
}

std::size_t RowOrder::heapBytes() const
{
    std::size_t bytes = blocks_.capacity() * sizeof(Block) + order_.capacity() * sizeof(std::uint32_t)
                        + ranks_.capacity() * sizeof(std::uint32_t)
                        + fenwick_.capacity() * sizeof(std::size_t) + places_.capacity() * sizeof(Place);
    for (const Block& block : blocks_)
        bytes += block.ids.capacity() * sizeof(std::uint32_t);
    return bytes;
}

}  // namespace codescout::gui

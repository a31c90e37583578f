// SearchHistory: the memory view's table of the last searches, to compare them (issue 8, item 3):
// pattern, when, how long, peak heap, peak resident, files per strategy, pattern cache hits and
// misses; exportable as CSV in metrics_export's conventions (snake_case header, plain integers,
// '\n' line ends; an unavailable figure is an empty field; text fields quoted as RFC 4180 says).
//
// In the GUI both peaks are the highest SAMPLED values of the search (the sampler's ticks): the
// GUI installs no exact heap tracker, and VmHWM is the whole process's lifetime peak, not one
// search's. A peak between two ticks is missed; the column headers say "sampled".
#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

namespace codescout::gui {

struct SearchRecord {
    QString pattern;
    QDateTime finished;  // UTC
    std::int64_t duration_ms = 0;
    std::optional<std::uint64_t> peak_heap;      // allocator in-use, sampled
    std::optional<std::uint64_t> peak_resident;  // resident set, sampled
    std::uint64_t small_files = 0;
    std::uint64_t buffered_files = 0;
    std::uint64_t mmap_files = 0;
    std::uint64_t cache_hits = 0;
    std::uint64_t cache_misses = 0;

    bool operator==(const SearchRecord&) const = default;
};

class SearchHistory : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Pattern, Finished, Duration, PeakHeap, PeakResident, SmallFiles, BufferedFiles,
                  MmapFiles, CacheHits, CacheMisses, ColumnCount };
    static constexpr int kDefaultLimit = 20;

    explicit SearchHistory(QObject* parent = nullptr);

    // Appends as the last row; beyond the limit the oldest row goes.
    void add(const SearchRecord& record);
    // A reading that belongs to the last row's search but arrived after it was added (the
    // probe's final reading comes a moment after the search ends): raises that row's peaks.
    void raiseLastPeaks(std::optional<std::uint64_t> heap, std::optional<std::uint64_t> resident);
    void clear();
    int limit() const { return limit_; }
    const SearchRecord& record(int row) const { return records_.at(static_cast<std::size_t>(row)); }

    QByteArray toCsv() const;
    // Parses what toCsv() writes; nullopt if the header or a row does not fit.
    static std::optional<std::vector<SearchRecord>> fromCsv(const QByteArray& csv);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::deque<SearchRecord> records_;
    int limit_ = kDefaultLimit;
};

}  // namespace codescout::gui

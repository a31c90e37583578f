// The results tree: file rows (relative path, match count) over line rows (line number, text with
// match spans). Files arrive in batches while a search runs and are stored compactly, in arrival
// order (CompactFile; strings are made only in data()); a RowOrder puts them in display order:
// by path (each file inserted where it belongs, one beginInsertRows per run of adjacent new
// rows) or as found (appended). A line row's internal id names its file's arrival index, which
// never changes, so indexes of line rows stay right while files are inserted above them.
#pragma once

#include <QAbstractItemModel>

#include <cstdint>
#include <vector>

#include "gui/memory/gui_memory.h"
#include "gui/results/compact_file.h"
#include "gui/results/results_order.h"
#include "gui/results/row_order.h"

namespace codescout::gui {

class ResultsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        FilePathRole = Qt::UserRole + 1,  // QString: absolute path of the file
        RelativePathRole,                 // QString: path relative to the searched folder
        LineNumberRole,                   // int: 1-based line number (line rows), 0 for file rows
        MatchSpansRole,                   // QList<int>: begin,end pairs in UTF-16 units of DisplayRole
        IsContextRole,                    // bool: a context line
        IsFileRole,                       // bool: a file row
        MatchCountRole,                   // qulonglong: matches in the file (file rows)
        ClippedRole,                      // int: 1 = clipped left, 2 = clipped right (long lines)
        ColumnRole,                       // qulonglong: bytes (UTF-8) of the file's line before
                                          // DisplayRole's text (indentation, a clipped start)
        BinaryNoteRole,                   // QString: why a binary file shows fewer matches (file rows), or empty
        MoreLinesRole,                    // int: lines after this one that its multi-line match covers (-U)
        LastLineEndRole,                  // qulonglong: where that match ends in its last line (UTF-8 bytes)
    };

    explicit ResultsModel(QObject* parent = nullptr);

    // Adds the files of one batch as new file rows, each where the order puts it.
    void addFiles(std::vector<CompactFile>&& files);
    void clear();

    ResultsOrder order() const { return order_; }
    // Reorders the rows already there (a layout change: selection and expansion stay).
    void setOrder(ResultsOrder order);

    std::size_t fileCount() const { return rows_.size(); }
    std::uint64_t matchCount() const { return matches_; }
    std::uint64_t lineRowCount() const { return lineRows_; }
    // The file shown at file row `row`.
    const CompactFile& file(std::size_t row) const { return files_[rows_.idAt(row)]; }
    // Heap bytes held by the stored results (the files' arenas and records, and the file table).
    std::size_t heapBytes() const;

    // The next (forward) or previous match row after `from` (any row, or invalid = start/end),
    // wrapping around; invalid if there is no match at all.
    QModelIndex adjacentMatch(const QModelIndex& from, bool forward) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    // The note for a file the search stopped in at binary data; empty for a text file.
    static QString binaryNote(const CompactFile& file);
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;

signals:
    void countsChanged();

private:
    // internalId of a line row = its file's id (arrival index) + 1; file rows have internalId 0.
    static constexpr quintptr kFileRowId = 0;

    bool pathBefore(std::uint32_t a, std::uint32_t b) const;
    QVariant fileData(std::size_t id, int role) const;
    QVariant lineData(std::size_t id, std::size_t lineRow, int role) const;
    bool isMatchRow(std::size_t id, std::size_t lineRow) const;

    void reportMemory();

    std::vector<CompactFile> files_;  // in arrival order: index = the file's id
    RowOrder rows_;                   // the ids in display order
    ResultsOrder order_ = ResultsOrder::ByPath;
    // The files' own heap bytes, summed as they arrive: a stored file never changes, so the
    // attribution's per-batch update costs O(batch), not O(all files).
    std::size_t filesHeapBytes_ = 0;
    GuiBytes memory_{GuiComponent::Results};
    std::uint64_t matches_ = 0;
    std::uint64_t lineRows_ = 0;
};

}  // namespace codescout::gui

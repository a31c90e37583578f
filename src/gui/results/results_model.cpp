// ResultsModel: a two-level tree over a vector of CompactFile.
#include "gui/results/results_model.h"

#include "gui/search/status_text.h"

#include <QLocale>

#include <algorithm>
#include <limits>

namespace codescout::gui {

namespace {

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Byte offsets into UTF-8 `text` -> offsets into QString::fromUtf8(text).
QList<int> utf16Spans(std::string_view text, const std::vector<CompactSpan>& spans)
{
    QList<int> out;
    out.reserve(static_cast<qsizetype>(spans.size() * 2));
    for (const CompactSpan& span : spans) {
        out.append(static_cast<int>(fromUtf8(text.substr(0, span.begin)).size()));
        out.append(static_cast<int>(fromUtf8(text.substr(0, span.end)).size()));
    }
    return out;
}

}  // namespace

ResultsModel::ResultsModel(QObject* parent) : QAbstractItemModel(parent) {}

bool ResultsModel::pathBefore(std::uint32_t a, std::uint32_t b) const
{
    // Every path starts with the same root, so comparing whole paths compares relative ones.
    return pathLess(files_[a].path(), files_[b].path());
}

void ResultsModel::addFiles(std::vector<CompactFile>&& files)
{
    if (files.empty())
        return;
    const auto less = [this](std::uint32_t a, std::uint32_t b) { return pathBefore(a, b); };
    if (order_ == ResultsOrder::ByPath) {
        std::stable_sort(files.begin(), files.end(), [](const CompactFile& a, const CompactFile& b) {
            return pathLess(a.path(), b.path());
        });
    }
    const auto firstId = static_cast<std::uint32_t>(files_.size());
    for (CompactFile& file : files) {
        matches_ += file.matches();
        lineRows_ += file.lineCount();
        filesHeapBytes_ += file.heapBytes();
        files_.push_back(std::move(file));
    }
    const auto endId = static_cast<std::uint32_t>(files_.size());
    // Where each new file goes among the rows already shown (non-decreasing: the batch is
    // sorted); new files bound for the same gap are inserted as one run of rows.
    std::vector<std::size_t> gaps(endId - firstId, rows_.size());
    if (order_ == ResultsOrder::ByPath) {
        for (std::uint32_t id = firstId; id < endId; ++id)
            gaps[id - firstId] = rows_.upperBound(id, less);
    }
    std::size_t inserted = 0;
    for (std::uint32_t id = firstId; id < endId;) {
        std::uint32_t runEnd = id + 1;
        while (runEnd < endId && gaps[runEnd - firstId] == gaps[id - firstId])
            ++runEnd;
        const std::size_t row = gaps[id - firstId] + inserted;
        beginInsertRows({}, static_cast<int>(row), static_cast<int>(row + (runEnd - id) - 1));
        for (std::uint32_t k = id; k < runEnd; ++k)
            rows_.insert(row + (k - id), k);
        endInsertRows();
        inserted += runEnd - id;
        id = runEnd;
    }
    reportMemory();
    emit headerDataChanged(Qt::Horizontal, 0, 0);
    emit countsChanged();
}

void ResultsModel::setOrder(ResultsOrder order)
{
    if (order == order_)
        return;
    order_ = order;
    if (files_.empty())
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // File rows move; line rows keep their internal id (their file) and row.
    const QModelIndexList persistent = persistentIndexList();
    std::vector<std::uint32_t> persistentIds;
    persistentIds.reserve(static_cast<std::size_t>(persistent.size()));
    for (const QModelIndex& index : persistent)
        persistentIds.push_back(index.internalId() == kFileRowId ? rows_.idAt(static_cast<std::size_t>(index.row())) : 0);
    std::vector<std::uint32_t> ids(files_.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        ids[i] = static_cast<std::uint32_t>(i);
    if (order_ == ResultsOrder::ByPath)
        std::stable_sort(ids.begin(), ids.end(), [this](std::uint32_t a, std::uint32_t b) { return pathBefore(a, b); });
    rows_.assign(ids);
    for (qsizetype i = 0; i < persistent.size(); ++i) {
        const QModelIndex& old = persistent[i];
        if (old.internalId() == kFileRowId) {
            const auto row = static_cast<int>(rows_.rowOf(persistentIds[static_cast<std::size_t>(i)]));
            changePersistentIndex(old, createIndex(row, old.column(), kFileRowId));
        }
    }
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    reportMemory();
}

void ResultsModel::clear()
{
    beginResetModel();
    files_.clear();
    files_.shrink_to_fit();
    rows_.clear();
    filesHeapBytes_ = 0;
    matches_ = 0;
    lineRows_ = 0;
    endResetModel();
    reportMemory();
    emit headerDataChanged(Qt::Horizontal, 0, 0);
    emit countsChanged();
}

std::size_t ResultsModel::heapBytes() const
{
    return files_.capacity() * sizeof(CompactFile) + filesHeapBytes_ + rows_.heapBytes();
}

void ResultsModel::reportMemory()
{
    memory_.set(heapBytes());
}

QModelIndex ResultsModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kFileRowId);
    return createIndex(row, column, static_cast<quintptr>(rows_.idAt(static_cast<std::size_t>(parent.row()))) + 1);
}

QModelIndex ResultsModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kFileRowId)
        return {};
    const auto id = static_cast<std::uint32_t>(child.internalId() - 1);
    return createIndex(static_cast<int>(rows_.rowOf(id)), 0, kFileRowId);
}

int ResultsModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(rows_.size());
    if (parent.column() != 0 || parent.internalId() != kFileRowId)
        return 0;
    return static_cast<int>(file(static_cast<std::size_t>(parent.row())).lineCount());
}

int ResultsModel::columnCount(const QModelIndex&) const
{
    return 1;
}

bool ResultsModel::hasChildren(const QModelIndex& parent) const
{
    return rowCount(parent) > 0;
}

Qt::ItemFlags ResultsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != kFileRowId)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant ResultsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kFileRowId)
        return fileData(rows_.idAt(static_cast<std::size_t>(index.row())), role);
    return lineData(index.internalId() - 1, static_cast<std::size_t>(index.row()), role);
}

QString ResultsModel::binaryNote(const CompactFile& file)
{
    if (file.binaryCut() == UINT64_MAX)
        return {};
    return tr("binary file: matches after byte %1 not shown").arg(QLocale().toString(file.binaryCut()));
}

QVariant ResultsModel::fileData(std::size_t id, int role) const
{
    const CompactFile& file = files_[id];
    switch (role) {
    case Qt::DisplayRole:
    case RelativePathRole:
        return file.relativePath();
    case Qt::ToolTipRole: {
        const QString note = binaryNote(file);
        return note.isEmpty() ? file.path() : file.path() + QLatin1Char('\n') + note;
    }
    case FilePathRole:
        return file.path();
    case BinaryNoteRole:
        return binaryNote(file);
    case Qt::AccessibleTextRole: {
        const QString text = tr("%1, %n match(es)", nullptr, static_cast<int>(std::min<std::uint64_t>(
                                                                 file.matches(), std::numeric_limits<int>::max())))
                                 .arg(file.relativePath());
        const QString note = binaryNote(file);
        return note.isEmpty() ? text : text + QLatin1String(", ") + note;
    }
    case MatchCountRole:
        return QVariant::fromValue<qulonglong>(file.matches());
    case IsFileRole:
        return true;
    case IsContextRole:
        return false;
    case LineNumberRole:
        return 0;
    default:
        return {};
    }
}

QVariant ResultsModel::lineData(std::size_t id, std::size_t lineRow, int role) const
{
    const CompactFile& file = files_[id];
    switch (role) {
    case Qt::DisplayRole: {
        // Tabs become single spaces: the delegate paints runs, and span offsets stay valid.
        QString text = fromUtf8(file.view(lineRow).text);
        text.replace(QLatin1Char('\t'), QLatin1Char(' '));
        return text;
    }
    case Qt::AccessibleTextRole: {
        const LineView v = file.view(lineRow);
        return tr("Line %1: %2").arg(v.number).arg(fromUtf8(v.text));
    }
    case MatchSpansRole: {
        const LineView v = file.view(lineRow);
        return QVariant::fromValue(utf16Spans(v.text, v.spans));
    }
    case LineNumberRole:
        return static_cast<qlonglong>(file.line(lineRow).number);
    case IsContextRole:
        return (file.line(lineRow).flags & CompactLine::Context) != 0;
    case IsFileRole:
        return false;
    case ClippedRole:
        return ((file.line(lineRow).flags & CompactLine::ClippedLeft) ? 1 : 0)
               | ((file.line(lineRow).flags & CompactLine::ClippedRight) ? 2 : 0);
    case ColumnRole:
        return QVariant::fromValue<qulonglong>(file.view(lineRow).column);
    case MoreLinesRole:
        return static_cast<int>(file.view(lineRow).moreLines);
    case LastLineEndRole:
        return QVariant::fromValue<qulonglong>(file.view(lineRow).lastLineEnd);
    case FilePathRole:
    case Qt::ToolTipRole:
        return file.path();
    case RelativePathRole:
        return file.relativePath();
    default:
        return {};
    }
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section != 0 || orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (files_.empty())
        return tr("Results");
    return tr("%1 in %2", "%1: the number of matches, %2: the number of files")
        .arg(matchCountText(matches_), fileCountText(files_.size()));
}

bool ResultsModel::isMatchRow(std::size_t id, std::size_t lineRow) const
{
    return (files_[id].line(lineRow).flags & CompactLine::Context) == 0;
}

QModelIndex ResultsModel::adjacentMatch(const QModelIndex& from, bool forward) const
{
    if (files_.empty())
        return {};
    // Position as (file row, line); a file row sits before its first line; invalid = before all
    // (forward) or after all (backward).
    const auto fileCount = static_cast<long long>(files_.size());
    const auto lineCount = [this](long long row) {
        return static_cast<long long>(file(static_cast<std::size_t>(row)).lineCount());
    };
    long long f = forward ? 0 : fileCount - 1;
    long long l = forward ? -1 : lineCount(f);
    if (from.isValid()) {
        if (from.internalId() == kFileRowId) {
            f = from.row();
            l = forward ? -1 : 0;
            if (!forward) {  // before the file row: continue in the previous file
                f = f == 0 ? fileCount - 1 : f - 1;
                l = lineCount(f);
            }
        } else {
            f = static_cast<long long>(rows_.rowOf(static_cast<std::uint32_t>(from.internalId() - 1)));
            l = from.row();
        }
    }
    for (long long step = 0; step <= fileCount; ++step) {
        const std::uint32_t id = rows_.idAt(static_cast<std::size_t>(f));
        const auto lines = static_cast<long long>(files_[id].lineCount());
        for (l += forward ? 1 : -1; l >= 0 && l < lines; l += forward ? 1 : -1) {
            if (isMatchRow(id, static_cast<std::size_t>(l)))
                return createIndex(static_cast<int>(l), 0, static_cast<quintptr>(id) + 1);
        }
        f = forward ? (f + 1) % fileCount : (f + fileCount - 1) % fileCount;
        l = forward ? -1 : lineCount(f);
    }
    return {};
}

}  // namespace codescout::gui

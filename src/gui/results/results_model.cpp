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

void ResultsModel::appendFiles(std::vector<CompactFile>&& files)
{
    if (files.empty())
        return;
    const auto first = static_cast<int>(files_.size());
    beginInsertRows({}, first, first + static_cast<int>(files.size()) - 1);
    for (CompactFile& file : files) {
        matches_ += file.matches();
        lineRows_ += file.lineCount();
        filesHeapBytes_ += file.heapBytes();
        files_.push_back(std::move(file));
    }
    endInsertRows();
    reportMemory();
    emit headerDataChanged(Qt::Horizontal, 0, 0);
    emit countsChanged();
}

void ResultsModel::clear()
{
    beginResetModel();
    files_.clear();
    files_.shrink_to_fit();
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
    return files_.capacity() * sizeof(CompactFile) + filesHeapBytes_;
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
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex ResultsModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kFileRowId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kFileRowId);
}

int ResultsModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(files_.size());
    if (parent.column() != 0 || parent.internalId() != kFileRowId)
        return 0;
    return static_cast<int>(files_[static_cast<std::size_t>(parent.row())].lineCount());
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
        return fileData(static_cast<std::size_t>(index.row()), role);
    return lineData(index.internalId() - 1, static_cast<std::size_t>(index.row()), role);
}

QString ResultsModel::binaryNote(const CompactFile& file)
{
    if (file.binaryCut() == UINT64_MAX)
        return {};
    return tr("binary file: matches after byte %1 not shown").arg(QLocale().toString(file.binaryCut()));
}

QVariant ResultsModel::fileData(std::size_t fileRow, int role) const
{
    const CompactFile& file = files_[fileRow];
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

QVariant ResultsModel::lineData(std::size_t fileRow, std::size_t lineRow, int role) const
{
    const CompactFile& file = files_[fileRow];
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

bool ResultsModel::isMatchRow(std::size_t fileRow, std::size_t lineRow) const
{
    return (files_[fileRow].line(lineRow).flags & CompactLine::Context) == 0;
}

QModelIndex ResultsModel::adjacentMatch(const QModelIndex& from, bool forward) const
{
    if (files_.empty())
        return {};
    // Position as (file, line); a file row sits before its first line; invalid = before all
    // (forward) or after all (backward).
    const auto fileCount = static_cast<long long>(files_.size());
    long long f = forward ? 0 : fileCount - 1;
    long long l = forward ? -1 : static_cast<long long>(files_[static_cast<std::size_t>(f)].lineCount());
    if (from.isValid()) {
        if (from.internalId() == kFileRowId) {
            f = from.row();
            l = forward ? -1 : 0;
            if (!forward) {  // before the file row: continue in the previous file
                f = f == 0 ? fileCount - 1 : f - 1;
                l = static_cast<long long>(files_[static_cast<std::size_t>(f)].lineCount());
            }
        } else {
            f = static_cast<long long>(from.internalId() - 1);
            l = from.row();
        }
    }
    for (long long step = 0; step <= fileCount; ++step) {
        const CompactFile& file = files_[static_cast<std::size_t>(f)];
        const auto lines = static_cast<long long>(file.lineCount());
        for (l += forward ? 1 : -1; l >= 0 && l < lines; l += forward ? 1 : -1) {
            if (isMatchRow(static_cast<std::size_t>(f), static_cast<std::size_t>(l)))
                return createIndex(static_cast<int>(l), 0, static_cast<quintptr>(f) + 1);
        }
        f = forward ? (f + 1) % fileCount : (f + fileCount - 1) % fileCount;
        l = forward ? -1 : static_cast<long long>(files_[static_cast<std::size_t>(f)].lineCount());
    }
    return {};
}

}  // namespace codescout::gui

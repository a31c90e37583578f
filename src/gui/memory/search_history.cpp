// SearchHistory: the table model and its CSV form.
#include "gui/memory/search_history.h"

#include <QList>
#include <QLocale>

#include "gui/memory/byte_format.h"

namespace codescout::gui {

namespace {

const QByteArray kHeader = QByteArrayLiteral(
    "pattern,finished_utc,duration_ms,peak_heap_bytes_sampled,peak_resident_bytes_sampled,"
    "small_files,buffered_files,mmap_files,cache_hits,cache_misses");

QByteArray quoted(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r'))
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

QByteArray optionalNumber(const std::optional<std::uint64_t>& value)
{
    return value ? QByteArray::number(static_cast<qulonglong>(*value)) : QByteArray();
}

// One CSV record from `csv` at `pos` (RFC 4180 quoting; a quoted field may hold line breaks).
std::optional<QList<QByteArray>> readRecord(const QByteArray& csv, qsizetype& pos)
{
    QList<QByteArray> fields;
    QByteArray field;
    bool inQuotes = false;
    while (pos < csv.size()) {
        const char c = csv[pos++];
        if (inQuotes) {
            if (c != '"') {
                field += c;
            } else if (pos < csv.size() && csv[pos] == '"') {
                field += '"';
                ++pos;
            } else {
                inQuotes = false;
            }
        } else if (c == '"') {
            inQuotes = true;
        } else if (c == ',') {
            fields << field;
            field.clear();
        } else if (c == '\n') {
            fields << field;
            return fields;
        } else {
            field += c;
        }
    }
    if (inQuotes)
        return std::nullopt;
    fields << field;
    return fields;
}

std::optional<std::uint64_t> parseNumber(const QByteArray& field, bool& ok)
{
    if (field.isEmpty())
        return std::nullopt;
    bool parsed = false;
    const qulonglong value = field.toULongLong(&parsed);
    ok = ok && parsed;
    return value;
}

}  // namespace

SearchHistory::SearchHistory(QObject* parent) : QAbstractTableModel(parent) {}

void SearchHistory::add(const SearchRecord& record)
{
    if (static_cast<int>(records_.size()) >= limit_) {
        beginRemoveRows({}, 0, 0);
        records_.pop_front();
        endRemoveRows();
    }
    const int row = static_cast<int>(records_.size());
    beginInsertRows({}, row, row);
    records_.push_back(record);
    endInsertRows();
}

void SearchHistory::raiseLastPeaks(std::optional<std::uint64_t> heap, std::optional<std::uint64_t> resident)
{
    if (records_.empty())
        return;
    SearchRecord& last = records_.back();
    const auto raise = [](std::optional<std::uint64_t>& peak, std::optional<std::uint64_t> value) {
        if (value && *value > peak.value_or(0))
            peak = value;
    };
    raise(last.peak_heap, heap);
    raise(last.peak_resident, resident);
    const int row = static_cast<int>(records_.size()) - 1;
    emit dataChanged(index(row, PeakHeap), index(row, PeakResident));
}

void SearchHistory::clear()
{
    beginResetModel();
    records_.clear();
    endResetModel();
}

QByteArray SearchHistory::toCsv() const
{
    QByteArray out = kHeader + '\n';
    for (const SearchRecord& r : records_) {
        out += quoted(r.pattern) + ',' + r.finished.toUTC().toString(Qt::ISODateWithMs).toUtf8() + ','
               + QByteArray::number(static_cast<qlonglong>(r.duration_ms)) + ','
               + optionalNumber(r.peak_heap) + ',' + optionalNumber(r.peak_resident);
        for (std::uint64_t value : {r.small_files, r.buffered_files, r.mmap_files, r.cache_hits, r.cache_misses})
            out += ',' + QByteArray::number(static_cast<qulonglong>(value));
        out += '\n';
    }
    return out;
}

std::optional<std::vector<SearchRecord>> SearchHistory::fromCsv(const QByteArray& csv)
{
    qsizetype pos = 0;
    const auto header = readRecord(csv, pos);
    if (!header || header->join(',') != kHeader)
        return std::nullopt;
    std::vector<SearchRecord> out;
    while (pos < csv.size()) {
        const auto fields = readRecord(csv, pos);
        if (!fields || fields->size() != ColumnCount)
            return std::nullopt;
        bool ok = true;
        SearchRecord r;
        r.pattern = QString::fromUtf8(fields->at(Pattern));
        r.finished = QDateTime::fromString(QString::fromUtf8(fields->at(Finished)), Qt::ISODateWithMs);
        r.duration_ms = fields->at(Duration).toLongLong(&ok);
        r.peak_heap = parseNumber(fields->at(PeakHeap), ok);
        r.peak_resident = parseNumber(fields->at(PeakResident), ok);
        std::uint64_t* counts[] = {&r.small_files, &r.buffered_files, &r.mmap_files, &r.cache_hits, &r.cache_misses};
        for (int i = 0; i < 5; ++i) {
            const auto value = parseNumber(fields->at(SmallFiles + i), ok);
            ok = ok && value.has_value();
            *counts[i] = value.value_or(0);
        }
        if (!ok || !r.finished.isValid())
            return std::nullopt;
        out.push_back(std::move(r));
    }
    return out;
}

int SearchHistory::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(records_.size());
}

int SearchHistory::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchHistory::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || role != Qt::DisplayRole)
        return {};
    const SearchRecord& r = records_.at(static_cast<std::size_t>(index.row()));
    const QLocale locale;
    const auto bytes = [](const std::optional<std::uint64_t>& v) {
        return v ? formatBytes(*v) : tr("unavailable");
    };
    switch (index.column()) {
    case Pattern: return r.pattern;
    case Finished: return locale.toString(r.finished.toLocalTime().time(), QLocale::ShortFormat);
    case Duration: return tr("%1 s").arg(locale.toString(static_cast<double>(r.duration_ms) / 1000.0, 'f', 2));
    case PeakHeap: return bytes(r.peak_heap);
    case PeakResident: return bytes(r.peak_resident);
    case SmallFiles: return locale.toString(static_cast<qulonglong>(r.small_files));
    case BufferedFiles: return locale.toString(static_cast<qulonglong>(r.buffered_files));
    case MmapFiles: return locale.toString(static_cast<qulonglong>(r.mmap_files));
    case CacheHits: return locale.toString(static_cast<qulonglong>(r.cache_hits));
    case CacheMisses: return locale.toString(static_cast<qulonglong>(r.cache_misses));
    default: return {};
    }
}

QVariant SearchHistory::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Pattern: return tr("Pattern");
    case Finished: return tr("Finished");
    case Duration: return tr("Time");
    case PeakHeap: return tr("Peak heap (sampled)");
    case PeakResident: return tr("Peak resident (sampled)");
    case SmallFiles: return tr("Small files");
    case BufferedFiles: return tr("Buffered files");
    case MmapFiles: return tr("Mapped files");
    case CacheHits: return tr("Cache hits");
    case CacheMisses: return tr("Cache misses");
    default: return {};
    }
}

}  // namespace codescout::gui

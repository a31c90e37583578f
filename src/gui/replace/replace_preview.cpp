// ReplacePreview (see the header).
#include "gui/replace/replace_preview.h"

#include <QModelIndex>

#include "core/search/replacer.h"
#include "gui/replace/replace_selection.h"
#include "gui/results/results_model.h"

namespace codescout::gui {

namespace {

struct Rows {
    std::size_t file = 0;
    std::size_t line = 0;
    bool isLine = false;
};

Rows rowsOf(const QModelIndex& index)
{
    if (index.parent().isValid())
        return {static_cast<std::size_t>(index.parent().row()), static_cast<std::size_t>(index.row()), true};
    return {static_cast<std::size_t>(index.row()), 0, false};
}

}  // namespace

ReplacePreview::ReplacePreview(const ResultsModel& model, ReplaceSelection& selection, QObject* parent)
    : QObject(parent), model_(model), selection_(selection)
{
    connect(&selection_, &ReplaceSelection::changed, this, &ReplacePreview::changed);
}

ReplacePreview::~ReplacePreview() = default;

void ReplacePreview::setSearch(const SearchOptions& search)
{
    search_ = search;
    rebuild();
}

void ReplacePreview::setReplacement(const QString& text, bool preserveCase)
{
    if (text == replacement_ && preserveCase == preserveCase_)
        return;
    replacement_ = text;
    preserveCase_ = preserveCase;
    rebuild();
}

void ReplacePreview::setCheckable(bool on)
{
    if (on == checkable_)
        return;
    checkable_ = on;
    emit changed();
}

void ReplacePreview::rebuild()
{
    replacer_.reset();
    if (!search_.pattern.patterns.empty()) {
        try {
            replacer_ = std::make_unique<const Replacer>(search_.pattern, replacement_.toStdString(),
                                                         ReplaceOptions{preserveCase_});
        } catch (const std::exception&) {
            // The search's own patterns compiled; a failure here leaves the preview off.
        }
    }
    emit changed();
}

Qt::CheckState ReplacePreview::checkState(const QModelIndex& index) const
{
    const Rows rows = rowsOf(index);
    if (!rows.isLine)
        return selection_.fileState(rows.file);
    if (model_.file(rows.file).line(rows.line).spanCount == 0)
        return Qt::Checked;
    return selection_.lineState(rows.file, rows.line);
}

void ReplacePreview::toggle(const QModelIndex& index)
{
    const Rows rows = rowsOf(index);
    if (!rows.isLine)
        selection_.toggleFile(rows.file);
    else if (model_.file(rows.file).line(rows.line).spanCount > 0)
        selection_.toggleLine(rows.file, rows.line);
}

void ReplacePreview::toggleMatch(const QModelIndex& lineIndex, int match)
{
    const Rows rows = rowsOf(lineIndex);
    if (!rows.isLine || match < 0)
        return;
    const CompactLine& line = model_.file(rows.file).line(rows.line);
    if (match >= line.spanCount)
        return;
    const auto ordinal = static_cast<std::uint32_t>(match);
    selection_.setMatchChosen(rows.file, line.number, ordinal, !selection_.isChosen(rows.file, line.number, ordinal));
}

QStringList ReplacePreview::replacements(const QModelIndex& lineIndex) const
{
    QStringList out;
    const Rows rows = rowsOf(lineIndex);
    if (!replacer_ || !rows.isLine)
        return out;
    const LineView view = model_.file(rows.file).view(rows.line);
    std::string expanded;
    for (const CompactSpan& span : view.spans) {
        expanded.clear();
        replacer_->expand_match(view.text, MatchSpan{span.begin, span.end}, expanded);
        out.append(QString::fromUtf8(expanded.data(), static_cast<qsizetype>(expanded.size())));
    }
    return out;
}

InlinePreview ReplacePreview::inlineFor(const QModelIndex& lineIndex, const QString& text, qsizetype lead) const
{
    const Rows rows = rowsOf(lineIndex);
    QList<int> spans = lineIndex.data(ResultsModel::MatchSpansRole).value<QList<int>>();
    for (int& s : spans)
        s += static_cast<int>(lead);
    QList<bool> chosen;
    if (rows.isLine) {
        const CompactLine& line = model_.file(rows.file).line(rows.line);
        for (std::uint32_t m = 0; m < line.spanCount; ++m)
            chosen.append(selection_.isChosen(rows.file, line.number, m));
    }
    return composeInline(text, spans, replacements(lineIndex), chosen);
}

}  // namespace codescout::gui

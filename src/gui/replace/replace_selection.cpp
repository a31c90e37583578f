// ReplaceSelection (see the header).
#include "gui/replace/replace_selection.h"

#include "gui/results/results_model.h"

namespace codescout::gui {

ReplaceSelection::ReplaceSelection(const ResultsModel& model, QObject* parent) : QObject(parent), model_(model) {}

void ReplaceSelection::reset()
{
    choices_.clear();
}

std::size_t ReplaceSelection::matchesShown(std::size_t fileRow) const
{
    const CompactFile& file = model_.file(fileRow);
    std::size_t n = 0;
    for (std::size_t i = 0; i < file.lineCount(); ++i)
        n += file.line(i).spanCount;
    return n;
}

Qt::CheckState ReplaceSelection::fileState(std::size_t fileRow) const
{
    const auto it = choices_.find(fileRow);
    if (it == choices_.end() || (!it->second.off && it->second.excluded.empty()))
        return Qt::Checked;
    if (it->second.off || it->second.excluded.size() >= matchesShown(fileRow))
        return Qt::Unchecked;
    return Qt::PartiallyChecked;
}

Qt::CheckState ReplaceSelection::lineState(std::size_t fileRow, std::size_t lineRow) const
{
    const CompactLine& line = model_.file(fileRow).line(lineRow);
    std::size_t chosen = 0;
    for (std::uint32_t i = 0; i < line.spanCount; ++i)
        chosen += isChosen(fileRow, line.number, i) ? 1 : 0;
    return chosen == 0 ? Qt::Unchecked : chosen == line.spanCount ? Qt::Checked : Qt::PartiallyChecked;
}

bool ReplaceSelection::isChosen(std::size_t fileRow, std::uint64_t line, std::uint32_t ordinal) const
{
    const auto it = choices_.find(fileRow);
    if (it == choices_.end())
        return true;
    return !it->second.off && !it->second.excluded.contains(key(line, ordinal));
}

void ReplaceSelection::expandOff(std::size_t fileRow, FileChoice& choice)
{
    if (!choice.off)
        return;
    choice.off = false;
    choice.excluded.clear();
    const CompactFile& file = model_.file(fileRow);
    for (std::size_t i = 0; i < file.lineCount(); ++i) {
        const CompactLine& line = file.line(i);
        for (std::uint32_t m = 0; m < line.spanCount; ++m)
            choice.excluded.insert(key(line.number, m));
    }
}

void ReplaceSelection::toggleFile(std::size_t fileRow)
{
    if (fileState(fileRow) == Qt::Unchecked)
        choices_.erase(fileRow);
    else
        choices_[fileRow] = FileChoice{true, {}};
    emit changed(fileRow);
}

void ReplaceSelection::toggleLine(std::size_t fileRow, std::size_t lineRow)
{
    const bool choose = lineState(fileRow, lineRow) != Qt::Checked;
    const CompactLine& line = model_.file(fileRow).line(lineRow);
    FileChoice& choice = choices_[fileRow];
    expandOff(fileRow, choice);
    for (std::uint32_t m = 0; m < line.spanCount; ++m) {
        if (choose)
            choice.excluded.erase(key(line.number, m));
        else
            choice.excluded.insert(key(line.number, m));
    }
    if (choice.excluded.empty())
        choices_.erase(fileRow);
    emit changed(fileRow);
}

void ReplaceSelection::setMatchChosen(std::size_t fileRow, std::uint64_t line, std::uint32_t ordinal, bool chosen)
{
    FileChoice& choice = choices_[fileRow];
    expandOff(fileRow, choice);
    if (chosen)
        choice.excluded.erase(key(line, ordinal));
    else
        choice.excluded.insert(key(line, ordinal));
    if (choice.excluded.empty())
        choices_.erase(fileRow);
    emit changed(fileRow);
}

bool ReplaceSelection::anyChosen(std::size_t fileRow) const
{
    return fileState(fileRow) != Qt::Unchecked;
}

std::function<bool(std::uint64_t, std::uint32_t)> ReplaceSelection::chooser(std::size_t fileRow) const
{
    const auto it = choices_.find(fileRow);
    if (it == choices_.end())
        return [](std::uint64_t, std::uint32_t) { return true; };
    if (it->second.off)
        return [](std::uint64_t, std::uint32_t) { return false; };
    // Per line, how many matches the list shows: a match past them goes with the last one shown.
    const CompactFile& file = model_.file(fileRow);
    std::unordered_map<std::uint64_t, std::uint32_t> shown;
    for (std::size_t i = 0; i < file.lineCount(); ++i) {
        const CompactLine& line = file.line(i);
        if (line.spanCount > 0)
            shown[line.number] = line.spanCount;
    }
    return [excluded = it->second.excluded, shown = std::move(shown)](std::uint64_t line, std::uint32_t ordinal) {
        const auto count = shown.find(line);
        if (count != shown.end() && ordinal >= count->second)
            ordinal = count->second - 1;
        return !excluded.contains(key(line, ordinal));
    };
}

}  // namespace codescout::gui

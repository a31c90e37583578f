// Which matches of the results the user wants replaced: every match and every file starts
// checked; the user unchecks files, lines or single matches. Only the exceptions are stored
// (a file switched off, a set of excluded matches per file), so a million checked matches cost
// nothing. A match is named by its line number and its ordinal among the line's matches — the
// names the edit layer gives the matches it finds again at apply time (core/edit/match_edits.h).
// Matches a long line has beyond what the results list kept (CompactFile clips long lines) follow
// the line's last match shown.
#pragma once

#include <QObject>

#include <cstdint>
#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace codescout::gui {

class ResultsModel;

class ReplaceSelection : public QObject {
    Q_OBJECT
public:
    explicit ReplaceSelection(const ResultsModel& model, QObject* parent = nullptr);

    Qt::CheckState fileState(std::size_t fileRow) const;
    Qt::CheckState lineState(std::size_t fileRow, std::size_t lineRow) const;
    bool isChosen(std::size_t fileRow, std::uint64_t line, std::uint32_t ordinal) const;

    // Checked (and partly checked) becomes unchecked; unchecked becomes checked.
    void toggleFile(std::size_t fileRow);
    void toggleLine(std::size_t fileRow, std::size_t lineRow);
    void setMatchChosen(std::size_t fileRow, std::uint64_t line, std::uint32_t ordinal, bool chosen);

    // The chosen matches of a file, as the edit layer asks (thread-safe copy: the apply runs off
    // the GUI thread while the user may keep clicking).
    std::function<bool(std::uint64_t line, std::uint32_t ordinal)> chooser(std::size_t fileRow) const;
    // Files with at least one chosen match.
    bool anyChosen(std::size_t fileRow) const;

    // Everything checked again (a new search).
    void reset();

signals:
    void changed(std::size_t fileRow);

private:
    static std::uint64_t key(std::uint64_t line, std::uint32_t ordinal) { return (line << 8) | (ordinal & 0xff); }
    struct FileChoice {
        bool off = false;
        std::unordered_set<std::uint64_t> excluded;  // key(line, ordinal), meaningful while !off
    };
    // Turns a file that is off into the explicit list of all its shown matches excluded, so that
    // one line or match of it can then be checked.
    void expandOff(std::size_t fileRow, FileChoice& choice);
    std::size_t matchesShown(std::size_t fileRow) const;

    const ResultsModel& model_;
    std::unordered_map<std::size_t, FileChoice> choices_;
};

}  // namespace codescout::gui

// The index in the memory dock (issue 12): the open index's mapping, mapped and resident bytes
// (the same ranges the attribution's "index_mapping" component measures through smaps; here by
// mincore, every second while visible), and what the index did for the last search: candidate
// files against the files in the tree, files skipped unopened, and the bytes the engine read to
// verify the candidates.
#pragma once

#include <QTimer>
#include <QWidget>

#include <cstdint>

class QLabel;

namespace codescout {
struct IndexUse;
struct SearchSummary;
}  // namespace codescout

namespace codescout::gui {

class IndexManager;

class IndexPanel : public QWidget {
    Q_OBJECT
public:
    explicit IndexPanel(IndexManager* manager, QWidget* parent = nullptr);

    // After a search ended: `use` is null when the search was not indexed.
    void recordSearch(const IndexUse* use, const SearchSummary& summary);

    QString mappingText() const;
    QString searchText() const;

    // Bytes and resident bytes of the engine's open index mappings, now.
    struct Mapping {
        std::uint64_t mapped = 0;
        std::uint64_t resident = 0;
    };
    static Mapping measureMappings();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void refreshMapping();

    IndexManager* manager_;
    QLabel* mapping_;
    QLabel* search_;
    QTimer timer_;
};

}  // namespace codescout::gui

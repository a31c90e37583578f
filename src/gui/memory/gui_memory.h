// The GUI's share of the memory attribution (issue 8, item 1): the results model, the preview
// document, the syntax definition repository and the chart sample buffers. Each owner holds a
// GuiBytes and sets what it holds whenever that changes (on the GUI thread); the sampler's worker
// thread reads the sums with relaxed atomic loads, so measuring never waits for the GUI thread.
// Deltas, not absolute values: two results models (tests, a second window) add up instead of
// overwriting each other, and a destroyed owner takes its bytes back.
//
// Every GUI component lives on the heap, so attributeWithGui() takes it out of "other heap" (the
// allocator's in-use bytes minus the engine's): the components still add up to resident, and
// "unattributed" stays the honest remainder. A component whose owner cannot measure it stays
// unavailable (nullopt), never zero.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/metrics/memory_attribution.h"

namespace codescout::gui {

enum class GuiComponent : std::size_t {
    Results,           // ResultsModel: the files' arenas and line records, and the file table
    Preview,           // the preview's QTextDocument text (see PreviewPane::reportMemory)
    SyntaxRepository,  // KSyntaxHighlighting::Repository as loaded (see syntax_repository.cpp)
    ChartSamples,      // the memory view's sample rings (capacity x sizeof)
    Count
};
inline constexpr std::size_t kGuiComponentCount = static_cast<std::size_t>(GuiComponent::Count);

// The stable name, as in the engine's components ("gui_results", ...).
const char* guiComponentName(GuiComponent component);

struct GuiMemorySnapshot {
    std::array<std::optional<std::int64_t>, kGuiComponentCount> bytes{};
    std::optional<std::int64_t> operator[](GuiComponent c) const {
        return bytes[static_cast<std::size_t>(c)];
    }
};

class GuiMemory {
public:
    // Any thread. The first add() makes the component available.
    void add(GuiComponent component, std::int64_t delta);
    GuiMemorySnapshot snapshot() const;

private:
    std::array<std::atomic<std::int64_t>, kGuiComponentCount> bytes_{};
    // A component nobody has measured yet is unavailable, not zero bytes.
    std::array<std::atomic<bool>, kGuiComponentCount> available_{};
};

// The one instance of the process.
GuiMemory& guiMemory();

// What one owner holds in one component; the destructor gives it all back.
class GuiBytes {
public:
    explicit GuiBytes(GuiComponent component);
    ~GuiBytes();
    GuiBytes(const GuiBytes&) = delete;
    GuiBytes& operator=(const GuiBytes&) = delete;

    void set(std::uint64_t bytes);
    std::uint64_t bytes() const { return bytes_; }

private:
    GuiComponent component_;
    std::uint64_t bytes_ = 0;
};

// `engine` with the GUI components inserted after the engine's heap components. They are taken
// out of "other_heap" (they are part of the allocator's in-use figure); when other_heap is
// unavailable they are taken out of "unattributed" instead, so the sum still equals resident.
MemoryAttribution attributeWithGui(MemoryAttribution engine, const GuiMemorySnapshot& gui);

}  // namespace codescout::gui

// GuiMemory: the GUI components of the attribution and how they join the engine's.
#include "gui/memory/gui_memory.h"

#include <algorithm>
#include <iterator>

namespace codescout::gui {

const char* guiComponentName(GuiComponent component)
{
    switch (component) {
    case GuiComponent::Results: return "gui_results";
    case GuiComponent::Preview: return "gui_preview";
    case GuiComponent::SyntaxRepository: return "gui_syntax_repository";
    case GuiComponent::ChartSamples: return "gui_chart_samples";
    case GuiComponent::Count: break;
    }
    return "gui_unknown";
}

void GuiMemory::add(GuiComponent component, std::int64_t delta)
{
    const auto i = static_cast<std::size_t>(component);
    bytes_[i].fetch_add(delta, std::memory_order_relaxed);
    available_[i].store(true, std::memory_order_relaxed);
}

GuiMemorySnapshot GuiMemory::snapshot() const
{
    GuiMemorySnapshot out;
    for (std::size_t i = 0; i < kGuiComponentCount; ++i) {
        if (available_[i].load(std::memory_order_relaxed))
            out.bytes[i] = bytes_[i].load(std::memory_order_relaxed);
    }
    return out;
}

GuiMemory& guiMemory()
{
    static GuiMemory instance;
    return instance;
}

GuiBytes::GuiBytes(GuiComponent component) : component_(component)
{
    guiMemory().add(component_, 0);  // the owner exists: its component is measured from now on
}

GuiBytes::~GuiBytes() { set(0); }

void GuiBytes::set(std::uint64_t bytes)
{
    guiMemory().add(component_, static_cast<std::int64_t>(bytes) - static_cast<std::int64_t>(bytes_));
    bytes_ = bytes;
}

MemoryAttribution attributeWithGui(MemoryAttribution engine, const GuiMemorySnapshot& gui)
{
    std::int64_t guiBytes = 0;
    std::vector<MemoryComponent> added;
    for (std::size_t i = 0; i < kGuiComponentCount; ++i) {
        added.push_back({guiComponentName(static_cast<GuiComponent>(i)), gui.bytes[i], true});
        guiBytes += gui.bytes[i].value_or(0);
    }
    auto& components = engine.components;
    auto otherHeap = std::find_if(components.begin(), components.end(),
                                  [](const MemoryComponent& c) { return c.name == "other_heap"; });
    // Without other_heap (no allocator figures) the GUI bytes were part of the remainder.
    MemoryComponent* donor = nullptr;
    if (otherHeap != components.end() && otherHeap->bytes) {
        donor = &*otherHeap;
    } else {
        for (MemoryComponent& c : components) {
            if (c.name == "unattributed" && c.bytes)
                donor = &c;
        }
    }
    if (donor)
        *donor->bytes -= guiBytes;
    const auto at = otherHeap != components.end() ? std::distance(components.begin(), otherHeap)
                                                  : static_cast<std::ptrdiff_t>(components.size());
    components.insert(components.begin() + at, added.begin(), added.end());
    return engine;
}

}  // namespace codescout::gui

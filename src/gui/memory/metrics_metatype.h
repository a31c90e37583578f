// Qt meta-type declarations for the engine's plain structs that travel through queued signals
// (the sampler's and the probe's readings). One place, so every user agrees on the declaration.
#pragma once

#include <QMetaType>

#include "core/metrics/memory_attribution.h"
#include "core/metrics/memory_metrics.h"
#include "gui/memory/probe_reading.h"

Q_DECLARE_METATYPE(codescout::MetricsSnapshot)
Q_DECLARE_METATYPE(codescout::MemoryAttribution)
Q_DECLARE_METATYPE(codescout::gui::ProbeReading)

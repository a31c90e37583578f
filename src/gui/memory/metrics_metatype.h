// Makes codescout::MetricsSnapshot a Qt metatype, so it can travel through signals, including
// queued connections across threads (the sampler may live on another thread than the view).
#pragma once

#include <QMetaType>

#include "core/metrics/memory_attribution.h"
#include "core/metrics/memory_metrics.h"

Q_DECLARE_METATYPE(codescout::MetricsSnapshot)
Q_DECLARE_METATYPE(codescout::MemoryAttribution)

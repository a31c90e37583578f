// Prometheus and cell text for collector readings (see collector_format.h).
#include "core/collectors/collector_format.h"

#include <charconv>
#include <cmath>

namespace codescout::collectors {

std::string format_value(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
    char text[64];
    const auto result = std::to_chars(text, text + sizeof text, value);
    return std::string(text, result.ptr);
}

std::string format_prometheus(const CollectorSnapshot& snapshot) {
    std::string out;
    for (const CollectorReading& r : snapshot) {
        const std::string& name = r.series.name;
        out += "# HELP " + name + " " + r.series.help + " (" + r.series.unit + "; collector " + r.series.collector + ")\n";
        out += "# TYPE " + name + (r.series.type == SeriesType::Counter ? " counter\n" : " gauge\n");
        if (r.stale) {
            out += "# " + name + " is stale: the collector did not answer in time\n";
        } else if (r.state == ValueState::Unavailable) {
            out += "# " + name + " is unavailable on this system\n";
        } else if (r.state == ValueState::Unlimited) {
            out += "# " + name + " is unlimited\n";
            out += name + " +Inf\n";
        } else {
            out += name + " " + format_value(r.value) + "\n";
        }
    }
    return out;
}

std::string format_cell(const CollectorReading& reading) {
    switch (reading.state) {
    case ValueState::Ok: return format_value(reading.value);
    case ValueState::Unlimited: return "unlimited";
    case ValueState::Unavailable: break;
    }
    return {};
}

}  // namespace codescout::collectors

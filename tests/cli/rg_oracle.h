// What the tests that hold codescout-cli against ripgrep share: where rg is, where two outputs
// first differ (for failure messages), and a deterministic generator for random cases.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>

// rg on the PATH; empty when it is not installed (the tests then skip).
QString rg_path();

// Where two outputs first differ, with a little context.
QString first_difference(const QByteArray& ours, const QByteArray& theirs);

// A deterministic generator, so that a failure can be reproduced from its seed.
class Lcg {
public:
    explicit Lcg(std::uint32_t seed) : state_(seed) {}
    std::uint32_t next(std::uint32_t bound) {
        state_ = state_ * 1664525u + 1013904223u;
        return (state_ >> 8) % bound;
    }

private:
    std::uint32_t state_;
};

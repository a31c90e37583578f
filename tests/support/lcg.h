// A deterministic generator for randomized tests, so that a failure can be reproduced from its
// seed on any platform (std::uniform_int_distribution's output is not specified across libraries).
#pragma once

#include <cstdint>

class Lcg {
public:
    explicit Lcg(std::uint32_t seed) : state_(seed) {}
    // A number in [0, bound).
    std::uint32_t next(std::uint32_t bound) {
        state_ = state_ * 1664525u + 1013904223u;
        return (state_ >> 8) % bound;
    }

private:
    std::uint32_t state_;
};

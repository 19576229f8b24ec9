// How the writers print numbers, one way for all of them.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>

namespace resdraft::report {

// `x` rounded to 3 decimals, for JSON.
inline double rounded(double x) { return std::round(x * 1000.0) / 1000.0; }

// `x` with 2 decimals, for text, CSV and HTML ("0.75").
inline std::string fixed(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    return buf;
}

}  // namespace resdraft::report

// How a long computation tells its caller how far it has got, without printing: analysis/ never prints,
// cli/ decides whether and where the steps are shown.
#pragma once

#include <functional>
#include <string>

namespace resdraft::analysis {

// Told each step as it starts ("aligning draft paragraph 120 of 2000"); empty when nobody listens.
using progress_callback = std::function<void(const std::string&)>;

// Tells `progress` `what`, when it is set.
inline void tell(const progress_callback& progress, const std::string& what) {
    if (progress) progress(what);
}

}  // namespace resdraft::analysis

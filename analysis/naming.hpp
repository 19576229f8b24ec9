// How every report names a paragraph, so that a delegate can cite it: "A/RES/80/45 ¶3", "A/68/L.5 annex
// ¶17/2" (the second clause of annex paragraph 17), "A/RES/80/19 pp2" (a preambular paragraph, cited
// without ¶).
#pragma once

#include <string>
#include <string_view>

namespace resdraft::analysis {

// `document` is the symbol, or the file name when the text names none; `part` "body" is left out; ids
// "ppN" are preambular.
inline std::string paragraph_name(std::string_view document, std::string_view part, std::string_view id) {
    std::string name(document);
    if (!part.empty() && part != "body") name.append(" ").append(part);
    name.append(id.starts_with("pp") ? " " : " \xC2\xB6").append(id);
    return name;
}

}  // namespace resdraft::analysis

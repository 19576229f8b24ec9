// Numbers as the command line takes them: strictly, so "3abc", "2.5", "1e3" and "-1" are refused, not
// read as 3, 2, 1 and 4294967295.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace resdraft::cli {

// The number `text` spells in decimal digits only ("007" is 7) when it lies in [min, max]. Nothing for an
// empty text, a sign, a fraction, an exponent, trailing characters, or a number out of range.
std::optional<std::uint64_t> parse_whole_number(std::string_view text, std::uint64_t min, std::uint64_t max);

// A byte count as --max-input takes it: a whole number, optionally followed by K, M or G (binary units:
// KiB, MiB, GiB; either case). Nothing for anything else, for 0, and for a size std::size_t cannot hold.
std::optional<std::size_t> parse_size(std::string_view text);

// `bytes` as a reader writes it: "256 MiB" when it is a whole number of GiB, MiB or KiB, else "1000 B".
std::string format_size(std::size_t bytes);

}  // namespace resdraft::cli

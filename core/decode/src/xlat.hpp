// Symbolic names for numeric constants (strace calls these tables "xlat"), and the
// generic ways of rendering a value with them.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace golden::detail {

struct Xlat {
  std::uint64_t value;
  std::string_view name;
};
using XlatTable = std::span<const Xlat>;

// "0x1f", or "0" for zero.
std::string hex_text(std::uint64_t v);
// strace's printflags: the entries whose bits are all set in `v`, in table order (put
// multi-bit entries before their parts), joined with '|', then leftover bits in hex
// ("O_RDWR|0x40000000"). No entry at all: the value in hex with a comment when
// `unknown_prefix` is given ("0x60 /* SOCK_??? */"). v == 0: the table's 0-valued entry,
// else `zero`.
std::string flags_text(std::uint64_t v, XlatTable table, std::string_view zero = "0",
                       std::string_view unknown_prefix = "");
// The name of `v`, or for an unknown value `0x12 /* PREFIX??? */` (strace's style), or
// plain decimal when `unknown_prefix` is empty.
std::string enum_text(std::uint64_t v, XlatTable table, std::string_view unknown_prefix = "");
// The name of `v` or an empty view.
std::string_view lookup(std::uint64_t v, XlatTable table);

}  // namespace golden::detail

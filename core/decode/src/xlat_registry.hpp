// The syscall table's XlatId column resolved to golden::decode's constant tables, and
// strace's two ways of showing a value with one: as a named constant (printxval) or as
// a set of flags (printflags).
#pragma once

#include <cstdint>
#include <string>

#include "golden/syscalls/syscall_table.hpp"
#include "xlat.hpp"

namespace golden::detail {

struct XlatRef {
  XlatTable table;
  std::string_view unknown;  // "MADV_": an unknown value reads "0x3039 /* MADV_??? */"
};

// The table behind `id` (empty for XlatId::None and XlatId::Signals).
XlatRef xlat_ref(XlatId id);

// `v` as a named constant. `width` 4: the kernel reads an int, so only the low 32 bits
// count, and a negative value is looked up sign-extended (RUSAGE_CHILDREN is -1).
std::string xlat_enum(XlatId id, std::uint64_t v, int width = 4);
// `v` as flags; "0" when none are set.
std::string xlat_flags(XlatId id, std::uint64_t v);

}  // namespace golden::detail

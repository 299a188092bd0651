// The raw syscall table (syscall_table_data.cpp), shared by the lookup functions.
#pragma once

#include <span>

#include "golden/syscalls/syscall_table.hpp"

namespace golden::detail {

// Every x86-64 syscall, sorted by number, no duplicates.
std::span<const SyscallInfo> syscall_table_data();

}  // namespace golden::detail

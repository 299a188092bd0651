// The calls a syscall_count / error_count assertion looks at: syscall events whose
// name is listed or whose class is, in the selected processes.
#pragma once

#include <string>

#include "golden/assertions/config.hpp"
#include "golden/model/trace.hpp"
#include "process_filter.hpp"

namespace golden::detail {

bool call_selected(const CallSelector& sel, const Event& e, const ProcessFilter& filter);
// "openat, read and %file calls of processes matching 'x'", "all syscalls".
std::string describe_selector(const CallSelector& sel);

}  // namespace golden::detail

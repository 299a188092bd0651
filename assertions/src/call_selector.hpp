// The calls a syscall_count / error_count assertion looks at: syscall events whose
// name is listed or whose class is, in the selected processes.
#pragma once

#include <string>

#include "golden/assertions/call_query.hpp"
#include "golden/assertions/config.hpp"
#include "golden/model/trace.hpp"
#include "process_filter.hpp"

namespace golden::detail {

// selects_call (call_query.hpp), in the processes the filter selects.
bool call_selected(const CallSelector& sel, const Event& e, const ProcessFilter& filter);

}  // namespace golden::detail

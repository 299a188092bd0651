// A sub-trace of selected events, for measuring inside user spans: the critical path
// "of a span" is the critical path of the events that happened within it.
#pragma once

#include <functional>

#include "golden/model/trace.hpp"

namespace golden::detail {

// The kept events, renumbered densely (seq order preserved); edges whose two ends are
// kept; run info and process records unchanged. Program order inside a thread becomes
// the order of its kept events.
Trace slice_trace(const Trace& trace, const std::function<bool(const Event&)>& keep);

}  // namespace golden::detail

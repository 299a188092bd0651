// W3C trace-context propagation into the tracee (SPEC §3 "Context propagation").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace golden::rec {

// The trace id (32 lowercase hex digits) of a valid `00-<trace>-<span>-<flags>` value.
std::optional<std::string> trace_id_of(std::string_view traceparent);

// A traceparent for the tracee: the trace id of `inherited` when it is a valid
// traceparent, else a new random one; always a new random span id; sampled flag.
std::string make_traceparent(const char* inherited);

}  // namespace golden::rec

// Shared by the detectors: argument look-ups, where-strings and confidence curves.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "../process_filter.hpp"
#include "golden/assertions/detectors.hpp"
#include "golden/model/trace.hpp"

namespace golden::detail {

const Arg* arg_named(const Event& e, std::string_view name);
const Arg* first_arg(const Event& e, ArgKind kind);
// "3 (pipe:[77])", "3", or "" when the call has no fd argument.
std::string fd_label(const Event& e);

// The events of each selected thread, in seq (program) order.
std::map<Tid, std::vector<const Event*>> events_by_thread(const Trace& trace,
                                                          const ProcessFilter& filter);

// n / (n + half): 0 at 0, 1/2 at `half`, tending to 1. The shape every count-based
// detector uses, so the same evidence gives comparable confidences.
double saturate(double n, double half);
double clamp01(double v);

// Fills finding.where from its fields: "run 0, pid 12 (poller), tid 13, fd 3 (pipe:[7]),
// /etc/x, seq 40..4039".
void describe_where(Finding& f, const ProcessNames& names);

// Sorts findings by confidence, highest first (ties: by first seq).
void sort_findings(std::vector<Finding>& findings);

}  // namespace golden::detail

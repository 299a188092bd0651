// Unions of time intervals: how long something was covered, never counting overlap
// twice (PcieBottleneck's exposed transfer time).
#pragma once

#include <vector>

#include "golden/model/ids.hpp"

namespace golden::detail {

struct Interval {
  Nanos start{0}, end{0};
};

// Sorted, disjoint, merged.
std::vector<Interval> merge_intervals(std::vector<Interval> v);
Nanos covered(const std::vector<Interval>& merged);
// Time in both (inputs merged).
Nanos overlap(const std::vector<Interval>& a, const std::vector<Interval>& b);

}  // namespace golden::detail

#include "interval_set.hpp"

#include <algorithm>

namespace golden::detail {

std::vector<Interval> merge_intervals(std::vector<Interval> v) {
  std::sort(v.begin(), v.end(),
            [](const Interval& a, const Interval& b) { return a.start < b.start; });
  std::vector<Interval> out;
  for (const Interval& x : v) {
    if (x.end <= x.start) continue;
    if (!out.empty() && x.start <= out.back().end)
      out.back().end = std::max(out.back().end, x.end);
    else
      out.push_back(x);
  }
  return out;
}

Nanos covered(const std::vector<Interval>& merged) {
  Nanos total{0};
  for (const Interval& x : merged) total += x.end - x.start;
  return total;
}

Nanos overlap(const std::vector<Interval>& a, const std::vector<Interval>& b) {
  Nanos total{0};
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const Nanos lo = std::max(a[i].start, b[j].start);
    const Nanos hi = std::min(a[i].end, b[j].end);
    if (hi > lo) total += hi - lo;
    if (a[i].end < b[j].end)
      ++i;
    else
      ++j;
  }
  return total;
}

}  // namespace golden::detail

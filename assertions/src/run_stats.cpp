#include "golden/assertions/run_stats.hpp"

#include <algorithm>
#include <cmath>

#include "golden/model/result.hpp"

namespace golden {
namespace {

// Linear interpolation between order statistics (numpy's default, R type 7).
double quantile(const std::vector<double>& sorted, double q) {
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace

double Spread::median_se() const {
  if (n < 2) return 0;
  return kMedianEfficiency * sigma() / std::sqrt(static_cast<double>(n));
}

double Spread::relative_noise() const {
  return median == 0 ? 0 : sigma() / std::abs(median);
}

Spread spread_of(std::vector<double> values) {
  GOLDEN_CHECK(!values.empty());
  std::sort(values.begin(), values.end());
  Spread s;
  s.n = values.size();
  s.min = values.front();
  s.max = values.back();
  s.median = quantile(values, 0.5);
  s.q1 = quantile(values, 0.25);
  s.q3 = quantile(values, 0.75);
  std::vector<double> deviations;
  deviations.reserve(values.size());
  for (double v : values) deviations.push_back(std::abs(v - s.median));
  std::sort(deviations.begin(), deviations.end());
  s.mad = quantile(deviations, 0.5);
  return s;
}

bool too_noisy_to_judge(const Spread& s, double limit) {
  if (s.n < 2) return false;
  return std::abs(s.median - limit) < kNoiseZ * s.median_se();
}

bool too_noisy_to_judge(const Spread& current, const Spread& baseline, double factor) {
  if (current.n < 2 && baseline.n < 2) return false;
  const double se = std::hypot(current.median_se(), baseline.median_se() * factor);
  return std::abs(current.median - baseline.median * factor) < kNoiseZ * se;
}

}  // namespace golden

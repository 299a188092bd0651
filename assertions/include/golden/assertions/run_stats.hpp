// Robust statistics of one figure over several runs (`golden capture --runs N`): timing
// budgets judge the median and report how noisy the runs were.
//
// Noise model. sigma = 1.4826 * MAD estimates the standard deviation robustly (the
// factor makes it consistent for normal data; MAD ignores a stray slow run), and the
// median's standard error is about 1.2533 * sigma / sqrt(n). A verdict is "too noisy to
// judge" when the limit lies within kNoiseZ standard errors of the median: another set
// of runs could plausibly land on the other side of it. With one run there is no noise
// estimate and the verdict stands on that run alone.
#pragma once

#include <cstddef>
#include <vector>

namespace golden {

inline constexpr double kMadToSigma = 1.4826;
inline constexpr double kMedianEfficiency = 1.2533;  // sqrt(pi / 2)
inline constexpr double kNoiseZ = 2.0;               // ~95% two-sided

struct Spread {
  std::size_t n = 0;
  double median = 0;
  double min = 0;
  double max = 0;
  double mad = 0;  // median absolute deviation from the median
  double q1 = 0;   // quartiles (linear interpolation between order statistics)
  double q3 = 0;
  double sigma() const { return kMadToSigma * mad; }
  double iqr() const { return q3 - q1; }
  // Standard error of the median; 0 with fewer than 2 runs (unknown, not zero noise).
  double median_se() const;
  // sigma / median (0 when the median is 0): the runs' relative noise.
  double relative_noise() const;
};

// Requires at least one value.
Spread spread_of(std::vector<double> values);

// True when `limit` is within kNoiseZ standard errors of the median (n >= 2 only).
bool too_noisy_to_judge(const Spread& s, double limit);
// Same for a difference of medians: current against baseline * factor.
bool too_noisy_to_judge(const Spread& current, const Spread& baseline, double factor);

}  // namespace golden

// Budget verdicts shared by every evaluator: one figure per run, an absolute limit and
// a regression limit against the baseline; medians and noise for timing (run_stats.hpp).
#include "eval_context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "golden/assertions/run_stats.hpp"

namespace golden::detail {

EvalContext::EvalContext(const CheckInput& in) : input(&in) {
  for (const Trace& t : in.trace->runs) runs.push_back(&t);
  has_timing = in.trace->header.has_timing;
  if (in.baseline != nullptr) {
    for (const Trace& t : in.baseline->runs) baseline_runs.push_back(&t);
    baseline_has_timing = in.baseline->header.has_timing;
  }
}

Outcome violation(const Assertion& a) {
  return a.fail_on_violation ? Outcome::Fail : Outcome::Warn;
}

std::string format_ms(double ms) {
  if (ms >= 1000) return fmt::format("{:.3g} s", ms / 1000);
  if (ms >= 1) return fmt::format("{:.3g} ms", ms);
  return fmt::format("{:.3g} us", ms * 1000);
}

std::string format_bytes(double bytes) {
  if (bytes >= 1024.0 * 1024.0)
    return fmt::format("{:.1f} MiB ({:.0f} bytes)", bytes / (1024.0 * 1024.0), bytes);
  if (bytes >= 1024.0) return fmt::format("{:.1f} KiB ({:.0f} bytes)", bytes / 1024.0, bytes);
  return fmt::format("{:.0f} bytes", bytes);
}

std::string format_count(double n) {
  return fmt::format("{:.0f}", n);
}

namespace {

enum class Verdict { Pass, Violated, Noisy };

std::string percent(double p) {
  if (std::isinf(p)) return "+inf%";
  return fmt::format("{:+.1f}%", p);
}

struct Aggregated {
  double value = 0;
  Spread spread;
};

Aggregated aggregate(const Budget& b, const std::vector<double>& values) {
  Aggregated out;
  out.spread = spread_of(values);
  out.value = b.median ? out.spread.median : out.spread.max;
  return out;
}

// "5 runs: median 3.2 ms, min 3.0 ms, max 4.1 ms, MAD 0.1 ms, IQR 0.3 ms, noise ±4.6%"
std::string spread_line(const Budget& b, const Spread& s, std::string_view whose) {
  if (b.median)
    return fmt::format("{}{} runs: median {}, min {}, max {}, MAD {}, IQR {}, noise ±{:.1f}%",
                       whose, s.n, b.format(s.median), b.format(s.min), b.format(s.max),
                       b.format(s.mad), b.format(s.iqr()), 100 * s.relative_noise());
  return fmt::format("{}{} runs: the worst is judged (min {}, max {})", whose, s.n, b.format(s.min),
                     b.format(s.max));
}

}  // namespace

void judge_budget(const Assertion& a, const Budget& b, AssertionResult& r) {
  GOLDEN_CHECK(!b.current.empty());
  const Aggregated cur = aggregate(b, b.current);
  const std::string figure =
      b.median && cur.spread.n > 1
          ? fmt::format("{} (median of {} runs)", b.format(cur.value), cur.spread.n)
          : b.format(cur.value);
  r.measured = cur.value;
  r.unit = b.unit;
  if (b.median) r.spread = cur.spread;
  if (cur.spread.n > 1) r.details.push_back(spread_line(b, cur.spread, ""));

  std::vector<std::string> parts;
  std::vector<Verdict> verdicts;
  auto noisy_against = [&](double limit) {
    return b.median && too_noisy_to_judge(cur.spread, limit);
  };

  if (b.max) {
    const bool over = cur.value > *b.max;
    parts.push_back(
        fmt::format("{} {} {} {}", b.what, figure, over ? ">" : "<=", b.format(*b.max)));
    verdicts.push_back(noisy_against(*b.max) ? Verdict::Noisy
                       : over                ? Verdict::Violated
                                             : Verdict::Pass);
    r.limit = *b.max;
  }
  if (b.min) {
    // The worst run for a lower limit is the smallest.
    const double low = b.median ? cur.value : cur.spread.min;
    const bool under = low < *b.min;
    parts.push_back(fmt::format("{} {} {} {}", b.what, b.median ? figure : b.format(low),
                                under ? "<" : ">=", b.format(*b.min)));
    verdicts.push_back(under ? Verdict::Violated : Verdict::Pass);
    if (!r.limit) r.limit = *b.min;
  }
  if (b.max_regression_percent) {
    if (!b.baseline || b.baseline->empty()) {
      r.details.push_back(fmt::format(
          "max_regression_percent {:+g}%: not applicable without a baseline (--baseline FILE)",
          *b.max_regression_percent));
    } else {
      const Aggregated base = aggregate(b, *b.baseline);
      const double factor = 1 + *b.max_regression_percent / 100;
      const double allowed = base.value * factor;
      const double change = base.value == 0
                                ? (cur.value == 0 ? 0 : std::numeric_limits<double>::infinity())
                                : (cur.value - base.value) / base.value * 100;
      const bool over = base.value == 0 ? cur.value > 0 && factor > 0 : cur.value > allowed;
      parts.push_back(fmt::format("{} {} vs baseline {}: {} {} {}", b.what, figure,
                                  b.format(base.value), percent(change),
                                  over ? ">" : "<=", percent(*b.max_regression_percent)));
      if (base.spread.n > 1) r.details.push_back(spread_line(b, base.spread, "baseline: "));
      const bool noisy = b.median && too_noisy_to_judge(cur.spread, base.spread, factor);
      verdicts.push_back(noisy ? Verdict::Noisy : over ? Verdict::Violated : Verdict::Pass);
      if (!r.limit) r.limit = allowed;
    }
  }

  std::string summary;
  for (const std::string& p : parts) summary += (summary.empty() ? "" : "; ") + p;
  if (verdicts.empty()) {
    r.outcome = Outcome::NotApplicable;
    r.summary = fmt::format("{} {}: no baseline to compare with", b.what, figure);
    return;
  }
  r.summary = summary;
  if (std::find(verdicts.begin(), verdicts.end(), Verdict::Violated) != verdicts.end()) {
    r.outcome = violation(a);
  } else if (std::find(verdicts.begin(), verdicts.end(), Verdict::Noisy) != verdicts.end()) {
    r.outcome = Outcome::Inconclusive;
    r.details.push_back(fmt::format(
        "too noisy to judge: the limit is within {:g} standard errors (±{}) of the median; "
        "capture more runs (--runs N) or on a quieter machine",
        kNoiseZ, b.format(kNoiseZ * cur.spread.median_se())));
  } else {
    r.outcome = Outcome::Pass;
  }
}

void merge_result(AssertionResult& into, const AssertionResult& from) {
  auto rank = [](Outcome o) {
    switch (o) {
      case Outcome::Error:
        return 5;
      case Outcome::Fail:
        return 4;
      case Outcome::Warn:
        return 3;
      case Outcome::Inconclusive:
        return 2;
      case Outcome::Pass:
        return 1;
      default:
        return 0;
    }
  };
  if (rank(from.outcome) > rank(into.outcome)) into.outcome = from.outcome;
  into.summary += (into.summary.empty() ? "" : "; ") + from.summary;
  for (const std::string& d : from.details)
    if (std::find(into.details.begin(), into.details.end(), d) == into.details.end())
      into.details.push_back(d);
  if (!into.measured) {
    into.measured = from.measured;
    into.limit = from.limit;
    into.unit = from.unit;
  }
}

}  // namespace golden::detail

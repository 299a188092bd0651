// anti_pattern: run the named detector on every run; the assertion fires when a finding's
// confidence reaches the threshold.
#include <fmt/format.h>

#include <algorithm>

#include "evaluators.hpp"

namespace golden::detail {

namespace {
constexpr std::size_t kMaxFindingsShown = 10;
}

AssertionResult evaluate_anti_pattern(const Assertion& a, const AntiPatternSpec& s,
                                      const EvalContext& c) {
  AssertionResult r = result_for(a);
  r.pattern = s.pattern;
  r.unit = "confidence";
  r.limit = s.threshold;
  const Detector* detector = find_detector(s.pattern);
  if (detector == nullptr) {  // the config parser rejects these; an API caller may not
    r.outcome = Outcome::Error;
    r.summary = fmt::format("unknown anti-pattern '{}'", s.pattern);
    return r;
  }
  const DetectorOptions options{.process_name_pattern = s.process_name_pattern,
                                .transfer_pattern = s.transfer_pattern,
                                .kernel_pattern = s.kernel_pattern};
  std::vector<Finding> findings;
  std::vector<std::string> not_applicable;
  for (std::size_t i = 0; i < c.runs.size(); ++i) {
    auto found = detector->detect(*c.runs[i], static_cast<std::uint32_t>(i), options);
    if (!found) {
      r.outcome = Outcome::Error;
      r.summary =
          fmt::format("{} cannot analyse run {}: {}", s.pattern, i, found.error().to_string());
      return r;
    }
    if (!found->applicable) {
      not_applicable.push_back(found->not_applicable_reason);
      continue;
    }
    findings.insert(findings.end(), found->findings.begin(), found->findings.end());
  }
  if (not_applicable.size() == c.runs.size()) {
    r.outcome = Outcome::NotApplicable;
    r.summary = fmt::format("{}: not applicable: {}", s.pattern, not_applicable.front());
    return r;
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& x, const Finding& y) { return x.confidence > y.confidence; });
  const double best = findings.empty() ? 0.0 : findings.front().confidence;
  r.measured = best;
  const auto firing = static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(),
                    [&](const Finding& f) { return f.confidence >= s.threshold; }));
  if (firing == 0) {
    r.outcome = Outcome::Pass;
    r.summary = findings.empty() ? fmt::format("{}: nothing found", s.pattern)
                                 : fmt::format("{}: highest confidence {:.2f} < threshold {:.2f}",
                                               s.pattern, best, s.threshold);
    if (!findings.empty())
      r.details.push_back(fmt::format("strongest candidate ({:.2f}): {} [{}]", best,
                                      findings.front().summary, findings.front().where));
    return r;
  }
  r.outcome = violation(a);
  const Finding& top = findings.front();
  r.summary = fmt::format("{} detected (confidence {:.2f} >= {:.2f}): {}", s.pattern, best,
                          s.threshold, top.summary);
  if (firing > 1) r.details.push_back(fmt::format("{} findings at or above the threshold", firing));
  for (std::size_t i = 0; i < firing && i < kMaxFindingsShown; ++i)
    r.findings.push_back(findings[i]);
  if (not_applicable.size() > 0)
    r.details.push_back(
        fmt::format("not applicable in {} of {} runs", not_applicable.size(), c.runs.size()));
  return r;
}

}  // namespace golden::detail

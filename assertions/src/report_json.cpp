// The JSON report (for tools): every figure a text report shows, typed.
#include <cmath>
#include <nlohmann/json.hpp>

#include "golden/assertions/report.hpp"
#include "report_common.hpp"

namespace golden {
namespace {

using nlohmann::ordered_json;

ordered_json finding_json(const Finding& f) {
  ordered_json j;
  j["confidence"] = f.confidence;
  j["summary"] = sanitize_text(f.summary);
  j["where"] = sanitize_text(f.where);
  j["why"] = f.why;
  j["count"] = f.count;
  j["run"] = f.run;
  j["pid"] = f.pid ? ordered_json(f.pid->value) : ordered_json(nullptr);
  j["tid"] = f.tid ? ordered_json(f.tid->value) : ordered_json(nullptr);
  j["first_seq"] = f.first_seq ? ordered_json(*f.first_seq) : ordered_json(nullptr);
  j["last_seq"] = f.last_seq ? ordered_json(*f.last_seq) : ordered_json(nullptr);
  j["fd"] = sanitize_text(f.fd);
  j["path"] = sanitize_text(f.path);
  return j;
}

// JSON has no infinity: an infinite regression (from a zero baseline) becomes null.
ordered_json number(std::optional<double> v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return *v;
}

ordered_json result_json(const AssertionResult& r) {
  ordered_json j;
  j["name"] = r.name;
  j["type"] = std::string(to_string(r.type));
  if (!r.pattern.empty()) j["pattern"] = r.pattern;
  j["where"] = r.where;
  j["outcome"] = std::string(to_string(r.outcome));
  j["summary"] = sanitize_text(r.summary);
  ordered_json details = ordered_json::array();
  for (const std::string& d : r.details) details.push_back(sanitize_text(d));
  j["details"] = details;
  j["measured"] = number(r.measured);
  j["limit"] = number(r.limit);
  j["unit"] = r.unit;
  if (r.spread) {
    const Spread& s = *r.spread;
    j["spread"] = {{"runs", s.n},
                   {"median", s.median},
                   {"min", s.min},
                   {"max", s.max},
                   {"mad", s.mad},
                   {"q1", s.q1},
                   {"q3", s.q3},
                   {"iqr", s.iqr()},
                   {"median_se", s.median_se()},
                   {"relative_noise", s.relative_noise()}};
  }
  ordered_json findings = ordered_json::array();
  for (const Finding& f : r.findings) findings.push_back(finding_json(f));
  j["findings"] = findings;
  j["seconds"] = r.seconds;
  return j;
}

}  // namespace

std::string render_check_json(const CheckReport& report) {
  ordered_json j;
  j["format"] = "golden-check";
  j["version"] = 1;
  j["trace"] = sanitize_text(report.trace_name);
  j["config"] = sanitize_text(report.config_name);
  j["baseline"] = report.baseline_name.empty() ? ordered_json(nullptr)
                                               : ordered_json(sanitize_text(report.baseline_name));
  j["runs"] = report.runs;
  j["exit_status"] = report.exit_status();
  ordered_json counts;
  for (Outcome o : {Outcome::Pass, Outcome::Fail, Outcome::Warn, Outcome::Inconclusive,
                    Outcome::NotApplicable, Outcome::Disabled, Outcome::Error})
    counts[std::string(to_string(o))] = report.count(o);
  j["counts"] = counts;
  ordered_json notes = ordered_json::array();
  for (const std::string& n : report.notes) notes.push_back(sanitize_text(n));
  j["notes"] = notes;
  ordered_json results = ordered_json::array();
  for (const AssertionResult& r : report.results) results.push_back(result_json(r));
  j["results"] = results;
  return j.dump(2) + "\n";
}

}  // namespace golden

// Which processes an assertion looks at (process_name_pattern, trace_name_pattern).
// A process's name is its last exec's argv[0] basename; a fork that never exec'd takes
// its nearest named ancestor's (the rule golden::graph uses, so both agree).
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <unordered_map>

#include "golden/model/result.hpp"
#include "golden/model/trace.hpp"

namespace golden::detail {

class ProcessNames {
 public:
  explicit ProcessNames(const Trace& trace);
  // "" when neither the process nor an ancestor exec'd (or the pid is unknown).
  const std::string& name(Pid pid) const;

 private:
  std::unordered_map<Pid, std::string> names_;
  std::string none_;
};

class ProcessFilter {
 public:
  // Errors: a malformed regex. An empty pattern selects every process.
  static Result<ProcessFilter> make(const Trace& trace, const std::string& pattern);

  bool selects(Pid pid) const;
  bool selects_all() const { return !regex_; }
  const std::string& pattern() const { return pattern_; }
  const ProcessNames& names() const { return names_; }
  // Any process of the trace selected?
  bool selects_any() const;

 private:
  ProcessFilter(const Trace& trace, std::string pattern, std::optional<std::regex> regex);
  const Trace* trace_;
  std::string pattern_;
  std::optional<std::regex> regex_;
  ProcessNames names_;
};

// "pid 12 (name)" or "pid 12".
std::string describe_process(const ProcessNames& names, Pid pid);

}  // namespace golden::detail

// The command name shown for a process in reports and matched by
// process_name_pattern: its last exec's name, or for a fork that never exec'd (a
// subshell, a worker) the nearest ancestor's — it is running that program's code.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "golden/model/trace.hpp"

namespace golden {

class ProcessNames {
 public:
  explicit ProcessNames(const Trace& trace);
  // "" for a pid the trace has no record of, or whose whole ancestry never exec'd.
  const std::string& name(Pid pid) const;

 private:
  std::vector<std::pair<Pid, std::string>> names_;  // sorted by pid, one per pid
  std::string empty_;
};

}  // namespace golden

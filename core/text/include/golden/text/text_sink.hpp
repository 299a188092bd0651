// A TraceSink that prints each event as a strace-style line as it arrives
// (`golden capture --text`), so the text never waits for the capture to end.
#pragma once

#include <cstdio>
#include <unordered_set>

#include "golden/model/trace.hpp"
#include "golden/text/event_format.hpp"

namespace golden {

class TextSink : public TraceSink {
 public:
  // Lines go to `out` (not owned), flushed per line so they interleave sensibly with
  // the traced program's own output on a terminal.
  TextSink(std::FILE* out, FormatOptions options, PidDisplay pids);

  // Prefix each run with a "=== run N ===" line (for --runs N, N > 1).
  void announce_runs(bool on) { announce_runs_ = on; }

  void begin_run(const RunInfo& run) override;
  void event(const Event& event) override;
  void process(const ProcessInfo&) override {}
  void edge(const Edge&) override {}
  void end_run(const RunInfo&) override {}

 private:
  std::FILE* out_;
  FormatOptions options_;
  PidDisplay pids_;
  bool announce_runs_ = false;
  std::unordered_set<Tid> threads_;  // seen in this run, for PidDisplay::Multiple
};

}  // namespace golden

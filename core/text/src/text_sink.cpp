#include "golden/text/text_sink.hpp"

#include <string>

#include <fmt/core.h>

namespace golden {

TextSink::TextSink(std::FILE* out, FormatOptions options, PidDisplay pids)
    : out_(out), options_(options), pids_(pids) {}

void TextSink::begin_run(const RunInfo& run) {
  threads_.clear();
  if (announce_runs_) fmt::print(out_, "=== run {} ===\n", run.index + 1);
}

void TextSink::event(const Event& event) {
  threads_.insert(event.tid);
  FormatOptions options = options_;
  // Like strace -f: no prefix while a single thread exists, a prefix once there are more.
  options.show_pid = pids_ == PidDisplay::Always ||
                     (pids_ == PidDisplay::Multiple && threads_.size() > 1);
  const std::string line = format_event(event, options);
  fmt::print(out_, "{}\n", line);
  std::fflush(out_);
}

}  // namespace golden

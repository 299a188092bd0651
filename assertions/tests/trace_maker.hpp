// Hand-built traces for the engine and detector unit tests: events are appended in
// completion order (seq = position), Lamport clocks follow seq, so every edge must go
// from an earlier event to a later one.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "golden/model/trace.hpp"

namespace golden::test {

using namespace std::chrono_literals;

Arg int_arg(std::string name, std::int64_t v);
Arg fd_arg(std::string name, std::int64_t fd, std::string target = "");
Arg path_arg(std::string name, std::string path);
Arg sockaddr_arg(std::string name, std::string endpoint);
Arg flags_arg(std::string name, std::int64_t raw, std::string text);
Arg struct_arg(std::string name, std::string text);

class TraceMaker {
 public:
  // A process record; threads are added as events name them.
  TraceMaker& process(int pid, int parent, std::string name, Nanos start, Nanos end,
                      std::optional<std::uint64_t> peak_rss_kb = std::nullopt);
  // CPU times for the last process added.
  TraceMaker& cpu(Nanos user, Nanos system);

  Event& call(int pid, int tid, std::string name, Nanos start, Nanos duration,
              std::vector<Arg> args = {}, std::int64_t ret = 0);
  // A failed call: ret = -err.
  Event& fail(int pid, int tid, std::string name, Nanos start, Nanos duration, int err,
              std::vector<Arg> args = {});
  Event& span_open(int pid, int tid, std::string name, Nanos at);
  Event& span_close(int pid, int tid, std::string name, Nanos at);
  Event& annotation(int pid, std::string topic,
                    std::vector<std::pair<std::string, std::int64_t>> values, Nanos at);
  TraceMaker& edge(Seq from, Seq to, EdgeKind kind);
  TraceMaker& wall(Nanos w);

  Seq next_seq() const { return trace_.events.size(); }
  Trace build() const;
  TraceFile file() const;  // one run

 private:
  Event& add(Event e);
  Trace trace_;
};

TraceFile file_of(std::vector<Trace> runs);

}  // namespace golden::test

#include "trace_maker.hpp"

#include <algorithm>

#include "golden/model/marker.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden::test {

Arg int_arg(std::string name, std::int64_t v) {
  return Arg{.name = std::move(name), .kind = ArgKind::Int, .raw = v, .text = std::to_string(v)};
}

Arg fd_arg(std::string name, std::int64_t fd, std::string target) {
  return Arg{.name = std::move(name),
             .kind = ArgKind::Fd,
             .raw = fd,
             .text = std::to_string(fd),
             .str = std::move(target)};
}

Arg path_arg(std::string name, std::string path) {
  return Arg{.name = std::move(name),
             .kind = ArgKind::Path,
             .raw = 0x1000,
             .text = "\"" + path + "\"",
             .str = path};
}

Arg sockaddr_arg(std::string name, std::string endpoint) {
  return Arg{.name = std::move(name),
             .kind = ArgKind::Sockaddr,
             .raw = 0x2000,
             .text = endpoint,
             .str = std::move(endpoint)};
}

Arg flags_arg(std::string name, std::int64_t raw, std::string text) {
  return Arg{.name = std::move(name), .kind = ArgKind::Flags, .raw = raw, .text = std::move(text)};
}

Arg struct_arg(std::string name, std::string text) {
  return Arg{
      .name = std::move(name), .kind = ArgKind::Struct, .raw = 0x3000, .text = std::move(text)};
}

TraceMaker& TraceMaker::process(int pid, int parent, std::string name, Nanos start, Nanos end,
                                std::optional<std::uint64_t> peak_rss_kb) {
  ProcessInfo p;
  p.pid = Pid{pid};
  p.parent = Pid{parent};
  if (!name.empty())
    p.execs.push_back(ExecRecord{.seq = 0, .path = "/usr/bin/" + name, .argv = {name}, .cwd = "/"});
  p.start = start;
  p.end = end;
  p.peak_rss_kb = peak_rss_kb;
  p.exit_code = 0;
  p.threads.push_back(Tid{pid});
  trace_.processes.push_back(std::move(p));
  return *this;
}

TraceMaker& TraceMaker::cpu(Nanos user, Nanos system) {
  trace_.processes.back().user_time = user;
  trace_.processes.back().system_time = system;
  return *this;
}

Event& TraceMaker::add(Event e) {
  e.seq = trace_.events.size();
  e.lamport = e.seq + 1;
  for (ProcessInfo& p : trace_.processes)
    if (p.pid == e.pid && std::find(p.threads.begin(), p.threads.end(), e.tid) == p.threads.end())
      p.threads.push_back(e.tid);
  trace_.events.push_back(std::move(e));
  return trace_.events.back();
}

Event& TraceMaker::call(int pid, int tid, std::string name, Nanos start, Nanos duration,
                        std::vector<Arg> args, std::int64_t ret) {
  Event e;
  e.kind = EventKind::Syscall;
  e.pid = Pid{pid};
  e.tid = Tid{tid};
  const SyscallInfo* info = syscall_by_name(name);
  e.nr = info != nullptr ? info->nr : -1;
  e.name = std::move(name);
  e.start = start;
  e.duration = duration;
  e.args = std::move(args);
  e.ret = ret;
  return add(std::move(e));
}

Event& TraceMaker::fail(int pid, int tid, std::string name, Nanos start, Nanos duration, int err,
                        std::vector<Arg> args) {
  Event& e = call(pid, tid, std::move(name), start, duration, std::move(args), -err);
  e.err = err;
  return e;
}

Event& TraceMaker::span_open(int pid, int tid, std::string name, Nanos at) {
  Event e;
  e.kind = EventKind::Span;
  e.pid = Pid{pid};
  e.tid = Tid{tid};
  e.name = std::move(name);
  e.nr = static_cast<int>(MarkerOp::SpanOpen);
  e.start = at;
  return add(std::move(e));
}

Event& TraceMaker::span_close(int pid, int tid, std::string name, Nanos at) {
  Event& e = span_open(pid, tid, std::move(name), at);
  e.nr = static_cast<int>(MarkerOp::SpanClose);
  return e;
}

Event& TraceMaker::annotation(int pid, std::string topic,
                              std::vector<std::pair<std::string, std::int64_t>> values, Nanos at) {
  Event& e = span_open(pid, pid, std::move(topic), at);
  e.nr = static_cast<int>(MarkerOp::Annotation);
  for (auto& [k, v] : values) e.args.push_back(int_arg(k, v));
  return e;
}

TraceMaker& TraceMaker::edge(Seq from, Seq to, EdgeKind kind) {
  trace_.edges.push_back({from, to, kind});
  return *this;
}

TraceMaker& TraceMaker::wall(Nanos w) {
  trace_.run.wall_time = w;
  return *this;
}

Trace TraceMaker::build() const {
  Trace t = trace_;
  if (t.run.wall_time.count() == 0)
    for (const Event& e : t.events) t.run.wall_time = std::max(t.run.wall_time, e.end());
  return t;
}

TraceFile TraceMaker::file() const {
  return file_of({build()});
}

TraceFile file_of(std::vector<Trace> runs) {
  TraceFile f;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    runs[i].run.index = static_cast<std::uint32_t>(i);
    f.runs.push_back(std::move(runs[i]));
  }
  return f;
}

}  // namespace golden::test

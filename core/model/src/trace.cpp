#include "golden/model/trace.hpp"

#include "golden/model/result.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace golden {
namespace {

constexpr std::array<std::pair<ArgKind, std::string_view>, 15> kArgKinds{{
    {ArgKind::Int, "int"},       {ArgKind::UInt, "uint"},      {ArgKind::Hex, "hex"},
    {ArgKind::Ptr, "ptr"},       {ArgKind::Fd, "fd"},          {ArgKind::Path, "path"},
    {ArgKind::String, "string"}, {ArgKind::Flags, "flags"},    {ArgKind::Enum, "enum"},
    {ArgKind::Mode, "mode"},     {ArgKind::Signal, "signal"},  {ArgKind::Buffer, "buffer"},
    {ArgKind::Sockaddr, "sockaddr"}, {ArgKind::Argv, "argv"},  {ArgKind::Struct, "struct"},
}};
constexpr std::array<std::pair<EventKind, std::string_view>, 4> kEventKinds{{
    {EventKind::Syscall, "syscall"},
    {EventKind::Signal, "signal"},
    {EventKind::Exit, "exit"},
    {EventKind::Span, "span"},
}};
constexpr std::array<std::pair<EdgeKind, std::string_view>, 4> kEdgeKinds{{
    {EdgeKind::Spawn, "spawn"},
    {EdgeKind::Reap, "reap"},
    {EdgeKind::Data, "data"},
    {EdgeKind::Signal, "signal"},
}};

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (const auto& [k, v] : table)
    if (k == e) return v;
  return "?";
}

template <class E, std::size_t N>
std::optional<E> value_of(const std::array<std::pair<E, std::string_view>, N>& table,
                          std::string_view s) {
  for (const auto& [k, v] : table)
    if (v == s) return k;
  return std::nullopt;
}

}  // namespace

std::string_view to_string(ArgKind kind) { return name_of(kArgKinds, kind); }
std::string_view to_string(EventKind kind) { return name_of(kEventKinds, kind); }
std::string_view to_string(EdgeKind kind) { return name_of(kEdgeKinds, kind); }
std::optional<ArgKind> arg_kind_from_string(std::string_view s) { return value_of(kArgKinds, s); }
std::optional<EventKind> event_kind_from_string(std::string_view s) {
  return value_of(kEventKinds, s);
}
std::optional<EdgeKind> edge_kind_from_string(std::string_view s) {
  return value_of(kEdgeKinds, s);
}

std::string ProcessInfo::name() const {
  if (execs.empty()) return {};
  const ExecRecord& last = execs.back();
  std::string_view prog = last.argv.empty() ? std::string_view(last.path)
                                            : std::string_view(last.argv.front());
  auto slash = prog.rfind('/');
  return std::string(slash == std::string_view::npos ? prog : prog.substr(slash + 1));
}

const ProcessInfo* Trace::process(Pid pid) const {
  auto it = std::find_if(processes.begin(), processes.end(),
                         [pid](const ProcessInfo& p) { return p.pid == pid; });
  return it == processes.end() ? nullptr : &*it;
}

std::optional<int> shell_status(const ProcessInfo& p) {
  if (p.exit_signal) return 128 + *p.exit_signal;
  return p.exit_code;
}

void TraceBuilder::begin_run(const RunInfo& run) {
  file_.runs.emplace_back();
  file_.runs.back().run = run;
}

void TraceBuilder::event(const Event& event) {
  GOLDEN_CHECK(!file_.runs.empty());
  file_.runs.back().events.push_back(event);
}

void TraceBuilder::process(const ProcessInfo& process) {
  file_.runs.back().processes.push_back(process);
}

void TraceBuilder::edge(const Edge& edge) { file_.runs.back().edges.push_back(edge); }

void TraceBuilder::end_run(const RunInfo& run) {
  Trace& trace = file_.runs.back();
  trace.run = run;
  // Process records arrive when each process finishes; analyses want start order.
  std::stable_sort(trace.processes.begin(), trace.processes.end(),
                   [](const ProcessInfo& a, const ProcessInfo& b) { return a.start < b.start; });
}

}  // namespace golden

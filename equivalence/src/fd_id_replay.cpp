#include "fd_id_replay.hpp"

#include <fcntl.h>

#include <string_view>
#include <unordered_map>

#include "args.hpp"
#include "causal_order.hpp"
#include "golden/syscalls/syscall_table.hpp"
#include "process_tree.hpp"

namespace golden::eqv {
namespace {

// /dev/stdout and friends: the fd they reopen (the forms comparison treats as streams).
std::optional<std::int64_t> named_fd(std::string_view path) {
  if (path == "/dev/stdin" || path == "/proc/self/fd/0" || path == "/dev/fd/0") return 0;
  if (path == "/dev/stdout" || path == "/proc/self/fd/1" || path == "/dev/fd/1") return 1;
  if (path == "/dev/stderr" || path == "/proc/self/fd/2" || path == "/dev/fd/2") return 2;
  for (std::string_view prefix : {"/proc/self/fd/", "/dev/fd/"}) {
    if (!path.starts_with(prefix) || path.size() == prefix.size()) continue;
    std::int64_t fd = 0;
    for (char c : path.substr(prefix.size())) {
      if (c < '0' || c > '9' || fd > (1 << 30)) return std::nullopt;
      fd = fd * 10 + (c - '0');
    }
    return fd;
  }
  return std::nullopt;
}

class Replay {
 public:
  explicit Replay(const ProcessTree& tree) : tree_(tree) {}

  void event(Event& e) {
    if (seen_.emplace(e.pid.value, true).second) {
      const ProcNode* n = tree_.node_of(e.pid, e.seq);
      if (n != nullptr && n->root && !tables_.contains(e.pid.value)) {
        auto& t = tables_[e.pid.value];
        for (std::int64_t fd = 0; fd <= 2; ++fd) t[fd] = static_cast<std::uint32_t>(fd) + 1;
      }
    }
    if (e.kind != EventKind::Syscall || (e.failed() && is_retry_errno(e.err))) return;
    for (Arg& a : e.args) {
      if (a.kind == ArgKind::Fd && a.raw >= 0) {
        a.ofd = id_of(e.pid, a.raw);
      } else if (a.kind == ArgKind::Path) {
        if (auto fd = named_fd(a.str)) a.ofd = known_id(e.pid, *fd);
      }
    }
    if (e.failed() || e.ret < 0) return;
    effect(e);
  }

 private:
  using Table = std::unordered_map<std::int64_t, std::uint32_t>;

  // The fd's number; an fd the replay never saw made gets a new one (for a process
  // whose start it never saw, 0/1/2 are taken as the standard streams).
  std::uint32_t id_of(Pid pid, std::int64_t fd) {
    const bool known = tables_.contains(pid.value);
    Table& t = tables_[pid.value];
    if (auto it = t.find(fd); it != t.end()) return it->second;
    return t[fd] = !known && fd <= 2 ? static_cast<std::uint32_t>(fd) + 1 : next_++;
  }
  std::uint32_t known_id(Pid pid, std::int64_t fd) const {
    auto t = tables_.find(pid.value);
    if (t == tables_.end()) return 0;
    auto it = t->second.find(fd);
    return it == t->second.end() ? 0 : it->second;
  }
  void made(Event& e, std::int64_t fd, std::uint32_t id) {
    tables_[e.pid.value][fd] = id;
    e.ret_ofds.push_back(id);
  }
  void copied_from(Event& e, const Arg* from) {
    if (from != nullptr && from->ofd != 0) made(e, e.ret, from->ofd);
  }
  void pair(Event& e, const Arg* a) {
    const std::vector<std::int64_t> fds = fd_pair(a);
    if (fds.size() != 2) return;
    made(e, fds[0], next_++);
    made(e, fds[1], next_++);
  }

  void effect(Event& e) {
    const std::string_view name = e.name;
    if (name == "close") {
      if (auto fd = int_of(find_arg(e, "fd", ArgKind::Fd))) tables_[e.pid.value].erase(*fd);
    } else if (name == "close_range") {
      auto first = int_of(arg_named(e, "first"));
      auto last = int_of(arg_named(e, "last"));
      auto flags = int_of(arg_named(e, "flags"));
      if (!first || !last || (flags && (*flags & 4))) return;  // CLOSE_RANGE_CLOEXEC
      std::erase_if(tables_[e.pid.value], [&](const auto& kv) {
        const auto fd = static_cast<std::uint64_t>(kv.first);
        return fd >= static_cast<std::uint64_t>(*first) && fd <= static_cast<std::uint64_t>(*last);
      });
    } else if (name == "dup" || name == "dup2" || name == "dup3") {
      const Arg* old = find_arg(e, "oldfd", ArgKind::Fd);
      copied_from(e, old != nullptr ? old : find_arg(e, "fd", ArgKind::Fd));
    } else if (name == "fcntl") {
      const Arg* cmd = find_arg(e, "cmd", ArgKind::Enum);
      if (cmd != nullptr &&
          (cmd->text == "F_DUPFD" || cmd->text == "F_DUPFD_CLOEXEC" ||
           (cmd->text.empty() && (cmd->raw == F_DUPFD || cmd->raw == F_DUPFD_CLOEXEC))))
        copied_from(e, find_arg(e, "fd", ArgKind::Fd));
    } else if (name == "pipe" || name == "pipe2") {
      const Arg* a = find_arg(e, "pipefd", ArgKind::Struct);
      pair(e, a != nullptr ? a : nth_arg(e, ArgKind::Argv));
    } else if (name == "socketpair") {
      const Arg* a = find_arg(e, "sv", ArgKind::Struct);
      pair(e, a != nullptr ? a : nth_arg(e, ArgKind::Argv));
    } else if (name == "clone" || name == "clone3" || name == "fork" || name == "vfork") {
      if (e.ret <= 0) return;
      auto owner = tree_.process_of_tid(static_cast<std::int32_t>(e.ret));
      if (owner && *owner == e.pid) return;  // a thread: same table
      auto parent = tables_.find(e.pid.value);
      tables_[static_cast<std::int32_t>(e.ret)] =
          parent != tables_.end() ? parent->second : Table{};
    } else if (const SyscallInfo* info = syscall_by_name(e.name);
               info != nullptr && info->returns_fd) {
      made(e, e.ret, next_++);  // open, socket, accept, eventfd...
    }
  }

  const ProcessTree& tree_;
  std::unordered_map<std::int32_t, Table> tables_;
  std::unordered_map<std::int32_t, bool> seen_;
  std::uint32_t next_ = 4;
};

}  // namespace

void replay_fd_ids(Trace& trace, const CompareConfig& config) {
  Counters scratch;  // the walk counts what these find, once
  CausalOrder order(trace, scratch);
  ProcessTree tree(trace, order, config, scratch);
  Replay replay(tree);
  for (Seq s : order.order()) replay.event(trace.events[s]);
  trace.run.fd_ids = true;
}

WalkInput walk_input(const Trace& trace, const CompareConfig& config) {
  // The walk indexes events by seq; a trace that breaks the model's density rule is
  // renumbered on a copy rather than trusted.
  bool dense = true;
  for (std::size_t i = 0; i < trace.events.size() && dense; ++i) dense = trace.events[i].seq == i;
  WalkInput in;
  in.trace = &trace;
  if (dense && trace.run.fd_ids) return in;
  in.copy = std::make_unique<Trace>(trace);
  if (!dense) {
    for (std::size_t i = 0; i < in.copy->events.size(); ++i) in.copy->events[i].seq = i;
    in.copy->edges.clear();  // they named the old numbers
    in.renumbered = true;
  }
  if (!trace.run.fd_ids) replay_fd_ids(*in.copy, config);
  in.trace = in.copy.get();
  return in;
}

}  // namespace golden::eqv

#include "process_tree.hpp"

#include <algorithm>
#include <map>

#include "causal_order.hpp"
#include "golden/syscalls/families.hpp"
#include "path_util.hpp"

namespace golden::eqv {
namespace {

enum class Family { None, Shell, Python, Perl, Ruby, Node, Awk, Generic };

Family family_of(std::string_view prog) {
  auto starts = [&](std::string_view p) { return prog.starts_with(p); };
  if (prog == "sh" || prog == "dash" || prog == "bash" || prog == "zsh" || prog == "ksh" ||
      prog == "mksh" || prog == "ash")
    return Family::Shell;
  if (starts("python") || starts("pypy")) return Family::Python;
  if (starts("perl")) return Family::Perl;
  if (starts("ruby")) return Family::Ruby;
  if (prog == "node" || prog == "nodejs") return Family::Node;
  if (prog == "awk" || prog == "gawk" || prog == "mawk" || prog == "nawk") return Family::Awk;
  if (starts("lua") || starts("php") || starts("tclsh") || prog == "Rscript" || prog == "wish")
    return Family::Generic;
  return Family::None;
}

}  // namespace

std::string interpreter_script(const std::vector<std::string>& argv, const std::string& exec_path) {
  Family f = family_of(basename(exec_path));
  if (f == Family::None && !argv.empty()) f = family_of(basename(argv.front()));
  if (f == Family::None) return {};
  for (std::size_t i = 1; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--") return i + 1 < argv.size() ? argv[i + 1] : std::string{};
    if (a == "-") return {};  // program from stdin
    if (f == Family::Awk) {
      if (a == "-f") return i + 1 < argv.size() ? argv[i + 1] : std::string{};
      if (a.starts_with("-f")) return a.substr(2);
      if (a.starts_with("-")) {
        if (a == "-v" || a == "-F") ++i;
        continue;
      }
      return {};  // the program text itself
    }
    bool option = a.starts_with('-') || (f == Family::Shell && a.starts_with('+'));
    if (!option) return a;
    switch (f) {
      case Family::Shell:
        if (a.starts_with('-') && a.find('c') != std::string::npos && !a.starts_with("--"))
          return {};  // -c: a command string, no script
        if (a == "-o" || a == "+o" || a == "--rcfile" || a == "--init-file") ++i;
        break;
      case Family::Python:
        if (a.starts_with("-c") || a.starts_with("-m")) return {};
        if (a == "-W" || a == "-X" || a == "--check-hash-based-pycs") ++i;
        break;
      case Family::Perl:
      case Family::Ruby:
        if (a.starts_with("-e") || a.starts_with("-E")) return {};
        if (f == Family::Ruby && (a == "-r" || a == "-I")) ++i;
        break;
      case Family::Node:
        if (a == "-e" || a == "--eval" || a == "-p" || a == "--print") return {};
        if (a == "-r" || a == "--require") ++i;
        break;
      default:
        if (a == "-e") return {};
        break;
    }
  }
  return {};
}

ProcessTree::ProcessTree(const Trace& trace, const CausalOrder& order, const CompareConfig& config,
                         Counters& counters)
    : config_(config), order_(order) {
  for (const ProcessInfo& p : trace.processes) {
    by_pid_[p.pid.value].push_back(nodes_.size());
    ProcNode n;
    n.info = &p;
    nodes_.push_back(std::move(n));
    for (Tid t : p.threads) tid_to_pid_[t.value] = p.pid.value;
  }
  // Events of processes the trace has no record for (attach mode, truncated files).
  const Event* prev = nullptr;
  for (const Event& e : trace.events) {
    // A thread's events come in runs; both steps below only matter for a new pair.
    if (prev != nullptr && prev->tid == e.tid && prev->pid == e.pid) continue;
    prev = &e;
    tid_to_pid_.try_emplace(e.tid.value, e.pid.value);
    if (by_pid_.contains(e.pid.value)) continue;
    ++counters["equivalence.process_without_record"];
    by_pid_[e.pid.value].push_back(nodes_.size());
    ProcNode n;
    n.info = &synthesized_.emplace_back();
    synthesized_.back().pid = e.pid;
    n.synthesized = true;
    nodes_.push_back(std::move(n));
  }
  // A process's events come in runs, and most pids name one process: its node is
  // looked up once per run.
  bool single = false;
  std::int32_t single_pid = 0;
  std::size_t single_idx = 0;
  for (const Event& e : trace.events) {
    std::optional<std::size_t> idx;
    if (single && e.pid.value == single_pid) {
      idx = single_idx;
    } else {
      auto it = by_pid_.find(e.pid.value);
      single = it != by_pid_.end() && it->second.size() == 1;
      single_pid = e.pid.value;
      if (single) single_idx = it->second.front();
      idx = single ? std::optional<std::size_t>(single_idx) : index_of(e.pid, e.seq);
    }
    if (!idx) continue;
    ProcNode& n = nodes_[*idx];
    if (!n.last_seq || order.position(*n.last_seq) < order.position(e.seq)) n.last_seq = e.seq;
    if (e.kind == EventKind::Syscall && e.failed() &&
        syscalls::has_family(e.name, syscalls::Family::Exec)) {
      for (const Arg& a : e.args)
        if (a.kind == ArgKind::Path) {
          n.failed_execs.emplace_back(e.seq, a.str.empty() ? a.text : a.str);
          break;
        }
    }
  }

  // Parent links and creation order.
  auto created_pos = [&](const ProcNode& n) -> std::size_t {
    if (n.info->created_by && *n.info->created_by < trace.events.size())
      return order.position(*n.info->created_by);
    return 0;
  };
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    ProcNode& n = nodes_[i];
    std::optional<std::size_t> parent;
    if (n.info->parent.value != 0) {
      Seq at = n.info->created_by.value_or(n.last_seq.value_or(0));
      parent = index_of(n.info->parent, at);
      if (parent == i) parent.reset();
    }
    if (parent) {
      n.parent = *parent;
      nodes_[*parent].children.push_back(i);
    } else {
      n.root = true;
      roots.push_back(i);
    }
  }
  auto by_creation = [&](std::size_t a, std::size_t b) {
    std::size_t pa = created_pos(nodes_[a]), pb = created_pos(nodes_[b]);
    if (pa != pb) return pa < pb;
    return a < b;
  };
  for (ProcNode& n : nodes_) std::sort(n.children.begin(), n.children.end(), by_creation);
  auto first_pos = [&](std::size_t i) {
    const ProcNode& n = nodes_[i];
    return n.last_seq ? created_pos(n) : SIZE_MAX;
  };
  std::stable_sort(roots.begin(), roots.end(),
                   [&](std::size_t a, std::size_t b) { return first_pos(a) < first_pos(b); });

  for (ProcNode& n : nodes_)
    n.transparent = !config.forks && !n.root && n.info->execs.empty() && n.failed_execs.empty();

  // $PIDn: preorder over the whole tree (structure, not timing, decides the numbers).
  std::size_t number = 0;
  std::vector<std::size_t> stack(roots.rbegin(), roots.rend());
  while (!stack.empty()) {
    std::size_t i = stack.back();
    stack.pop_back();
    nodes_[i].pid_number = ++number;
    const auto& ch = nodes_[i].children;
    stack.insert(stack.end(), ch.rbegin(), ch.rend());
  }

  std::size_t root_number = 0;
  for (std::size_t r : roots) assign_keys(r, std::to_string(++root_number));

  // Launchers: what a root started before its final exec, and all their descendants.
  for (std::size_t r : roots) {
    const auto& execs = nodes_[r].info->execs;
    if (execs.size() < 2 || execs.back().seq >= trace.events.size()) continue;
    const std::size_t final_pos = order.position(execs.back().seq);
    final_exec_pos_[r] = final_pos;
    std::vector<std::size_t> stack;
    for (std::size_t c : nodes_[r].children)
      if (created_pos(nodes_[c]) < final_pos && nodes_[c].info->created_by) stack.push_back(c);
    while (!stack.empty()) {
      std::size_t i = stack.back();
      stack.pop_back();
      nodes_[i].launcher = true;
      stack.insert(stack.end(), nodes_[i].children.begin(), nodes_[i].children.end());
    }
  }

  for (const ProcNode& n : nodes_) {
    for (const ExecRecord& x : n.info->execs) {
      const std::string& cwd = x.cwd;
      std::string prog = absolute_path(cwd.empty() ? "/" : cwd, x.path);
      std::string_view bin = dirname(prog);
      if (basename(bin) == "bin" || basename(bin) == "sbin") {
        std::string prefix(dirname(bin));
        if (prefix != "/") prefixes_.insert(prefix);
      }
      impl_files_.insert(prog);
      std::string script = interpreter_script(x.argv, x.path);
      if (script.empty()) continue;
      std::string abs = absolute_path(cwd.empty() ? "/" : cwd, script);
      impl_files_.insert(abs);
      impl_dirs_.insert(std::string(dirname(abs)));
    }
  }
}

void ProcessTree::assign_keys(std::size_t node, const std::string& key) {
  nodes_[node].key = key;
  nodes_[node].owner = node;
  keyed_preorder_.push_back(node);
  // Children in the key tree: transparent children are replaced by their own children.
  std::vector<std::size_t> keyed;
  nodes_[node].members = {node};
  std::vector<std::size_t> pending(nodes_[node].children.rbegin(), nodes_[node].children.rend());
  while (!pending.empty()) {
    std::size_t c = pending.back();
    pending.pop_back();
    if (nodes_[c].transparent) {
      nodes_[c].key = key;
      nodes_[c].owner = node;
      nodes_[c].fork_number = nodes_[node].members.size() + 1;
      nodes_[node].members.push_back(c);
      pending.insert(pending.end(), nodes_[c].children.rbegin(), nodes_[c].children.rend());
    } else {
      keyed.push_back(c);
    }
  }
  nodes_[node].keyed_children = keyed;
  std::map<std::string, int> seen;
  for (std::size_t c : keyed) {
    const ProcNode& child = nodes_[c];
    std::string name;
    if (!child.info->execs.empty()) {
      name = std::string(basename(child.info->execs.back().path));
    } else if (!child.failed_execs.empty()) {
      name = std::string(basename(child.failed_execs.back().second));
    } else {
      name = "fork";
    }
    if (name.empty()) name = "?";
    int n = ++seen[name];
    assign_keys(c, key + "/" + name + (n > 1 ? "#" + std::to_string(n) : ""));
  }
}

std::optional<std::size_t> ProcessTree::index_of(Pid pid, Seq seq) const {
  auto it = by_pid_.find(pid.value);
  if (it == by_pid_.end()) return std::nullopt;
  const auto& list = it->second;
  if (list.size() == 1) return list.front();
  // A reused pid: the latest process created before `seq`.
  std::optional<std::size_t> best;
  for (std::size_t i : list) {
    const ProcessInfo& p = *nodes_[i].info;
    if (!p.created_by || *p.created_by <= seq) best = i;
  }
  return best ? best : std::optional<std::size_t>(list.front());
}

const ProcNode* ProcessTree::node_of(Pid pid, Seq seq) const {
  auto i = index_of(pid, seq);
  return i ? &nodes_[*i] : nullptr;
}

const std::string& ProcessTree::key_of(Pid pid, Seq seq) const {
  const ProcNode* n = node_of(pid, seq);
  return n != nullptr ? n->key : unknown_key_;
}

std::string ProcessTree::thread_label(Pid pid, Tid tid, Seq seq) const {
  const ProcNode* n = node_of(pid, seq);
  if (n == nullptr) return unknown_key_;
  std::string label = n->key;
  if (n->transparent) label += "(fork " + std::to_string(n->fork_number) + ")";
  if (tid.value == pid.value) return label;
  const auto& threads = n->info->threads;
  auto it = std::find(threads.begin(), threads.end(), tid);
  std::size_t idx = it == threads.end() ? 0 : static_cast<std::size_t>(it - threads.begin());
  return label + "[t" + (idx == 0 ? std::string("?") : std::to_string(idx + 1)) + "]";
}

std::size_t ProcessTree::list_of(Pid pid, Seq seq) const {
  auto i = index_of(pid, seq);
  return i ? *i : SIZE_MAX;
}

std::vector<std::size_t> ProcessTree::list_order() const {
  std::vector<std::size_t> out;
  for (std::size_t k : keyed_preorder_)
    out.insert(out.end(), nodes_[k].members.begin(), nodes_[k].members.end());
  return out;
}

bool ProcessTree::in_launcher(Pid pid, Seq seq) const {
  if (config_.root_exec) return false;  // the implementation is compared: launchers too
  auto idx = index_of(pid, seq);
  if (!idx) return false;
  const ProcNode& n = nodes_[*idx];
  if (n.launcher) return true;
  auto it = final_exec_pos_.find(*idx);
  return it != final_exec_pos_.end() && order_.position(seq) < it->second;
}

std::optional<Pid> ProcessTree::process_of_tid(std::int32_t tid) const {
  auto it = tid_to_pid_.find(tid);
  if (it == tid_to_pid_.end()) return std::nullopt;
  return Pid{it->second};
}

}  // namespace golden::eqv

// Processes identified by what they are, not by pid: a key built from the position in
// the process tree and the program each one exec'd ("1", "1/sh", "1/sh/sort",
// "1/ls#2" for a second `ls` started by the same parent). Keys are what reports show
// and what lets two runs' processes be matched.
//
// The root's key is its position among the roots ("1"), never its program: the root's
// exec chain is the implementation (./tool, python3 tool.py, sh tool.sh). Unless
// `forks` is set, a process that never exec'd (a subshell, a worker) has no key of its
// own: its effects and children belong to the nearest ancestor that did exec.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "golden/equivalence/compare_config.hpp"
#include "golden/model/trace.hpp"

namespace golden::eqv {

class CausalOrder;

struct ProcNode {
  // The trace's record, or one synthesized when the trace lacks it (kept by the tree);
  // not a copy: a trace can hold thousands of processes with their argv.
  const ProcessInfo* info = nullptr;
  bool synthesized = false;
  bool root = false;
  bool transparent = false;         // no key of its own (fork without exec)
  std::string key;                  // own key, or the owner's when transparent
  std::size_t owner = 0;            // index of the node whose key this is
  std::size_t parent = SIZE_MAX;    // index of the parent node, SIZE_MAX for a root
  std::vector<std::size_t> children;  // in creation order
  std::vector<std::size_t> keyed_children;  // children in the key tree (transparent ones skipped)
  // A keyed node, then the transparent processes it owns, in preorder: effects listed
  // per process in this order never depend on how concurrent forks interleaved.
  std::vector<std::size_t> members;
  std::size_t fork_number = 0;      // transparent: its position in the owner's members
  std::size_t pid_number = 0;       // n in $PIDn (preorder position, root = 1)
  std::vector<std::pair<Seq, std::string>> failed_execs;  // (seq, path) of execs that failed
  bool launcher = false;            // started by the root before its final exec (see below)
  std::optional<Seq> last_seq;      // the process's last event
};

class ProcessTree {
 public:
  // `trace` must outlive the tree: nodes point at its process records.
  ProcessTree(const Trace& trace, const CausalOrder& order, const CompareConfig& config,
              Counters& counters);
  ProcessTree(Trace&&, const CausalOrder&, const CompareConfig&, Counters&) = delete;

  const std::vector<ProcNode>& nodes() const { return nodes_; }
  // Nodes with a key, in preorder of the key tree (roots first, then children in
  // creation order).
  const std::vector<std::size_t>& keyed_preorder() const { return keyed_preorder_; }
  // The node of the process `pid` at event `seq` (pids can be reused). nullptr if none.
  const ProcNode* node_of(Pid pid, Seq seq) const;
  std::optional<std::size_t> index_of(Pid pid, Seq seq) const;
  // The node whose list an effect of `pid` goes to (the process itself; SIZE_MAX if
  // unknown), and the order those lists are shown in.
  std::size_t list_of(Pid pid, Seq seq) const;
  std::vector<std::size_t> list_order() const;
  // The key effects of this process are attributed to.
  const std::string& key_of(Pid pid, Seq seq) const;
  // "1/ls" for the main thread, "1/ls[t2]" for its second thread, "1(fork 2)" for the
  // second process "1" owns without a key (a subshell): who wrote, for stream splits.
  std::string thread_label(Pid pid, Tid tid, Seq seq) const;
  // Whether `seq` (an event of `pid`) belongs to the root's launch: the root before its
  // final exec (env, a pyenv shim, a wrapper script that ends in `exec prog`), or a
  // process the root started then. Launchers are the implementation's start-up:
  // their helper programs and reads are not compared; their writes still are.
  bool in_launcher(Pid pid, Seq seq) const;
  // Installation prefixes of the programs run ("/opt/py" for /opt/py/bin/python3):
  // reads under PREFIX/lib*, PREFIX/share are the runtime's, not the user's.
  const std::set<std::string>& install_prefixes() const { return prefixes_; }

  // The process a thread id belongs to (for tkill), if the trace knows it.
  std::optional<Pid> process_of_tid(std::int32_t tid) const;

  // Files a process executes as a program or as an interpreter's script, and the
  // directories of those scripts (interpreters list them to import modules): reading
  // them is the implementation at work, not a user read.
  const std::set<std::string>& implementation_files() const { return impl_files_; }
  const std::set<std::string>& implementation_dirs() const { return impl_dirs_; }

 private:
  void assign_keys(std::size_t node, const std::string& key);

  const CompareConfig& config_;
  std::vector<ProcNode> nodes_;
  std::deque<ProcessInfo> synthesized_;  // records of processes the trace has none for
  std::unordered_map<std::int32_t, std::vector<std::size_t>> by_pid_;
  std::unordered_map<std::int32_t, std::int32_t> tid_to_pid_;
  std::vector<std::size_t> keyed_preorder_;
  std::set<std::string> impl_files_, impl_dirs_, prefixes_;
  const CausalOrder& order_;
  // Per root node: position (in causal order) of its final exec.
  std::unordered_map<std::size_t, std::size_t> final_exec_pos_;
  std::string unknown_key_ = "?";
};

// The script an interpreter command line runs ("python3 -u x.py" -> "x.py"), or ""
// (no interpreter, "-c CODE", "-m MODULE", stdin). Exposed for tests.
std::string interpreter_script(const std::vector<std::string>& argv, const std::string& exec_path);

}  // namespace golden::eqv

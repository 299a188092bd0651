// The recorder's view of live tracees: threads (with their in-flight syscall and
// Lamport clock) grouped into processes (with the ProcessInfo being built).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "channel_tracker.hpp"
#include "fd_table.hpp"
#include "golden/decode/decoder.hpp"
#include "golden/model/trace.hpp"
#include "golden/syscalls/syscall_table.hpp"
#include "lamport.hpp"

namespace golden::rec {

// A syscall between its entry (or seccomp) stop and its exit stop.
struct InFlight {
  int nr = -1;
  const SyscallInfo* info = nullptr;  // null: a number the table does not know
  SyscallRegs regs;
  Nanos start{0};
  LamportTime clock = 0;   // thread clock + 1 at entry
  bool recorded = false;   // becomes an event (the filter traces it)
  bool via_seccomp = false;
  bool native = true;      // x86-64 numbering (false: an int $0x80 call)
  bool marker = false;     // golden's marker syscall: recorded as a Span event, no effects
  Event event;             // pid/tid/name/nr/start/args from decode_entry
  HandlePtr handle;        // when the call is an edge source before it completes
  WriteTicket write;       // bytes it writes into a pipe/socket
  int sent_signal = 0;     // kill-family: the signal it sends (0: none)
  std::string exec_path;   // execve/execveat: the filename as given
  std::optional<ExecRecord> exec;  // set by PTRACE_EVENT_EXEC, appended at exit with the seq
};

enum class ThreadState : std::uint8_t {
  Starting,           // launched child before its startup SIGSTOP: nothing recorded yet
  AwaitingFirstStop,  // announced by its creator's fork/clone event, initial stop not seen
  Running,
  Detaching,          // --no-follow: a new process to let go at its first stop
};

struct Process;

struct Thread {
  Tid tid;
  Process* process = nullptr;
  ThreadState state = ThreadState::Running;
  LamportTime clock = 0;
  std::optional<InFlight> syscall;
  HandlePtr spawn_source;          // incoming Spawn edge of the first event
  std::shared_ptr<FdTable> files;
  std::shared_ptr<FsState> fs;
  bool exiting = false;            // PTRACE_EVENT_EXIT seen
  bool pinned = false;             // on the recorder's CPU by golden, not by its own choice
};

struct Process {
  Pid pid;
  ProcessInfo info;
  HandlePtr creator;               // the fork/clone event (ProcessInfo::created_by)
  std::vector<Tid> live;           // live threads
  bool root = false;               // launched or attached by golden
};

class ProcessTable {
 public:
  Thread* thread(Tid tid) {
    auto it = threads_.find(tid.value);
    return it == threads_.end() ? nullptr : it->second.get();
  }
  Process* process(Pid pid) {
    auto it = processes_.find(pid.value);
    return it == processes_.end() ? nullptr : it->second.get();
  }
  Process& add_process(Pid pid, Nanos start);
  Thread& add_thread(Tid tid, Process& process);
  // Forgets a dead thread (and keeps Process::live up to date).
  void remove_thread(Tid tid);
  std::unique_ptr<Process> take_process(Pid pid);
  // exec from a non-leader thread: the thread takes the leader's tid.
  void rename_thread(Tid from, Tid to);

  std::size_t thread_count() const { return threads_.size(); }
  std::size_t process_count() const { return processes_.size(); }
  std::vector<Tid> all_tids() const;
  std::vector<Pid> all_pids() const;

 private:
  std::unordered_map<std::int32_t, std::unique_ptr<Thread>> threads_;
  std::unordered_map<std::int32_t, std::unique_ptr<Process>> processes_;
};

}  // namespace golden::rec

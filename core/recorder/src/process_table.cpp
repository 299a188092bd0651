#include "process_table.hpp"

#include <algorithm>

#include "golden/model/result.hpp"

namespace golden::rec {

Process& ProcessTable::add_process(Pid pid, Nanos start) {
  auto p = std::make_unique<Process>();
  p->pid = pid;
  p->info.pid = pid;
  p->info.start = start;
  Process& ref = *p;
  processes_[pid.value] = std::move(p);
  return ref;
}

Thread& ProcessTable::add_thread(Tid tid, Process& process) {
  auto t = std::make_unique<Thread>();
  t->tid = tid;
  t->process = &process;
  process.live.push_back(tid);
  if (std::find(process.info.threads.begin(), process.info.threads.end(), tid) ==
      process.info.threads.end())
    process.info.threads.push_back(tid);
  Thread& ref = *t;
  threads_[tid.value] = std::move(t);
  return ref;
}

void ProcessTable::remove_thread(Tid tid) {
  auto it = threads_.find(tid.value);
  if (it == threads_.end()) return;
  if (Process* p = it->second->process) std::erase(p->live, tid);
  threads_.erase(it);
}

std::unique_ptr<Process> ProcessTable::take_process(Pid pid) {
  auto it = processes_.find(pid.value);
  if (it == processes_.end()) return nullptr;
  auto p = std::move(it->second);
  processes_.erase(it);
  return p;
}

void ProcessTable::rename_thread(Tid from, Tid to) {
  auto it = threads_.find(from.value);
  GOLDEN_CHECK(it != threads_.end());
  GOLDEN_CHECK(threads_.find(to.value) == threads_.end());
  auto t = std::move(it->second);
  threads_.erase(it);
  t->tid = to;
  if (Process* p = t->process) {
    std::replace(p->live.begin(), p->live.end(), from, to);
  }
  threads_[to.value] = std::move(t);
}

std::vector<Tid> ProcessTable::all_tids() const {
  std::vector<Tid> out;
  out.reserve(threads_.size());
  for (const auto& [tid, t] : threads_) out.push_back(Tid{tid});
  return out;
}

std::vector<Pid> ProcessTable::all_pids() const {
  std::vector<Pid> out;
  out.reserve(processes_.size());
  for (const auto& [pid, p] : processes_) out.push_back(Pid{pid});
  return out;
}

}  // namespace golden::rec

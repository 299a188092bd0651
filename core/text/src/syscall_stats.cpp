#include "golden/text/syscall_stats.hpp"

#include <algorithm>
#include <climits>

#include "golden/model/escape.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden {
namespace {

// Stable, so that rows with equal time keep the order they were given in (strace's
// qsort is glibc's merge sort, which is stable too).
void sort_by_time(std::vector<CallRow>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const CallRow& a, const CallRow& b) {
    return a.stats.time > b.stats.time;
  });
}

const SyscallInfo* info_for(int nr, const std::string& name) {
  if (const SyscallInfo* info = syscall_by_nr(nr); info != nullptr && info->name == name)
    return info;
  return syscall_by_name(name);
}

}  // namespace

std::string_view grouping_header(StatsGrouping grouping) {
  switch (grouping) {
    case StatsGrouping::Syscall: return "syscall";
    case StatsGrouping::Process: return "process";
    case StatsGrouping::Class: return "class";
  }
  return "syscall";
}

SyscallStats::ProcessEntry& SyscallStats::process_entry(std::uint32_t run, Pid pid) {
  max_run_ = std::max(max_run_, run);
  auto [it, inserted] = by_process_.try_emplace({run, pid.value});
  if (inserted) it->second.first_seen = by_process_.size();
  return it->second;
}

void SyscallStats::add_event(const Event& event, std::uint32_t run) {
  // Any event makes its process known, so the per-process table lists it.
  ProcessEntry& process = process_entry(run, event.pid);
  if (!CallStats::counts(event)) return;
  const int order = event.nr >= 0 ? event.nr : INT_MAX;
  const std::string name = event.name.empty() ? "syscall_" + std::to_string(event.nr) : event.name;
  by_syscall_[{order, name}].add(event);
  process.stats.add(event);
  total_.add(event);
}

void SyscallStats::add_process(const ProcessInfo& process, std::uint32_t run) {
  process_entry(run, process.pid).name = process.name();
}

void SyscallStats::add_trace(const Trace& trace) {
  for (const Event& e : trace.events) add_event(e, trace.run.index);
  for (const ProcessInfo& p : trace.processes) add_process(p, trace.run.index);
}

std::vector<CallRow> SyscallStats::rows(StatsGrouping grouping) const {
  std::vector<CallRow> rows;
  switch (grouping) {
    case StatsGrouping::Syscall:
      for (const auto& [key, stats] : by_syscall_) rows.push_back({key.second, stats});
      break;
    case StatsGrouping::Process: {
      std::vector<const std::pair<const std::pair<std::uint32_t, std::int32_t>, ProcessEntry>*>
          order;
      // Every process gets a row, even one whose only call never returned (a child
      // that went straight to _exit): the table then lists the whole process tree.
      for (const auto& entry : by_process_) order.push_back(&entry);
      std::sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
        return a->first.first != b->first.first ? a->first.first < b->first.first
                                                 : a->second.first_seen < b->second.first_seen;
      });
      for (const auto* entry : order) {
        std::string label = "pid " + std::to_string(entry->first.second);
        // The name is the program's (argv[0]): escaped like every string golden prints.
        if (!entry->second.name.empty()) label += " (" + display_escape(entry->second.name) + ")";
        // Pids restart with every run, so rows of different runs must say which.
        if (max_run_ > 0) label = "run " + std::to_string(entry->first.first + 1) + ": " + label;
        rows.push_back({std::move(label), entry->second.stats});
      }
      break;
    }
    case StatsGrouping::Class: {
      constexpr int kClasses = 10;
      std::vector<CallStats> classes(kClasses + 1);  // the last one: "other"
      for (const auto& [key, stats] : by_syscall_) {
        const SyscallInfo* info = info_for(key.first == INT_MAX ? -1 : key.first, key.second);
        bool any = false;
        for (int bit = 0; info != nullptr && bit < kClasses; ++bit) {
          if (info->in(static_cast<SyscallClass>(1 << bit))) {
            classes[bit].merge(stats);
            any = true;
          }
        }
        if (!any) classes[kClasses].merge(stats);
      }
      for (int bit = 0; bit <= kClasses; ++bit) {
        if (classes[bit].calls == 0) continue;
        std::string label =
            bit == kClasses ? "other"
                            : "%" + std::string(class_name(static_cast<SyscallClass>(1 << bit)));
        rows.push_back({std::move(label), classes[bit]});
      }
      break;
    }
  }
  sort_by_time(rows);
  return rows;
}

std::string SyscallStats::table(StatsGrouping grouping) const {
  const std::vector<CallRow> r = rows(grouping);
  return render_call_table(r, total_, grouping_header(grouping));
}

}  // namespace golden

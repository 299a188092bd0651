#include "golden/text/syscall_stats.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>

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

std::string_view base_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string call_name(const std::string& function) {
  return function.empty() || function.back() == ')' ? function : function + "()";
}

// Without a function name (no debug info, no symbol): where the code is.
std::string code_place(const SourceLocation& s) {
  if (s.module.empty()) return "(unknown)";
  char offset[32];
  std::snprintf(offset, sizeof offset, "+%#llx", static_cast<unsigned long long>(s.offset));
  return std::string(base_name(s.module)) + offset;
}

constexpr const char* kNoSource = "(no source)";

}  // namespace

std::string_view grouping_header(StatsGrouping grouping) {
  switch (grouping) {
    case StatsGrouping::Syscall: return "syscall";
    case StatsGrouping::Process: return "process";
    case StatsGrouping::Class: return "class";
    case StatsGrouping::Function: return "function";
    case StatsGrouping::Line: return "line";
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
  // A location with nothing in it: --source=N kept frames of a call no user code made.
  const bool located = event.source && (!event.source->function.empty() ||
                                        !event.source->file.empty() ||
                                        !event.source->module.empty());
  if (!located) {
    add_source(by_function_, "", kNoSource, event);
    add_source(by_line_, "", kNoSource, event);
    return;
  }
  ++with_source_;
  const SourceLocation& s = *event.source;
  // Keyed by function and file: two static functions of one name are two rows.
  if (s.function.empty()) {
    add_source(by_function_, "@" + s.module + "\n" + std::to_string(s.offset), code_place(s), event);
  } else {
    std::string label = call_name(s.function);
    if (!s.file.empty()) label += " [" + std::string(base_name(s.file)) + "]";
    add_source(by_function_, s.function + "\n" + s.file, label, event);
  }
  if (s.file.empty()) {
    std::string label = code_place(s);
    if (!s.function.empty()) label += " " + call_name(s.function);
    add_source(by_line_, "@" + s.module + "\n" + std::to_string(s.offset), label, event);
  } else {
    std::string label = std::string(base_name(s.file)) + ":" + std::to_string(s.line);
    if (!s.function.empty()) label += " " + call_name(s.function);
    add_source(by_line_, s.file + "\n" + std::to_string(s.line) + "\n" + s.function, label, event);
  }
}

void SyscallStats::add_source(std::map<std::string, SourceEntry>& table, std::string key,
                              const std::string& label, const Event& event) {
  auto [it, fresh] = table.try_emplace(std::move(key));
  if (fresh) {
    it->second.first_seen = table.size();
    it->second.label = label;
  }
  it->second.stats.add(event);
}

std::vector<CallRow> SyscallStats::source_rows(const std::map<std::string, SourceEntry>& table) const {
  std::vector<const SourceEntry*> order;
  for (const auto& [key, entry] : table) order.push_back(&entry);
  // First appearance breaks ties of time, as syscall number does for strace -c.
  std::sort(order.begin(), order.end(),
            [](const SourceEntry* a, const SourceEntry* b) { return a->first_seen < b->first_seen; });
  std::vector<CallRow> rows;
  for (const SourceEntry* e : order) rows.push_back({e->label, e->stats});
  return rows;
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
    case StatsGrouping::Function: rows = source_rows(by_function_); break;
    case StatsGrouping::Line: rows = source_rows(by_line_); break;
  }
  sort_by_time(rows);
  return rows;
}

std::string SyscallStats::table(StatsGrouping grouping) const {
  const std::vector<CallRow> r = rows(grouping);
  return render_call_table(r, total_, grouping_header(grouping));
}

}  // namespace golden

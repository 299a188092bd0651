#include "golden_cli.hpp"

#include <sstream>
#include <stdexcept>

#include "golden/io/trace_reader.hpp"

namespace golden::e2e {

std::string golden_exe() { return GOLDEN_E2E_GOLDEN_EXE; }

const std::vector<std::string>& tracee_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    std::istringstream in(GOLDEN_E2E_TRACEES);  // "name=path|name=path|..."
    std::string item;
    while (std::getline(in, item, '|'))
      if (!item.empty()) v.push_back(item.substr(0, item.find('=')));
    return v;
  }();
  return names;
}

std::string tracee(std::string_view name) {
  std::istringstream in(GOLDEN_E2E_TRACEES);
  std::string item;
  while (std::getline(in, item, '|')) {
    std::size_t eq = item.find('=');
    if (item.substr(0, eq) == name) return item.substr(eq + 1);
  }
  throw std::invalid_argument("unknown tracee program " + std::string(name));
}

RunResult capture(const std::string& output, const std::vector<std::string>& command,
                  const std::vector<std::string>& options, const RunOptions& run_options) {
  std::vector<std::string> argv = {golden_exe(), "capture"};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.insert(argv.end(), {"-o", output, "--"});
  argv.insert(argv.end(), command.begin(), command.end());
  return run(argv, run_options);
}

RunResult golden(const std::vector<std::string>& args, const RunOptions& run_options) {
  std::vector<std::string> argv = {golden_exe()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv, run_options);
}

Result<TraceFile> load_trace(const std::string& path) { return read_trace(path); }

std::string summarize(const Trace& trace, std::size_t max_events) {
  std::ostringstream s;
  s << trace.events.size() << " events, " << trace.processes.size() << " processes, " << trace.edges.size()
    << " edges\n";
  auto line = [&](const Event& e) {
    s << "  #" << e.seq << " [" << e.pid.value << "/" << e.tid.value << "] " << to_string(e.kind) << " " << e.name
      << " = " << e.ret << (e.err ? " err=" + std::to_string(e.err) : "") << (e.finished ? "" : " (unfinished)")
      << " lamport=" << e.lamport << " start=" << e.start.count() << " dur=" << e.duration.count() << "\n";
  };
  std::size_t n = trace.events.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (n > max_events && i == max_events / 2) {
      s << "  ...\n";
      i = n - max_events / 2;
    }
    line(trace.events[i]);
  }
  for (const Edge& e : trace.edges) s << "  edge " << to_string(e.kind) << " #" << e.from << " -> #" << e.to << "\n";
  for (const ProcessInfo& p : trace.processes) {
    s << "  process " << p.pid.value << " parent " << p.parent.value;
    if (p.created_by) s << " created_by #" << *p.created_by;
    for (const auto& x : p.execs) s << " exec " << x.path;
    if (p.exit_code) s << " exit " << *p.exit_code;
    if (p.exit_signal) s << " signal " << *p.exit_signal;
    s << "\n";
  }
  return s.str();
}

}  // namespace golden::e2e

#include "call_counts.hpp"

#include <sstream>

namespace golden::e2e {
namespace {

bool parse_u64(const std::string& s, std::uint64_t* out) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos) return false;
  *out = std::stoull(s);
  return true;
}

std::vector<std::string> fields(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> f;
  std::string w;
  while (in >> w) f.push_back(w);
  return f;
}

}  // namespace

std::optional<CallTable> parse_call_table(std::string_view text, std::string* error) {
  std::vector<std::string> lines = split_lines(text);
  std::size_t i = 0;
  // The last header word names the grouping: "syscall" (strace), "process", "class".
  const std::string_view prefix = kStraceHeader.substr(0, kStraceHeader.rfind(' ') + 1);
  while (i < lines.size() && lines[i].rfind(prefix, 0) != 0) ++i;
  if (i == lines.size()) {
    *error = "no strace -c header line";
    return std::nullopt;
  }
  CallTable table;
  table.lines.push_back(lines[i++]);
  // The name column is as wide as its longest entry (strace 6 sizes it the same way).
  const std::string_view sep_prefix = kStraceSeparator.substr(0, kStraceSeparator.rfind(' ') + 1);
  auto is_separator = [&](const std::string& line) {
    return line.size() >= kStraceSeparator.size() && line.rfind(sep_prefix, 0) == 0 &&
           line.find_first_not_of('-', sep_prefix.size()) == std::string::npos;
  };
  if (i == lines.size() || !is_separator(lines[i])) {
    *error = "header not followed by the separator line";
    return std::nullopt;
  }
  table.lines.push_back(lines[i++]);
  bool total_seen = false;
  for (; i < lines.size() && !total_seen; ++i) {
    const std::string& line = lines[i];
    table.lines.push_back(line);
    if (is_separator(line)) continue;
    // "% time seconds usecs/call calls [errors] name": errors is blank when 0. The
    // name column is last; a per-process name may contain spaces ("pid 12 (ls)").
    std::vector<std::string> f = fields(line);
    if (f.size() < 5) {
      *error = "row with too few columns: '" + line + "'";
      return std::nullopt;
    }
    CallCount c;
    std::size_t name_at = 4;
    if (!parse_u64(f[3], &c.calls)) {
      *error = "calls column is not a number: '" + line + "'";
      return std::nullopt;
    }
    if (f.size() >= 6 && parse_u64(f[4], &c.errors)) name_at = 5;
    std::string name;
    for (std::size_t k = name_at; k < f.size(); ++k) name += (name.empty() ? "" : " ") + f[k];
    if (name == "total") {
      table.total = c;
      total_seen = true;
    } else {
      table.rows[name] = c;
    }
  }
  if (!total_seen) {
    *error = "no total row";
    return std::nullopt;
  }
  return table;
}

CallCounts count_calls(const Trace& trace) {
  CallCounts counts;
  for (const Event& e : trace.events) {
    if (e.kind != EventKind::Syscall || !e.finished) continue;
    CallCount& c = counts[e.name];
    c.calls++;
    if (e.err != 0) c.errors++;
  }
  return counts;
}

std::size_t count_events(const Trace& trace, std::string_view name) {
  std::size_t n = 0;
  for (const Event& e : trace.events)
    if (e.kind == EventKind::Syscall && e.name == name) ++n;
  return n;
}

std::vector<std::string> compare_counts(const CallCounts& golden, const CallCounts& reference,
                                        const std::vector<CountRule>& rules) {
  std::vector<std::string> diffs;
  std::set<std::string> names;
  for (const auto& [n, c] : golden) names.insert(n);
  for (const auto& [n, c] : reference) names.insert(n);
  for (const std::string& name : names) {
    const CountRule* rule = nullptr;
    for (const auto& r : rules)
      if (r.syscall == name) rule = &r;
    if (rule != nullptr && rule->variance == Variance::Ignore) continue;
    CallCount g = golden.count(name) ? golden.at(name) : CallCount{};
    CallCount r = reference.count(name) ? reference.at(name) : CallCount{};
    std::ostringstream line;
    if (rule != nullptr && rule->variance == Variance::SuccessesOnly) {
      if (g.calls - g.errors == r.calls - r.errors) continue;
      line << name << ": successful calls: golden " << g.calls - g.errors << ", strace " << r.calls - r.errors
           << " (failures not compared: " << rule->why << ")";
    } else if (rule != nullptr && rule->variance == Variance::CallsOnly) {
      if (g.calls == r.calls) continue;
      line << name << ": calls: golden " << g.calls << ", strace " << r.calls << " (errors not compared: " << rule->why
           << ")";
    } else {
      if (g == r) continue;
      line << name << ": golden " << g.calls << " calls/" << g.errors << " errors, strace " << r.calls
           << " calls/" << r.errors << " errors";
    }
    diffs.push_back(line.str());
  }
  return diffs;
}

std::string format_counts(const CallCounts& counts) {
  std::ostringstream s;
  for (const auto& [name, c] : counts) s << "  " << name << " " << c.calls << "/" << c.errors << "\n";
  return s.str();
}

StraceRun run_strace_c(const std::vector<std::string>& argv, const std::vector<std::string>& extra,
                       const RunOptions& options) {
  TempDir dir;
  std::string out = dir.file("strace-c.txt");
  std::vector<std::string> cmd = {"strace", "-f", "-c", "-o", out};
  cmd.insert(cmd.end(), extra.begin(), extra.end());
  cmd.push_back("--");
  cmd.insert(cmd.end(), argv.begin(), argv.end());
  StraceRun s;
  s.result = run(cmd, options);
  s.table = parse_call_table(read_file(out), &s.error);
  return s;
}

bool have_strace() {
  RunResult r = run({"strace", "-V"}, {.timeout = 10s});
  return r.exit_code == 0 && r.out.find("strace -- version") != std::string::npos;
}

}  // namespace golden::e2e

#include "golden/text/run_format.hpp"

#include <algorithm>

#include <fmt/core.h>

#include "golden/model/escape.hpp"

namespace golden {
namespace {

bool needs_quotes(const std::string& word) {
  if (word.empty()) return true;
  return std::any_of(word.begin(), word.end(), [](unsigned char c) {
    return c <= ' ' || c >= 0x7f || c == '"' || c == '\'' || c == '\\' || c == '$' ||
           c == '`' || c == '*' || c == '?' || c == ';' || c == '&' || c == '|' || c == '<' ||
           c == '>' || c == '(' || c == ')';
  });
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

std::string format_command(const std::vector<std::string>& argv) {
  std::string out;
  for (const std::string& word : argv) {
    if (!out.empty()) out += ' ';
    // quote_bytes escapes control bytes too, so the header stays one line.
    out += needs_quotes(word) ? quote_bytes(word) : word;
  }
  return out;
}

std::string format_run_header(const Trace& trace, std::size_t run_count) {
  const RunInfo& run = trace.run;
  std::string out = "=== run " + std::to_string(run.index + 1) + " of " +
                    std::to_string(std::max<std::size_t>(run_count, 1)) + ": ";
  if (!run.command.empty()) {
    out += format_command(run.command);
  } else if (!run.attached.empty()) {
    out += "attached to pid ";
    for (std::size_t i = 0; i < run.attached.size(); ++i) {
      if (i) out += ',';
      out += std::to_string(run.attached[i].value);
    }
  } else {
    out += "(command unknown)";
  }
  out += ": ";
  if (run.exit_status) out += "exit status " + std::to_string(*run.exit_status) + ", ";
  out += fmt::format("wall {:.6f} s, ", static_cast<double>(run.wall_time.count()) / 1e9);
  out += plural(trace.events.size(), "event", "events") + ", ";
  out += plural(trace.processes.size(), "process", "processes") + " ===";
  return out;
}

std::string format_counters(const Counters& counters, std::string_view title) {
  if (counters.empty()) return {};
  std::size_t width = 0;
  for (const auto& [name, value] : counters) width = std::max(width, name.size());
  std::string out(title);
  out += '\n';
  for (const auto& [name, value] : counters) {
    out += fmt::format("  {:<{}}  {}\n", name, width, value);
  }
  return out;
}

}  // namespace golden

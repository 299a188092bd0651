#include "golden/assertions/call_query.hpp"

#include <algorithm>
#include <cerrno>
#include <optional>
#include <regex>
#include <unordered_map>

#include "golden/model/escape.hpp"
#include "golden/model/glob.hpp"
#include "golden/syscalls/families.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden {
namespace {

std::string literal_brackets(std::string_view glob) {
  std::string out;
  for (char c : glob) {
    if (c == '[' || c == ']') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

bool path_glob_match(std::string_view glob, std::string_view path) {
  return glob_match(glob, path);
}

bool endpoint_glob_match(std::string_view glob, std::string_view endpoint) {
  return glob_match(literal_brackets(glob), endpoint);
}

std::vector<std::string> path_forms(const Arg& a) {
  std::vector<std::string> out;
  if (!a.str.empty()) out.push_back(a.str);
  std::string_view given = a.text;
  if (given.size() >= 2 && given.front() == '"') {
    given.remove_prefix(1);
    given = given.substr(0, given.rfind('"'));
    if (auto raw = unescape_bytes(given); raw && *raw != a.str) out.push_back(*raw);
  }
  return out;
}

std::vector<std::string> contacted_endpoints(const Event& e) {
  std::vector<std::string> out;
  if (e.kind != EventKind::Syscall ||
      (e.name != "connect" && !syscalls::has_family(e.name, syscalls::Family::Send)))
    return out;
  for (const Arg& a : e.args)
    if (a.kind == ArgKind::Sockaddr && !a.str.empty()) out.push_back(a.str);
  return out;
}

bool call_succeeded(const Event& e) {
  return !e.failed() || (e.name == "connect" && e.err == EINPROGRESS);
}

Result<CallSelector> parse_call_selector(std::string_view name) {
  CallSelector sel;
  if (name.starts_with('%') || !syscall_by_name(name)) {
    if (auto c = class_from_name(name)) {
      sel.classes = *c;
      return sel;
    }
    return Error{"not a syscall name nor a class (file, network, process, memory, signal, ipc, "
                 "desc, creds, clock, stat)",
                 std::string(name)};
  }
  sel.syscalls.emplace_back(name);
  return sel;
}

namespace {

// Compiled once per pattern: selectors are checked against every event of a trace. The
// config parser has checked the syntax; a bad pattern given through the API selects
// nothing.
const std::regex* compiled(const std::string& pattern) {
  thread_local std::unordered_map<std::string, std::optional<std::regex>> cache;
  auto [it, fresh] = cache.try_emplace(pattern);
  if (fresh) {
    try {
      it->second.emplace(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error&) {
    }
  }
  return it->second ? &*it->second : nullptr;
}

bool source_matches(const std::string& pattern, const std::string* value) {
  if (pattern.empty()) return true;
  if (value == nullptr) return false;
  const std::regex* re = compiled(pattern);
  return re != nullptr && std::regex_search(*value, *re);
}

}  // namespace

bool selects_by_source(const CallSelector& sel, const Event& e) {
  const SourceLocation* s = e.source ? &*e.source : nullptr;
  return source_matches(sel.function_pattern, s ? &s->function : nullptr) &&
         source_matches(sel.file_pattern, s ? &s->file : nullptr);
}

Status check_source_selectable(const CallSelector& sel, const Trace& trace) {
  if (sel.function_pattern.empty() && sel.file_pattern.empty()) return Ok{};
  for (const Event& e : trace.events)
    if (e.source) return Ok{};
  return Error{std::string(sel.function_pattern.empty() ? "file_pattern" : "function_pattern") +
                   " needs source locations: capture the trace with --source (program built "
                   "with -g)",
               ""};
}

bool selects_call(const CallSelector& sel, const Event& e) {
  if (e.kind != EventKind::Syscall) return false;
  if (!selects_by_source(sel, e)) return false;
  if (sel.syscalls.empty() && sel.classes == 0) return true;
  if (std::find(sel.syscalls.begin(), sel.syscalls.end(), e.name) != sel.syscalls.end())
    return true;
  if (sel.classes == 0) return false;
  const SyscallInfo* info = syscall_by_nr(e.nr);
  if (info == nullptr) info = syscall_by_name(e.name);
  return info != nullptr && (info->classes & sel.classes) != 0;
}

std::string describe_selector(const CallSelector& sel) {
  std::string out;
  for (const std::string& s : sel.syscalls) out += (out.empty() ? "" : ", ") + s;
  for (std::uint16_t bit = 1; bit != 0; bit = static_cast<std::uint16_t>(bit << 1))
    if ((sel.classes & bit) != 0)
      out += (out.empty() ? "%" : ", %") + std::string(class_name(static_cast<SyscallClass>(bit)));
  out = out.empty() ? "all syscalls" : out + " calls";
  if (!sel.process_name_pattern.empty())
    out += " of processes matching '" + sel.process_name_pattern + "'";
  if (!sel.function_pattern.empty()) out += " in functions matching '" + sel.function_pattern + "'";
  if (!sel.file_pattern.empty()) out += " in files matching '" + sel.file_pattern + "'";
  return out;
}

}  // namespace golden

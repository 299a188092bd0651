// Parsing of strace's -e trace= expression into a set of syscall numbers.
#include "golden/syscalls/filter.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <regex>

#include "golden/model/marker.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden {
namespace {

// strace's finer classes that have no SyscallClass bit of their own (sysent flags PU,
// TST, TLST, TFST, TSTA, TSF, TFSF, TSFA), kept as name lists.
struct NamedSet {
  std::string_view token;
  std::array<std::string_view, 8> names;  // unused slots are empty
};

const NamedSet kFineClasses[] = {
    {"%pure", {"getpid", "getuid", "getgid", "geteuid", "getegid", "getppid", "getpgrp", "gettid"}},
    {"%stat", {"stat"}},
    {"%lstat", {"lstat"}},
    {"%fstat", {"fstat", "newfstatat", "statx"}},
    {"%%stat", {"stat", "fstat", "lstat", "newfstatat", "statx"}},
    {"%statfs", {"statfs"}},
    {"%fstatfs", {"fstatfs"}},
    {"%%statfs", {"ustat", "statfs", "fstatfs"}},
};

// Class names strace still accepts without the leading '%'.
constexpr std::string_view kLegacyClassNames[] = {"file",   "ipc",  "network", "process",
                                                  "signal", "desc", "memory"};

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (;;) {
    const auto pos = s.find(sep);
    out.push_back(s.substr(0, pos));
    if (pos == std::string_view::npos) return out;
    s.remove_prefix(pos + 1);
  }
}

std::string quote_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

}  // namespace

SyscallFilter::SyscallFilter() { set_.set(); }

Result<SyscallFilter> SyscallFilter::parse(std::string_view expression) {
  std::string_view list = expression;
  if (list.starts_with("trace=")) {
    list.remove_prefix(6);
  } else if (list.starts_with("t=")) {
    list.remove_prefix(2);
  }
  const std::string shown = "-e trace=" + std::string(list);
  bool negate = false;
  if (list.starts_with('!')) {
    negate = true;
    list.remove_prefix(1);
  }
  if (list.empty()) return Error{"empty syscall list in " + shown, ""};

  std::bitset<kMaxNr> set;
  bool all = false;  // "all" also covers numbers beyond the table
  std::vector<std::string> unknown;
  for (std::string_view token : split(list, ',')) {
    if (token.empty()) return Error{"empty syscall name in " + shown, ""};
    const bool optional = token.starts_with('?');  // strace: "?name" ignores unknown names
    if (optional) token.remove_prefix(1);

    if (token == "all") {
      set.set();
      all = true;
      continue;
    }
    if (token == "none") continue;
    if (token.starts_with('/')) {
      std::regex re;
      try {
        re = std::regex(std::string(token.substr(1)), std::regex::extended | std::regex::nosubs);
      } catch (const std::regex_error& e) {
        return Error{"invalid regular expression '" + std::string(token.substr(1)) + "' in " +
                         shown + ": " + e.what(),
                     ""};
      }
      for (const SyscallInfo& s : all_syscalls()) {
        if (std::regex_search(s.name.begin(), s.name.end(), re)) set.set(static_cast<std::size_t>(s.nr));
      }
      continue;
    }
    bool matched_fine = false;
    for (const NamedSet& fine : kFineClasses) {
      if (fine.token != token) continue;
      for (std::string_view name : fine.names) {
        if (!name.empty()) set.set(static_cast<std::size_t>(syscall_by_name(name)->nr));
      }
      matched_fine = true;
    }
    if (matched_fine) continue;
    const bool legacy_class = std::find(std::begin(kLegacyClassNames), std::end(kLegacyClassNames),
                                        token) != std::end(kLegacyClassNames);
    if (token.starts_with('%') || legacy_class) {
      const auto cls = class_from_name(token);
      if (!cls) {
        if (optional) continue;
        return Error{"unknown syscall class '" + std::string(token) + "' in " + shown, ""};
      }
      for (const SyscallInfo& s : all_syscalls()) {
        if (s.in(*cls)) set.set(static_cast<std::size_t>(s.nr));
      }
      continue;
    }
    // strace's personality suffix: only the native one (@64) is traced by number; the
    // seccomp filter hands every non-native call to the tracer anyway.
    if (token.ends_with("@64")) token.remove_suffix(3);
    if (token.ends_with("@32") || token.ends_with("@x32")) continue;
    int nr = -1;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), nr);
    if (ec == std::errc() && end == token.data() + token.size()) {
      if (nr < 0 || nr >= kMaxNr) {
        return Error{"syscall number " + std::string(token) + " out of range in " + shown, ""};
      }
      set.set(static_cast<std::size_t>(nr));
      continue;
    }
    if (const SyscallInfo* s = syscall_by_name(token)) {
      set.set(static_cast<std::size_t>(s->nr));
    } else if (!optional) {
      unknown.emplace_back(token);
    }
  }
  if (!unknown.empty()) {
    return Error{std::string(unknown.size() == 1 ? "unknown syscall " : "unknown syscalls ") +
                     quote_list(unknown) + " in " + shown,
                 ""};
  }

  SyscallFilter f;
  f.set_ = negate ? ~set : set;
  const bool beyond_traced = negate ? !all : all;
  f.negated_default_ = !beyond_traced;
  f.expression_ = std::string(expression);
  return f;
}

bool SyscallFilter::traces(int nr) const {
  if (nr < 0) return false;
  if (nr == kMarkerSyscall) return true;  // spans, not a syscall: never filtered out
  if (nr >= kMaxNr) return !negated_default_;
  return set_.test(static_cast<std::size_t>(nr));
}

bool SyscallFilter::traces_everything() const { return set_.all() && !negated_default_; }

}  // namespace golden

// Parsing of strace's -e trace= expression into a set of syscall numbers.
#include "golden/syscalls/filter.hpp"

#include <regex.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <memory>

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

// A -e expression is a command-line argument: this is far more than any needs, and keeps
// the trace header that records it short (docs/trace-format.md, "Limits").
constexpr std::size_t kMaxExpression = 64 * 1024;

// "/regex" is matched as strace matches it: POSIX extended, glibc's regcomp, searched in
// each name. Some expressions cost glibc far more than their size: it copies what `+` and
// {m,n} repeat (x+ is xx*), so a{1000}{1000} is a million states (seconds, hundreds of
// MB) and a+++...+ (22 of them) 3 GB; deep nesting and back-references recurse without
// bound (glibc bug 11053). std::regex, used before, backtracked exponentially on "o.*++&".
// (Both found by fuzzing.) So an expression is kept small once its repetitions are
// multiplied out, a repetition of a repetition (undefined in POSIX) and back-references
// are refused: no syscall-name pattern needs them.
constexpr std::size_t kMaxRegexBytes = 256;
constexpr std::uint64_t kMaxRegexExpansion = 10000;

// The index of the ']' that closes the bracket expression opening at re[open].
std::size_t bracket_end(std::string_view re, std::size_t open) {
  std::size_t j = open + 1;
  if (j < re.size() && re[j] == '^') ++j;
  if (j < re.size() && re[j] == ']') ++j;  // a leading ']' is a member
  for (; j < re.size(); ++j) {
    if (re[j] == '[' && j + 1 < re.size() && (re[j + 1] == ':' || re[j + 1] == '.' || re[j + 1] == '=')) {
      const char kind = re[j + 1];
      for (j += 2; j + 1 < re.size() && !(re[j] == kind && re[j + 1] == ']'); ++j) {
      }
      ++j;
    } else if (re[j] == ']') {
      return j;
    }
  }
  return re.size();  // unmatched: regcomp says so
}

// Why `re` is refused, or "" when it is not.
std::string regex_too_costly(std::string_view re) {
  if (re.size() > kMaxRegexBytes) return "longer than " + std::to_string(kMaxRegexBytes) + " bytes";
  // As an upper bound, every repetition multiplies the whole expression.
  std::uint64_t expansion = re.size();
  bool after_repetition = false;
  for (std::size_t i = 0; i < re.size(); ++i) {
    std::uint64_t copies = 0;  // 0: re[i] is not a repetition
    if (re[i] == '\\') {
      if (i + 1 < re.size() && re[i + 1] >= '1' && re[i + 1] <= '9')
        return "using back-references, which are not supported";
      ++i;
    } else if (re[i] == '[') {
      i = bracket_end(re, i);
    } else if (re[i] == '*' || re[i] == '?') {
      copies = 1;
    } else if (re[i] == '+') {
      copies = 2;
    } else if (re[i] == '{' && i + 1 < re.size() && std::isdigit(static_cast<unsigned char>(re[i + 1]))) {
      // {m}, {m,} (counted as m + 1) or {m,n} (n).
      auto number = [&](std::size_t& at) {
        std::uint64_t n = 0;
        while (at < re.size() && std::isdigit(static_cast<unsigned char>(re[at])))
          n = std::min<std::uint64_t>(n * 10 + static_cast<std::uint64_t>(re[at++] - '0'),
                                      kMaxRegexExpansion + 1);
        return n;
      };
      std::size_t j = i + 1;
      copies = number(j);
      if (j < re.size() && re[j] == ',') {
        const std::size_t digits = ++j;
        const std::uint64_t upper = number(j);
        copies = j > digits ? upper : copies + 1;
      }
      i = j;  // the '}'
      copies = std::max<std::uint64_t>(copies, 1);
    }
    if (copies == 0) {
      after_repetition = false;
      continue;
    }
    if (after_repetition) return "repeating a repetition, which POSIX leaves undefined";
    after_repetition = true;
    expansion = std::min(expansion * copies, kMaxRegexExpansion + 1);
  }
  if (expansion > kMaxRegexExpansion) return "too large once its repetitions are expanded";
  return "";
}

struct RegexFree {
  void operator()(regex_t* re) const {
    regfree(re);
    delete re;
  }
};

Status add_regex_matches(std::string_view pattern, const std::string& shown,
                         std::bitset<SyscallFilter::kMaxNr>& set) {
  const std::string text(pattern);
  const std::string why = regex_too_costly(text);
  if (!why.empty())
    return Error{"regular expression '" + text + "' in " + shown + " refused: " + why, ""};
  std::unique_ptr<regex_t, RegexFree> re(new regex_t);
  const int rc = regcomp(re.get(), text.c_str(), REG_EXTENDED | REG_NOSUB);
  if (rc != 0) {
    char message[256];
    regerror(rc, re.get(), message, sizeof message);
    delete re.release();  // regcomp failed: nothing to regfree
    return Error{"invalid regular expression '" + text + "' in " + shown + ": " + message, ""};
  }
  for (const SyscallInfo& s : all_syscalls()) {
    const std::string name(s.name);
    if (regexec(re.get(), name.c_str(), 0, nullptr, 0) == 0) set.set(static_cast<std::size_t>(s.nr));
  }
  return Ok{};
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
  if (expression.size() > kMaxExpression)
    return Error{"-e expression longer than " + std::to_string(kMaxExpression / 1024) + " KiB", ""};
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
      Status st = add_regex_matches(token.substr(1), shown, set);
      if (!st) return st.error();
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

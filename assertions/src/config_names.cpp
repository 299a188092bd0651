// Names of assertion types and outcomes as they appear in TOML and in reports.
#include <array>
#include <utility>

#include "golden/assertions/config.hpp"
#include "golden/assertions/outcome.hpp"

namespace golden {
namespace {

constexpr std::array<std::pair<AssertionType, std::string_view>, 9> kTypes{{
    {AssertionType::CriticalPath, "critical_path"},
    {AssertionType::SpanCount, "span_count"},
    {AssertionType::MemoryUsage, "memory_usage"},
    {AssertionType::AntiPattern, "anti_pattern"},
    {AssertionType::WallTime, "wall_time"},
    {AssertionType::SyscallCount, "syscall_count"},
    {AssertionType::ErrorCount, "error_count"},
    {AssertionType::Forbidden, "forbidden"},
    {AssertionType::Required, "required"},
}};

}  // namespace

std::string_view to_string(AssertionType type) {
  for (const auto& [t, name] : kTypes)
    if (t == type) return name;
  return "?";
}

std::optional<AssertionType> assertion_type_from_string(std::string_view s) {
  for (const auto& [t, name] : kTypes)
    if (name == s) return t;
  return std::nullopt;
}

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::Pass:
      return "pass";
    case Outcome::Fail:
      return "fail";
    case Outcome::Warn:
      return "warn";
    case Outcome::Inconclusive:
      return "inconclusive";
    case Outcome::NotApplicable:
      return "not_applicable";
    case Outcome::Disabled:
      return "disabled";
    case Outcome::Error:
      return "error";
  }
  return "?";
}

std::size_t CheckReport::count(Outcome outcome) const {
  std::size_t n = 0;
  for (const AssertionResult& r : results) n += r.outcome == outcome ? 1 : 0;
  return n;
}

int CheckReport::exit_status() const {
  if (count(Outcome::Error) > 0) return 2;
  if (count(Outcome::Fail) > 0) return 1;
  return 0;
}

}  // namespace golden

#include "demangle.hpp"

#include <cxxabi.h>

#include <cstdlib>
#include <memory>

namespace golden::source {
namespace {

// Template functions demangle with their return type first ("void f<int>"): the name is
// what follows the last space outside <>, () and [] — unless that space belongs to a
// conversion operator ("operator bool").
std::string_view drop_return_type(std::string_view name) {
  const std::size_t n = name.size();
  // "operator" as a keyword ends at i: at the start or after "::" or a space, not inside
  // a name such as is_operator.
  auto keyword_ends_at = [&](std::size_t i) {
    constexpr std::string_view kOperator = "operator";
    if (i < kOperator.size() || name.substr(i - kOperator.size(), kOperator.size()) != kOperator)
      return false;
    const std::size_t before = i - kOperator.size();
    return before == 0 || name[before - 1] == ':' || name[before - 1] == ' ';
  };
  int depth = 0;
  std::size_t cut = std::string_view::npos;
  for (std::size_t i = 0; i < n; ++i) {
    if (keyword_ends_at(i)) {
      // operator<, operator<<, operator->, operator()...: their brackets do not nest.
      std::size_t j = i;
      while (j < n &&
             std::string_view("<>=-!()[]+*/%^&|~,").find(name[j]) != std::string_view::npos)
        ++j;
      if (j > i) {
        // The demangler puts a space between an operator and its template arguments
        // ("operator<< <char>"): it is no return-type boundary.
        if (j + 1 < n && name[j] == ' ' && name[j + 1] == '<') ++j;
        i = j - 1;
        continue;
      }
      if (name[i] == ' ') continue;  // "operator bool", "operator new"
    }
    const char c = name[i];
    if (c == '<' || c == '(' || c == '[')
      ++depth;
    else if ((c == '>' || c == ')' || c == ']') && depth > 0)
      --depth;
    else if (c == ' ' && depth == 0)
      cut = i;
  }
  if (cut == std::string_view::npos || cut + 1 == n) return name;  // nothing after: keep it
  return name.substr(cut + 1);
}

}  // namespace

std::string strip_parameters(std::string_view s) {
  // Trailing qualifiers of member functions and ref-qualifiers.
  for (bool again = true; again;) {
    again = false;
    for (std::string_view q : {" const", " volatile", " &&", " &", " noexcept"}) {
      if (s.ends_with(q)) {
        s.remove_suffix(q.size());
        again = true;
      }
    }
  }
  // A trailing ABI tag belongs to the return type or the name, never to the parameters.
  if (s.empty() || s.back() != ')') return std::string(s);
  int depth = 0;
  for (std::size_t i = s.size(); i-- > 0;) {
    if (s[i] == ')')
      ++depth;
    else if (s[i] == '(' && --depth == 0) {
      std::string_view name = s.substr(0, i);
      if (name.empty()) return std::string(s);
      return std::string(drop_return_type(name));
    }
  }
  return std::string(s);
}

std::string readable_function_name(std::string_view symbol) {
  if (!symbol.starts_with("_Z")) return std::string(symbol);
  const std::string mangled(symbol);
  int status = 0;
  std::unique_ptr<char, decltype(&std::free)> out(
      abi::__cxa_demangle(mangled.c_str(), nullptr, nullptr, &status), &std::free);
  if (status != 0 || !out) return mangled;
  return strip_parameters(out.get());
}

}  // namespace golden::source

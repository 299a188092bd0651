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
  int depth = 0;
  std::size_t cut = std::string_view::npos;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (name.substr(0, i).ends_with("operator")) {
      // operator<, operator<<, operator->, operator() ...: their brackets do not nest.
      while (i < name.size() && std::string_view("<>=-!()[]").find(name[i]) != std::string_view::npos) ++i;
      if (i < name.size() && name[i] == ' ') continue;
      --i;
      continue;
    }
    if (c == '<' || c == '(' || c == '[') ++depth;
    else if ((c == '>' || c == ')' || c == ']') && depth > 0) --depth;
    else if (c == ' ' && depth == 0) cut = i;
  }
  return cut == std::string_view::npos ? name : name.substr(cut + 1);
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
    if (s[i] == ')') ++depth;
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

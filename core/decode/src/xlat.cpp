#include "xlat.hpp"

#include <cstdio>

namespace golden::detail {

std::string hex_text(std::uint64_t v) {
  if (v == 0) return "0";
  char buf[24];
  std::snprintf(buf, sizeof buf, "%#llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string flags_text(std::uint64_t v, XlatTable table, std::string_view zero,
                       std::string_view unknown_prefix) {
  if (v == 0) {
    const auto name = lookup(0, table);
    return std::string(name.empty() ? zero : name);
  }
  std::string out;
  for (const Xlat& x : table) {
    if (x.value == 0 || (v & x.value) != x.value) continue;
    if (!out.empty()) out += '|';
    out += x.name;
    v &= ~x.value;
    if (v == 0) break;
  }
  if (v != 0) {
    if (!out.empty()) {
      out += '|';
      out += hex_text(v);
    } else {
      out = hex_text(v);
      if (!unknown_prefix.empty()) out += " /* " + std::string(unknown_prefix) + "??? */";
    }
  }
  return out;
}

std::string_view lookup(std::uint64_t v, XlatTable table) {
  for (const Xlat& x : table) {
    if (x.value == v) return x.name;
  }
  return {};
}

std::string enum_text(std::uint64_t v, XlatTable table, std::string_view unknown_prefix) {
  if (auto name = lookup(v, table); !name.empty()) return std::string(name);
  if (unknown_prefix.empty()) return std::to_string(v);
  return hex_text(v) + " /* " + std::string(unknown_prefix) + "??? */";
}

}  // namespace golden::detail

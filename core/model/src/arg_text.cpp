#include "golden/model/arg_text.hpp"

#include <charconv>
#include <string>

#include "golden/model/escape.hpp"

namespace golden {
namespace {

// to_chars, not snprintf: the reader computes this text for most arguments it reads.
std::string in_base(std::uint64_t v, const char* prefix, int base) {
  char buf[32] = {};
  std::size_t n = std::char_traits<char>::length(prefix);
  std::char_traits<char>::copy(buf, prefix, n);
  const auto r = std::to_chars(buf + n, buf + sizeof buf, v, base);
  return std::string(buf, r.ptr);
}

std::string hex(std::uint64_t v) { return v == 0 ? std::string("0") : in_base(v, "0x", 16); }

}  // namespace

std::string fd_annotation(std::string_view what) {
  if (what.empty()) return {};
  constexpr std::string_view kDeleted = " (deleted)";
  const bool deleted = what.size() > kDeleted.size() && what.ends_with(kDeleted);
  if (deleted) what.remove_suffix(kDeleted.size());
  std::string out = "<";
  append_display_escaped(out, what, "<>");
  out += '>';
  if (deleted) out += "(deleted)";
  return out;
}

std::string conventional_text(const Arg& arg) {
  const auto u = static_cast<std::uint64_t>(arg.raw);
  switch (arg.kind) {
    case ArgKind::Int: return std::to_string(arg.raw);
    case ArgKind::UInt: return std::to_string(u);
    case ArgKind::Hex: return hex(u);
    case ArgKind::Ptr: return u == 0 ? std::string("NULL") : hex(u);
    case ArgKind::Fd:
      return std::to_string(arg.raw) + fd_annotation(arg.str);
    case ArgKind::Path:
    case ArgKind::String: return quote_bytes(arg.str);
    case ArgKind::Mode:
      // strace's %#03o: 0644, 022, and 000 for an empty mode.
      if (u == 0) return "000";
      return u < 010 ? in_base(u, "00", 8) : in_base(u, "0", 8);
    case ArgKind::Buffer:
      return arg.data ? quote_bytes(arg.data->head, !arg.data->complete()) : hex(u);
    case ArgKind::Argv: {
      std::string out = "[";
      for (std::size_t i = 0; i < arg.list.size(); ++i) {
        if (i) out += ", ";
        out += quote_bytes(arg.list[i]);
      }
      return out + "]";
    }
    case ArgKind::Flags:
    case ArgKind::Enum:
    case ArgKind::Signal:
    case ArgKind::Sockaddr:
    case ArgKind::Struct: return {};
  }
  return {};
}

}  // namespace golden

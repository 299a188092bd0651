#include "golden/model/arg_text.hpp"

#include <cstdio>

#include "golden/model/escape.hpp"

namespace golden {
namespace {

std::string hex(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%#llx", static_cast<unsigned long long>(v));
  return v == 0 ? std::string("0") : std::string(buf);
}

}  // namespace

std::string conventional_text(const Arg& arg) {
  const auto u = static_cast<std::uint64_t>(arg.raw);
  switch (arg.kind) {
    case ArgKind::Int: return std::to_string(arg.raw);
    case ArgKind::UInt: return std::to_string(u);
    case ArgKind::Hex: return hex(u);
    case ArgKind::Ptr: return u == 0 ? std::string("NULL") : hex(u);
    case ArgKind::Fd:
      return arg.str.empty() ? std::to_string(arg.raw)
                             : std::to_string(arg.raw) + "<" + arg.str + ">";
    case ArgKind::Path:
    case ArgKind::String: return quote_bytes(arg.str);
    case ArgKind::Mode: {
      char buf[24];
      // strace's %#03o: 0644, 022, and 000 for an empty mode.
      std::snprintf(buf, sizeof buf, "%#03llo", static_cast<unsigned long long>(u));
      return buf;
    }
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

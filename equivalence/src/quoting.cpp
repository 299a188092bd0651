#include "quoting.hpp"

#include "byte_scan.hpp"

namespace golden::eqv {

void append_quoted(std::string& out, std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.reserve(out.size() + bytes.size() + 8);
  out += '"';
  std::size_t i = 0;
  while (i < bytes.size()) {
    // Runs of printable ASCII (the common case) are appended in one go.
    std::size_t j = i;
    while (j + 8 <= bytes.size() && !scan::any_to_escape(scan::load(bytes.data() + j))) j += 8;
    while (j < bytes.size()) {
      const auto c = static_cast<unsigned char>(bytes[j]);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') break;
      ++j;
    }
    out.append(bytes.data() + i, j - i);
    if (j == bytes.size()) break;
    const auto c = static_cast<unsigned char>(bytes[j]);
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        out += "\\x";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
    }
    i = j + 1;
  }
  out += '"';
}

}  // namespace golden::eqv

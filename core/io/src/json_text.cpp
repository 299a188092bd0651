#include "json_text.hpp"

#include <charconv>

#include "golden/model/escape.hpp"

namespace golden::io_detail {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// True when every byte can go between JSON quotes as is.
bool plain_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
  return true;
}

bool in(unsigned char c, unsigned char lo, unsigned char hi) {
  return c >= lo && c <= hi;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    std::ptrdiff_t left = end - p;
    if (in(c, 0xC2, 0xDF)) {
      if (left < 2 || !in(p[1], 0x80, 0xBF)) return false;
      p += 2;
    } else if (in(c, 0xE0, 0xEF)) {
      if (left < 3) return false;
      unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;  // E0: no overlongs
      unsigned char hi = c == 0xED ? 0x9F : 0xBF;  // ED: no UTF-16 surrogates
      if (!in(p[1], lo, hi) || !in(p[2], 0x80, 0xBF)) return false;
      p += 3;
    } else if (in(c, 0xF0, 0xF4)) {
      if (left < 4) return false;
      unsigned char lo = c == 0xF0 ? 0x90 : 0x80;  // F0: no overlongs
      unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;  // F4: nothing above U+10FFFF
      if (!in(p[1], lo, hi) || !in(p[2], 0x80, 0xBF) || !in(p[3], 0x80, 0xBF)) return false;
      p += 4;
    } else {
      return false;
    }
  }
  return true;
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  if (plain_ascii(s)) {
    out += s;
    out += '"';
    return;
  }
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

void append_bytes_value(std::string& out, std::string_view s) {
  if (plain_ascii(s)) {
    out += '"';
    out += s;
    out += '"';
  } else if (is_valid_utf8(s)) {
    append_json_string(out, s);
  } else {
    out += "{\"esc\":";
    append_json_string(out, escape_bytes(s));
    out += '}';
  }
}

void append_int(std::string& out, std::int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void append_uint(std::string& out, std::uint64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void append_hex16(std::string& out, std::uint64_t v) {
  char buf[18];
  buf[0] = '"';
  for (int i = 0; i < 16; ++i) buf[16 - i] = kHex[(v >> (4 * i)) & 0xf];
  buf[17] = '"';
  out.append(buf, sizeof buf);
}

}  // namespace golden::io_detail

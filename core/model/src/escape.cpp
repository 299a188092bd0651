#include "golden/model/escape.hpp"

#include "golden/model/byte_scan.hpp"

namespace golden {

void append_escaped(std::string& out, std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.reserve(out.size() + bytes.size() + 8);
  std::size_t i = 0;
  while (i < bytes.size()) {
    // Runs of printable ASCII (the common case) are appended in one go, tested a word
    // at a time.
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
}

void append_display_escaped(std::string& out, std::string_view bytes, std::string_view also, bool hex) {
  static constexpr char kHex[] = "0123456789abcdef";
  // Most fd paths hold none of the extra characters: then the word-at-a-time scan applies.
  if (!also.empty() && bytes.find_first_of(also) == std::string_view::npos) also = {};
  out.reserve(out.size() + bytes.size() + 8);
  std::size_t i = 0;
  while (i < bytes.size()) {
    std::size_t j = i;
    if (!hex) {
      // Printable runs (the common case) in one append, a word at a time.
      while (j + 8 <= bytes.size() && also.empty() && !scan::any_to_escape(scan::load(bytes.data() + j))) j += 8;
      while (j < bytes.size()) {
        const auto c = static_cast<unsigned char>(bytes[j]);
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || also.find(static_cast<char>(c)) != std::string_view::npos)
          break;
        ++j;
      }
      out.append(bytes.data() + i, j - i);
      if (j == bytes.size()) break;
    }
    const auto c = static_cast<unsigned char>(bytes[j]);
    const bool listed = also.find(static_cast<char>(c)) != std::string_view::npos;
    if (hex) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (!listed && c == '\f') {
      out += "\\f";
    } else if (!listed && c == '\n') {
      out += "\\n";
    } else if (!listed && c == '\r') {
      out += "\\r";
    } else if (!listed && c == '\t') {
      out += "\\t";
    } else if (!listed && c == '\v') {
      out += "\\v";
    } else {
      // strace's octal: as few digits as needed, three when an octal digit follows (so
      // "\0" then '1' reads back as two bytes: "\0001").
      out += '\\';
      const bool digit_follows = j + 1 < bytes.size() && bytes[j + 1] >= '0' && bytes[j + 1] <= '7';
      if (digit_follows || (c >> 6) != 0) out += static_cast<char>('0' + (c >> 6));
      if (digit_follows || (c >> 3) != 0) out += static_cast<char>('0' + ((c >> 3) & 7));
      out += static_cast<char>('0' + (c & 7));
    }
    i = j + 1;
  }
}

std::string display_escape(std::string_view bytes, std::string_view also) {
  std::string out;
  append_display_escaped(out, bytes, also);
  return out;
}

void append_quoted(std::string& out, std::string_view bytes, bool truncated) {
  out += '"';
  append_display_escaped(out, bytes);
  out += '"';
  if (truncated) out += "...";
}

std::string quote_bytes_hex(std::string_view bytes, bool truncated) {
  std::string out = "\"";
  append_display_escaped(out, bytes, {}, true);
  out += '"';
  if (truncated) out += "...";
  return out;
}

std::string escape_bytes(std::string_view bytes) {
  std::string out;
  append_escaped(out, bytes);
  return out;
}

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> unescape_bytes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  // Plain runs are appended whole (memchr finds the next escape): most stored bytes
  // are printable text, and one append per run beats one per byte.
  while (i < s.size()) {
    const std::size_t escape = s.find('\\', i);
    if (escape == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, escape - i));
    i = escape + 1;
    if (i == s.size()) return std::nullopt;
    switch (s[i]) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'v': out += '\v'; break;
      case 'f': out += '\f'; break;
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case 'x': {
        if (i + 2 >= s.size()) return std::nullopt;
        int hi = hex_value(s[i + 1]);
        int lo = hex_value(s[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        break;
      }
      default: {
        // The display form's octal: one to three digits.
        if (s[i] < '0' || s[i] > '7') return std::nullopt;
        unsigned v = 0;
        std::size_t n = 0;
        while (n < 3 && i < s.size() && s[i] >= '0' && s[i] <= '7') {
          v = v * 8 + static_cast<unsigned>(s[i] - '0');
          ++i;
          ++n;
        }
        if (v > 0xff) return std::nullopt;
        out += static_cast<char>(v);
        continue;
      }
    }
    ++i;
  }
  return out;
}

std::string quote_bytes(std::string_view bytes, bool truncated) {
  std::string out;
  append_quoted(out, bytes, truncated);
  return out;
}

namespace {

void append_hex_byte(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\x";
  out += kHex[c >> 4];
  out += kHex[c & 0xf];
}

// The length of the well-formed UTF-8 sequence at s[i] (RFC 3629's table), 0 if none.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  if (c >= 0xc2 && c <= 0xdf)
    len = 2;
  else if (c >= 0xe0 && c <= 0xef)
    len = 3;
  else if (c >= 0xf0 && c <= 0xf4)
    len = 4;
  if (len == 0 || i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return 0;
  const auto c1 = static_cast<unsigned char>(s[i + 1]);
  if (len == 3 && ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 >= 0xa0))) return 0;  // overlong, surrogates
  if (len == 4 && ((c == 0xf0 && c1 < 0x90) || (c == 0xf4 && c1 >= 0x90))) return 0;  // overlong, > U+10FFFF
  return len;
}

}  // namespace

std::string sanitize_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
        append_hex_byte(out, c);
      else
        out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (const std::size_t len = utf8_sequence(s, i); len != 0) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      append_hex_byte(out, c);
      ++i;
    }
  }
  return out;
}

std::string xml_escape(std::string_view s) {
  const std::string clean = sanitize_text(s);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace golden

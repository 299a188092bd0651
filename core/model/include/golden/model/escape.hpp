// Byte escaping, in two forms with one inverse (unescape_bytes reads both):
//  - the storage form (escape_bytes): printable ASCII as is, \n \t \r \" \\ and \xNN for
//    the rest. The trace file keeps payload heads and non-UTF-8 strings in it (JSON
//    strings must be UTF-8); one fixed width per byte keeps it simple to read back.
//  - the display form (quote_bytes, display_escape): how golden prints a string to a
//    reader, exactly as strace 6.1 does: printable ASCII as is, \t \n \v \f \r \" \\,
//    other bytes in octal ("\0", "\33", "\177"; three digits when an octal digit
//    follows). Every string golden prints — arguments, fd annotations, argv, names —
//    goes through it, so no byte of a traced program can break a line of output.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace golden {

// Escapes `bytes` (no surrounding quotes).
std::string escape_bytes(std::string_view bytes);
// Inverse of escape_bytes and of display_escape; nullopt for a malformed escape sequence.
std::optional<std::string> unescape_bytes(std::string_view escaped);
// The storage form appended to `out` (hot paths: normalized lines, payload heads).
void append_escaped(std::string& out, std::string_view bytes);

// The display form. `also`: more characters to show in octal (strace escapes '<' and '>'
// in an fd's annotation: "3</tmp/a\76b>"). `hex`: every escaped byte as \xNN, as strace
// shows random bytes (getrandom).
std::string display_escape(std::string_view bytes, std::string_view also = {});
void append_display_escaped(std::string& out, std::string_view bytes, std::string_view also = {},
                            bool hex = false);
// `"display form"` plus "..." when `truncated`, as strace prints strings.
std::string quote_bytes(std::string_view bytes, bool truncated = false);
void append_quoted(std::string& out, std::string_view bytes, bool truncated = false);
// strace's hex-forced quoting: every byte as \xNN ("\x1f\xeb").
std::string quote_bytes_hex(std::string_view bytes, bool truncated = false);

// Text for reports (terminals, JSON, XML): well-formed UTF-8 and tab/newline pass
// through; control characters, DEL and every byte of an ill-formed sequence (overlong
// forms, surrogates, code points past U+10FFFF, truncated sequences) become \xNN.
std::string sanitize_text(std::string_view text);
// sanitize_text, then & < > " ' as XML entities.
std::string xml_escape(std::string_view text);

}  // namespace golden

// strace-style byte escaping: printable ASCII as is, \n \t \r \" \\ and \xNN for the
// rest. Used for payload heads in the trace file (JSON strings must be UTF-8, payloads
// are arbitrary bytes) and for display.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace golden {

// Escapes `bytes` (no surrounding quotes).
std::string escape_bytes(std::string_view bytes);
// Inverse of escape_bytes; nullopt for a malformed escape sequence.
std::optional<std::string> unescape_bytes(std::string_view escaped);
// `"escaped"` plus "..." when `truncated`, as strace prints strings.
std::string quote_bytes(std::string_view bytes, bool truncated = false);
// The same appended to `out`: for hot paths that quote many short strings into one
// reused buffer (normalized lines, payload heads).
void append_escaped(std::string& out, std::string_view bytes);
void append_quoted(std::string& out, std::string_view bytes, bool truncated = false);

// Text for reports (terminals, JSON, XML): well-formed UTF-8 and tab/newline pass
// through; control characters, DEL and every byte of an ill-formed sequence (overlong
// forms, surrogates, code points past U+10FFFF, truncated sequences) become \xNN.
std::string sanitize_text(std::string_view text);
// sanitize_text, then & < > " ' as XML entities.
std::string xml_escape(std::string_view text);

}  // namespace golden

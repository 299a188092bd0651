// The marker syscall as a Span event (golden/model/marker.hpp, SPEC §9).
#include "golden/decode/marker.hpp"

#include <algorithm>
#include <charconv>

#include "golden/model/arg_text.hpp"

namespace golden {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// The next whitespace-separated word of `rest` (consumed), or "" at the end.
std::string_view next_word(std::string_view& rest) {
  std::size_t begin = 0;
  while (begin < rest.size() && is_space(rest[begin])) ++begin;
  std::size_t end = begin;
  while (end < rest.size() && !is_space(rest[end])) ++end;
  const std::string_view word = rest.substr(begin, end - begin);
  rest.remove_prefix(end);
  return word;
}

Arg value_arg(std::string_view name, std::string_view value) {
  Arg a;
  a.name = std::string(name);
  std::int64_t number = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (!value.empty() && ec == std::errc{} && end == value.data() + value.size()) {
    a.kind = ArgKind::Int;
    a.raw = number;
  } else {
    a.kind = ArgKind::String;
    a.str = std::string(value);
  }
  a.text = conventional_text(a);
  return a;
}

}  // namespace

std::string parse_annotation(std::string_view message, std::vector<Arg>& args) {
  std::string_view rest = message;
  const std::string topic(next_word(rest));
  for (std::string_view word = next_word(rest); !word.empty(); word = next_word(rest)) {
    const auto eq = word.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      args.push_back(value_arg("", word));
    } else {
      args.push_back(value_arg(word.substr(0, eq), word.substr(eq + 1)));
    }
  }
  return topic;
}

MarkerDecode decode_marker(const SyscallRegs& regs, TraceeMemory& mem, Event& event) {
  MarkerDecode result;
  const std::uint64_t op = regs.args[0];
  const RemoteAddr where{regs.args[1]};
  const std::uint64_t length = regs.args[2];
  result.truncated = length > kMarkerMaxMessage;
  const std::size_t wanted =
      static_cast<std::size_t>(std::min<std::uint64_t>(length, kMarkerMaxMessage));
  std::string message(wanted, '\0');
  const std::size_t got = wanted == 0 ? 0 : mem.read(where, message.data(), wanted);
  message.resize(got);
  result.readable = got == wanted;
  // C callers often pass sizeof("literal"): a trailing NUL is not part of the name.
  while (!message.empty() && message.back() == '\0') message.pop_back();

  event.kind = EventKind::Span;
  event.args.clear();
  switch (op) {
    case static_cast<std::uint64_t>(MarkerOp::SpanOpen):
    case static_cast<std::uint64_t>(MarkerOp::SpanClose):
      event.nr = static_cast<int>(op);
      event.name = std::move(message);
      break;
    case static_cast<std::uint64_t>(MarkerOp::Annotation):
      event.nr = static_cast<int>(op);
      event.name = parse_annotation(message, event.args);
      break;
    default:
      // nr 0 is no op, so analysis never takes it for an open or close (the register
      // could hold 1 in its low bits); the op itself stays visible as an arg.
      result.known_op = false;
      event.nr = 0;
      event.name = std::move(message);
      event.args.push_back(value_arg("op", std::to_string(static_cast<std::int64_t>(op))));
      break;
  }
  return result;
}

}  // namespace golden

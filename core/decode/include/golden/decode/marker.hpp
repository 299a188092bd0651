// Decoding golden's marker syscall (golden/model/marker.hpp) into a Span event: the
// in-band channel instrumented programs and the allocation preload library use.
// Pure functions over TraceeMemory, like the syscall decoders, so they are tested
// without a tracee.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "golden/decode/decoder.hpp"
#include "golden/model/marker.hpp"

namespace golden {

// What went wrong reading one marker, for the recorder's anomaly counters (the event
// is produced anyway, with what could be read).
struct MarkerDecode {
  bool known_op = true;    // op is SpanOpen, SpanClose or Annotation
  bool readable = true;    // all min(len, kMarkerMaxMessage) bytes could be read
  bool truncated = false;  // len was over kMarkerMaxMessage: the rest was not read
};

// Fills `event` (kind Span, name, nr = op, args) from the marker's registers
// syscall(kMarkerSyscall, op, message_ptr, message_len); the message is read from the
// tracee. Leaves pid/tid/timing/ret to the caller.
MarkerDecode decode_marker(const SyscallRegs& regs, TraceeMemory& mem, Event& event);

// An annotation message "<topic> key=value ...": returns the topic (the first
// whitespace-separated word) and appends one arg per following word to `args`: Int when
// the value is a whole signed 64-bit number, else String. A word without "key=" becomes
// a String arg without a name, so nothing the program said is dropped.
std::string parse_annotation(std::string_view message, std::vector<Arg>& args);

}  // namespace golden

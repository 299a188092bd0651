// The in-band channel from a traced program to the recorder (SPEC §9): instrumented
// programs and golden's preload library make a syscall with a number no kernel
// defines. Untraced it fails with ENOSYS at a cost of ~100 ns; under `golden capture`
// the recorder turns it into an Event of kind Span instead of a syscall event.
//
//   syscall(kMarkerSyscall, op, message_ptr, message_len)
//
// The message is UTF-8 text (at most kMarkerMaxMessage bytes).
#pragma once

#include <cstddef>
#include <cstdint>

namespace golden {

// 0x601d: far above the x86-64 table (< 512) and without the x32 bit (0x40000000).
inline constexpr long kMarkerSyscall = 0x601d;
inline constexpr std::size_t kMarkerMaxMessage = 4096;

enum class MarkerOp : std::uint8_t {
  SpanOpen = 1,    // message: the span name. Event: kind Span, name = span name, nr = 1
  SpanClose = 2,   // message: the span name. Event: kind Span, name = span name, nr = 2
  Annotation = 3,  // message: "<topic> key=value ...". Event: kind Span, name = topic, nr = 3,
                   // one Int/String arg per key=value pair
};

// Topic of the allocation counters the preload library (tools/) reports at exit:
// "golden.alloc malloc=N calloc=N realloc=N free=N bytes=N peak_live_bytes=N"
inline constexpr const char* kAllocTopic = "golden.alloc";

}  // namespace golden

// strace's rendering of time structures: timeval, timespec, itimerval, itimerspec, the
// utimensat/utimes/utime time pairs (with strace's local-time comments), time_t.
#pragma once

#include <cstdint>
#include <string>

#include "golden/decode/decoder.hpp"

namespace golden::detail {

std::string timeval_text(TraceeMemory& mem, std::uint64_t addr);    // {tv_sec=1, tv_usec=0}
std::string timespec_text(TraceeMemory& mem, std::uint64_t addr);   // {tv_sec=1, tv_nsec=0}
std::string itimerval_text(TraceeMemory& mem, std::uint64_t addr);  // {it_interval={...}, it_value={...}}
std::string itimerspec_text(TraceeMemory& mem, std::uint64_t addr);
std::string utimens_text(TraceeMemory& mem, std::uint64_t addr);    // [{tv_sec=1, tv_nsec=2} /* ... */, UTIME_OMIT]
std::string utimes_text(TraceeMemory& mem, std::uint64_t addr);
std::string utimbuf_text(TraceeMemory& mem, std::uint64_t addr);    // {actime=9 /* ... */, modtime=10 /* ... */}
// strace's comment for a time: "1970-01-01T00:00:01.000000002+0000" (local time, as
// strace shows it); `frac_digits` 9 for nanoseconds, 6 for microseconds.
std::string time_comment(std::int64_t sec, std::uint64_t frac, int frac_digits);

}  // namespace golden::detail

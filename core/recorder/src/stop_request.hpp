// request_stop() support: an atomic flag plus a wake-up that makes the tracer's blocking
// waitpid() return even when no tracee does anything (a sleeping program).
#pragma once

namespace golden::rec {

// True once request_stop() was called (until reset_stop_request()).
bool stop_requested() noexcept;
void reset_stop_request() noexcept;

// While a capture is active, request_stop() wakes its waitpid(-1).
void set_capture_active(bool active) noexcept;

}  // namespace golden::rec

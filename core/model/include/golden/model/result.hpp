// Error policy (see docs/architecture.md "Errors"):
//  - expected failures (bad file, bad TOML, tracee gone) travel as values: Result<T>
//    holding either a T or an Error with a message and a location;
//  - user errors that end the command are thrown once as UsageError and caught in main
//    (exit 2, one line);
//  - broken invariants are GOLDEN_CHECK failures, which stay on in release builds.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace golden {

struct Error {
  std::string message;  // what went wrong, e.g. "unexpected end of input"
  std::string where;    // where: "trace.json:12", "trace.json: byte 4096", "renacer.toml:3:7"

  // "where: message", or just the message when there is no location.
  std::string to_string() const { return where.empty() ? message : where + ": " + message; }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}        // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success or an Error.
struct Ok {};
using Status = Result<Ok>;

// Thrown for a user error that ends the command (caught only in main: exit 2).
class UsageError : public std::runtime_error {
 public:
  explicit UsageError(const std::string& what) : std::runtime_error(what) {}
  explicit UsageError(const Error& e) : std::runtime_error(e.to_string()) {}
};

[[noreturn]] inline void check_failed(const char* expr, const char* file, int line) {
  std::fprintf(stderr, "golden: internal error: check '%s' failed at %s:%d\n", expr, file, line);
  std::abort();
}

}  // namespace golden

// Invariant check that stays on in release builds.
#define GOLDEN_CHECK(expr) \
  ((expr) ? static_cast<void>(0) : ::golden::check_failed(#expr, __FILE__, __LINE__))

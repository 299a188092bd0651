#include "golden/testing/capture.hpp"

#include <fmt/format.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "golden/assertions/alloc_preload.hpp"
#include "golden/model/escape.hpp"
#include "golden/recorder/recorder.hpp"
#include "golden/syscalls/filter.hpp"
#include "stdio_pump.hpp"

namespace golden::testing {
namespace {

std::string& installed_alloc_library() {
  static std::string path;
  return path;
}

// Stops the capture (request_stop: the program is killed, what was recorded kept) when
// the timeout passes first.
class Watchdog {
 public:
  explicit Watchdog(std::chrono::milliseconds timeout) {
    if (timeout.count() <= 0) return;
    thread_ = std::thread([this, timeout] {
      std::unique_lock lock(mutex_);
      if (!wake_.wait_for(lock, timeout, [this] { return done_; })) {
        fired_ = true;
        request_stop();
      }
    });
  }
  ~Watchdog() { stop(); }
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  // True when the timeout stopped the capture.
  bool stop() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    return fired_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  bool fired_ = false;
  std::thread thread_;
};

// "./tool 'a b' in.txt": how reports name a capture.
std::string command_name(const std::vector<std::string>& command) {
  std::string out;
  for (const std::string& word : command) {
    if (!out.empty()) out += ' ';
    const bool plain = !word.empty() && word.find_first_not_of(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%") == std::string::npos;
    out += plain ? word : quote_bytes(word);
  }
  return out;
}

golden::CaptureOptions recorder_options(const std::vector<std::string>& command,
                                        const CaptureOptions& options) {
  golden::CaptureOptions o;
  o.command = command;
  if (options.inherit_env)
    o.extra_env = options.env;
  else
    o.environment = options.env;
  o.cwd = options.cwd;
  o.decode.string_limit = options.string_limit;
  o.decode.text_limit = options.text_limit;
  if (!options.filter.empty()) {
    Result<SyscallFilter> filter = SyscallFilter::parse(options.filter);
    if (!filter) throw TraceError("capture: -e " + options.filter + ": " + filter.error().to_string());
    o.filter = std::move(filter).value();
  }
  if (options.track_alloc) {
    Result<std::string> preload = alloc_preload_env(installed_alloc_library());
    if (!preload) throw TraceError("capture: " + preload.error().to_string());
    o.extra_env.push_back(std::move(preload).value());
  }
  return o;
}

}  // namespace

void detail::set_installed_alloc_library(const char* path) { installed_alloc_library() = path; }

Trace capture(const std::vector<std::string>& command, const CaptureOptions& options) {
  if (command.empty()) throw TraceError("capture: no command given");
  const std::string name = command_name(command);
  golden::CaptureOptions o = recorder_options(command, options);
  detail::StdioPump stdio(options.stdin_bytes);
  o.stdin_fd = stdio.child_stdin();
  o.stdout_fd = stdio.child_stdout();
  o.stderr_fd = stdio.child_stderr();

  TraceBuilder builder;
  builder.file().header.tool = "golden " GOLDEN_VERSION " (golden::testing)";
  builder.file().header.filter = options.filter;
  builder.file().header.string_limit = static_cast<std::uint32_t>(options.string_limit);
  Watchdog watchdog(options.timeout);
  Result<CaptureOutcome> outcome = golden::capture(o, builder);
  const bool timed_out = watchdog.stop();
  auto [out, err] = stdio.finish();

  if (!outcome) throw TraceError("capture of " + name + ": " + outcome.error().to_string());
  if (timed_out)
    throw TraceError(fmt::format("capture of {}: still running after {} ms (the timeout); killed",
                                 name, options.timeout.count()));
  if (outcome->interrupted) throw TraceError("capture of " + name + ": stopped before the end");
  Trace trace(std::move(builder.file()), name);
  trace.set_output(std::move(out), std::move(err));
  return trace;
}

}  // namespace golden::testing

// capture(): validates options, then runs the command N times (or attaches once), each
// run its own Session streaming into the sink.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <optional>
#include <span>

#include "attach.hpp"
#include "command_resolution.hpp"
#include "cpu_pin.hpp"
#include "golden/recorder/recorder.hpp"
#include "golden/source/correlator.hpp"
#include "session.hpp"
#include "stop_request.hpp"
#include "traceparent.hpp"
#include "tracee_launch.hpp"

extern char** environ;

namespace golden {
namespace {

std::int64_t monotonic_ns() {
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

std::string iso_utc_now() {
  timespec ts{};
  ::clock_gettime(CLOCK_REALTIME, &ts);
  tm t{};
  ::gmtime_r(&ts.tv_sec, &t);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", t.tm_year + 1900,
                t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec,
                static_cast<int>(ts.tv_nsec / 1'000'000));
  return buf;
}

std::string current_dir() {
  char buf[4096];
  return ::getcwd(buf, sizeof buf) ? std::string(buf) : std::string();
}

std::vector<std::string> current_environment() {
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) env.emplace_back(*e);
  return env;
}

RunInfo new_run(const CaptureOptions& options, std::uint32_t index, const std::string& cwd) {
  RunInfo run;
  run.index = index;
  run.command = options.command;
  run.attached = options.attach;
  run.cwd = cwd;
  run.start_wall = iso_utc_now();
  run.fd_ids = true;  // the session numbers open file descriptions (fd_tracker.hpp)
  return run;
}

// Runs the session; if the sink throws, no tracee is left stopped behind.
rec::SessionEnd run_session(rec::Session& session, bool begin_now) {
  try {
    if (begin_now) session.begin();
    return session.run();
  } catch (...) {
    session.abandon();
    throw;
  }
}

// --source: one correlator for the whole capture, so that the DWARF indexes and resolved
// addresses of one run serve the next.
std::unique_ptr<source::Correlator> make_correlator(const CaptureOptions& options) {
  if (!options.source) return nullptr;
  source::Options o;
  o.frames = options.source_frames;
  o.debug_dirs = options.debug_dirs;
  return std::make_unique<source::Correlator>(std::move(o));
}

// The note --source owes the user: which images had no debug info.
void add_source_notes(const source::Correlator* correlator, CaptureOutcome& out) {
  if (correlator == nullptr) return;
  const std::vector<std::string> images = correlator->images_without_debug_info();
  if (images.empty()) return;
  std::string note = "no debug info for ";
  for (std::size_t i = 0; i < images.size(); ++i) note += (i ? ", " : "") + images[i];
  note += ": their frames are module+offset, named from the symbol table where it has them";
  out.notes.push_back(std::move(note));
}

Result<CaptureOutcome> capture_attached(const CaptureOptions& options, TraceSink& sink) {
  rec::TraceOptions topts;
  topts.follow = options.follow;
  topts.exit_kill = false;  // attached processes must survive the recorder
  const std::int64_t start = monotonic_ns();
  std::vector<std::pair<Pid, std::vector<Tid>>> seized;
  for (Pid pid : options.attach) {
    auto tids = rec::seize_process(pid, topts);
    if (!tids) {
      for (auto& [p, t] : seized) rec::release_seized(t);
      return tids.error();
    }
    seized.emplace_back(pid, std::move(*tids));
  }
  RunInfo run = new_run(options, 0, current_dir());
  // A seccomp filter cannot be installed into a running process: the filter is applied
  // in the recorder (untraced calls still stop, but are not recorded).
  const auto correlator = make_correlator(options);
  rec::Session session(options, sink, std::move(run), rec::Session::Mode::Attach, false, start,
                       nullptr, correlator.get());
  for (auto& [pid, tids] : seized) session.add_attached(pid, tids);
  const rec::SessionEnd end = run_session(session, true);
  CaptureOutcome out;
  out.exit_status = 0;
  out.interrupted = end.interrupted;
  add_source_notes(correlator.get(), out);
  return out;
}

// The directory the program runs in, absolute and without symlinks (as getcwd says it).
Result<std::string> launch_dir(const CaptureOptions& options) {
  if (options.cwd.empty()) return current_dir();
  char* real = ::realpath(options.cwd.c_str(), nullptr);
  if (real == nullptr) return Error{std::string("cannot run in it: ") + std::strerror(errno), options.cwd};
  std::string dir = real;
  std::free(real);
  return dir;
}

// The PATH the program is looked up in: its own environment's, as execvp would.
const char* search_path(const CaptureOptions& options) {
  if (!options.environment) return ::getenv("PATH");
  for (const std::string& e : options.extra_env)
    if (e.starts_with("PATH=")) return e.c_str() + 5;
  for (const std::string& e : *options.environment)
    if (e.starts_with("PATH=")) return e.c_str() + 5;
  return nullptr;
}

Result<CaptureOutcome> capture_launched(const CaptureOptions& options, TraceSink& sink) {
  auto dir = launch_dir(options);
  if (!dir) return dir.error();
  const std::string cwd = std::move(dir).value();
  // A relative program path names a file from where the program runs.
  std::string program = options.command.front();
  if (!options.cwd.empty() && program.find('/') != std::string::npos && program.front() != '/')
    program = cwd + "/" + program;
  auto path = rec::resolve_command(program, search_path(options));
  if (!path) return path.error();
  const bool filtering = !options.filter.traces_everything();
  std::optional<rec::CpuPin> pin;
  if (options.pin_cpu) pin = rec::choose_cpu_pin();
  std::vector<std::uint64_t> filter;
  if (filtering) {
    auto program = options.filter.seccomp_program(pin ? std::span<const int>(rec::kAffinityCalls)
                                                      : std::span<const int>());
    if (!program) return program.error();
    filter = std::move(*program);
  }
  rec::TraceOptions topts;
  topts.follow = options.follow;
  topts.seccomp = filtering;
  topts.exit_kill = true;
  const std::vector<std::string> base_env =
      options.environment ? *options.environment : current_environment();
  // One trace id for the whole capture (inherited from golden's own TRACEPARENT when
  // set), a new span id per run.
  const std::string capture_context = rec::make_traceparent(::getenv("TRACEPARENT"));
  // Pinned before the first fork and for every run; restored when the capture ends.
  const rec::ScopedThreadPin tracer_pin(pin);
  const auto correlator = make_correlator(options);
  CaptureOutcome out;
  for (unsigned i = 0; i < std::max(1u, options.runs); ++i) {
    if (rec::stop_requested()) {
      out.interrupted = true;
      break;
    }
    RunInfo run = new_run(options, i, cwd);
    run.traceparent = rec::make_traceparent(capture_context.c_str());
    rec::LaunchSpec spec;
    spec.path = *path;
    spec.argv = options.command;
    // The execve is the launched program's first event: its Lamport clock is 1.
    spec.env = rec::tracee_environment(base_env, run.traceparent, 1, options.extra_env);
    run.env = rec::path_environment(spec.env, cwd);
    run.uid = ::geteuid();
    run.gid = ::getegid();
    spec.seccomp_filter = filter;
    spec.pin_cpu = pin ? pin->cpu : -1;
    if (!options.cwd.empty()) spec.cwd = cwd;
    spec.stdio[0] = options.stdin_fd;
    spec.stdio[1] = options.stdout_fd;
    spec.stdio[2] = options.stderr_fd;
    const std::int64_t start = monotonic_ns();
    auto launched = rec::launch_tracee(spec, topts);
    if (!launched) return launched.error();
    rec::Session session(options, sink, std::move(run), rec::Session::Mode::Launch, filtering,
                         start, pin ? &*pin : nullptr, correlator.get());
    session.add_launched_root(launched->pid, cwd, launched->error_fd);
    const rec::SessionEnd end = run_session(session, false);
    if (end.error) return *end.error;
    out.exit_status = end.exit_status;
    out.killed_by = end.killed_by;
    if (end.interrupted) {
      out.interrupted = true;
      break;
    }
  }
  add_source_notes(correlator.get(), out);
  return out;
}

}  // namespace

Result<CaptureOutcome> capture(const CaptureOptions& options, TraceSink& sink) {
  rec::reset_stop_request();
  if (options.command.empty() == options.attach.empty())
    return Error{"capture needs either a command or processes to attach to (not both)", ""};
  if (!options.attach.empty()) {
    if (options.runs > 1) return Error{"--runs cannot be used when attaching (-p)", ""};
    return capture_attached(options, sink);
  }
  return capture_launched(options, sink);
}

}  // namespace golden

#include "golden/testing/matchers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <sstream>

#include "golden/assertions/call_query.hpp"
#include "golden/decode/decoder.hpp"
#include "golden/syscalls/abi_names.hpp"
#include "golden/syscalls/families.hpp"
#include "match_support.hpp"

namespace golden::testing {
namespace {

using detail::any_path_matches;
using detail::Nearest;
using detail::path_matches;
using detail::quote_sample;
using detail::where;

// A matcher made of a description, its negation and a test that also explains.
class TraceMatcherImpl : public ::testing::MatcherInterface<const Trace&> {
 public:
  using Test = std::function<bool(const Trace&, std::string& why)>;
  TraceMatcherImpl(std::string description, std::string negation, Test test)
      : description_(std::move(description)),
        negation_(std::move(negation)),
        test_(std::move(test)) {}
  bool MatchAndExplain(const Trace& trace,
                       ::testing::MatchResultListener* listener) const override {
    std::string why;
    const bool matched = test_(trace, why);
    if (!why.empty()) *listener << why;
    return matched;
  }
  void DescribeTo(std::ostream* os) const override { *os << description_; }
  void DescribeNegationTo(std::ostream* os) const override { *os << negation_; }

 private:
  std::string description_, negation_;
  Test test_;
};

TraceMatcher make(std::string description, std::string negation, TraceMatcherImpl::Test test) {
  return ::testing::MakeMatcher(
      new TraceMatcherImpl(std::move(description), std::move(negation), std::move(test)));
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

const Arg* arg_named(const Event& e, std::initializer_list<std::string_view> names) {
  for (const Arg& a : e.args)
    if (is_one_of(a.name, names)) return &a;
  return nullptr;
}

std::string describe_bytes_matcher(const BytesMatcher& m) {
  std::ostringstream os;
  m.DescribeTo(&os);
  return os.str();
}

// What a bytes matcher says about bytes it rejected or accepted ("" when nothing).
std::string explain_bytes(const BytesMatcher& m, const std::string& bytes) {
  ::testing::StringMatchResultListener listener;
  (void)m.MatchAndExplain(bytes, &listener);
  return listener.str();
}

std::string kept_note(const ObservedBytes& b) {
  if (b.complete) return "";
  return fmt::format(
      " (the trace kept {} of its {} bytes: raise CaptureOptions::text_limit or "
      "string_limit, or the bytes were copied in-kernel)",
      b.bytes.size(), b.length);
}

// IPv4 "1.2.3.4:80" and IPv6 "[::1]:80" endpoints, not unix:, netlink:...
bool is_network(std::string_view endpoint) {
  return !endpoint.empty() &&
         (endpoint.front() == '[' || (endpoint.front() >= '0' && endpoint.front() <= '9'));
}

using syscalls::Family;
using syscalls::has_family;

// The file a read-like call takes bytes from (its path), or nullptr.
const Arg* read_source(const Event& e) {
  if (has_family(e.name, Family::Read)) return arg_named(e, {"fd"});
  if (has_family(e.name, Family::Copy)) return arg_named(e, {"in_fd", "fd_in"});
  return nullptr;
}

TraceMatcher stream_matcher(const char* stream, BytesMatcher bytes, bool out) {
  const std::string what = describe_bytes_matcher(bytes);
  return make(fmt::format("writes to {} bytes that {}", stream, what),
              fmt::format("does not write to {} bytes that {}", stream, what),
              [bytes, stream, out](const Trace& t, std::string& why) {
                const ObservedBytes& b = out ? t.effects().out : t.effects().err;
                const std::string& piped = out ? t.stdout_text() : t.stderr_text();
                // The trace keeps what its limits allow; capture() also has the pipe's bytes.
                const bool use_pipe = !b.complete && piped.size() >= b.bytes.size();
                const std::string& text = use_pipe ? piped : b.bytes;
                const bool ok = bytes.Matches(text);
                why = fmt::format("{} was {}", stream, text.empty() ? "empty" : quote_sample(text));
                if (!use_pipe) why += kept_note(b);
                if (const std::string more = explain_bytes(bytes, text); !more.empty())
                  why += ", " + more;
                return ok;
              });
}

}  // namespace

TraceMatcher Opens(const std::string& glob) {
  return make(fmt::format("opens a file matching \"{}\"", glob),
              fmt::format("opens no file matching \"{}\"", glob),
              [glob](const Trace& t, std::string& why) {
                std::vector<std::string> hits;
                Nearest nearest(glob);
                for (const Event& e : t.run().events) {
                  if (e.kind != EventKind::Syscall || !has_family(e.name, Family::Open)) continue;
                  const Arg* path = arg_named(e, {"pathname"});
                  if (path == nullptr) continue;
                  const std::vector<std::string> forms = path_forms(*path);
                  const std::string shown = forms.empty() ? path->text : forms.front();
                  if (any_path_matches(glob, forms)) {
                    if (!e.failed()) {
                      hits.push_back(fmt::format("{} {} ({})", e.name, shown, where(t.run(), e)));
                    } else {
                      // A failed attempt at the very file is the nearest miss there is.
                      nearest.offer(glob, fmt::format("{} {} failed with {} ({})", e.name, shown,
                                                      detail::error_text(e), where(t.run(), e)));
                    }
                  } else if (!e.failed()) {
                    nearest.offer(shown, fmt::format("{} {}", e.name, shown));
                  }
                }
                if (!hits.empty()) {
                  why = "opens " + detail::join_some(hits);
                  return true;
                }
                const std::string near = nearest.list();
                why = near.empty() ? "opens no file at all" : "nearest: " + near;
                return false;
              });
}

TraceMatcher Reads(const std::string& glob) {
  return make(fmt::format("reads from a file matching \"{}\"", glob),
              fmt::format("reads from no file matching \"{}\"", glob),
              [glob](const Trace& t, std::string& why) {
                std::map<std::string, std::pair<std::uint64_t, Seq>> read;  // path -> bytes, first
                std::vector<std::string> opened;
                Nearest nearest(glob);
                for (const Event& e : t.run().events) {
                  if (e.kind != EventKind::Syscall) continue;
                  if (has_family(e.name, Family::Open) && !e.failed() && !e.ret_ref.empty() &&
                      path_matches(glob, e.ret_ref))
                    opened.push_back(e.ret_ref);
                  const Arg* source = read_source(e);
                  if (source == nullptr || source->str.empty() || source->str.front() != '/' ||
                      e.failed() || e.ret <= 0)
                    continue;
                  auto [it, fresh] = read.try_emplace(source->str, 0, e.seq);
                  it->second.first += static_cast<std::uint64_t>(e.ret);
                }
                std::vector<std::string> hits;
                for (const auto& [path, got] : read) {
                  if (path_matches(glob, path))
                    hits.push_back(fmt::format("{} bytes from {} (first at {})", got.first, path,
                                               where(t.run(), t.run().events[got.second])));
                  else
                    nearest.offer(path, "reads " + path);
                }
                if (!hits.empty()) {
                  why = "reads " + detail::join_some(hits);
                  return true;
                }
                if (!opened.empty()) {
                  why = "opens " + opened.front() + " but reads none of its bytes";
                  return false;
                }
                const std::string near = nearest.list();
                why = near.empty() ? "reads no file at all" : "nearest: " + near;
                return false;
              });
}

TraceMatcher Writes(const std::string& glob) {
  return Writes(glob, ::testing::A<const std::string&>());
}

TraceMatcher Writes(const std::string& glob, BytesMatcher bytes) {
  const std::string what = describe_bytes_matcher(bytes);
  return make(
      fmt::format("leaves a file matching \"{}\" holding bytes it wrote that {}", glob, what),
      fmt::format("leaves no file matching \"{}\" holding bytes it wrote that {}", glob, what),
      [glob, bytes](const Trace& t, std::string& why) {
        std::vector<std::string> tried;
        Nearest nearest(glob);
        for (const ObservedFile& f : t.effects().files) {
          if (f.kind != ObservedFile::Kind::Regular || f.written.length == 0) continue;
          if (!path_matches(glob, f.path)) {
            nearest.offer(f.path, fmt::format("{} ({} bytes written)", f.path, f.written.length));
            continue;
          }
          if (bytes.Matches(f.written.bytes)) {
            why = fmt::format("{} holds {}{}", f.path, quote_sample(f.written.bytes),
                              kept_note(f.written));
            return true;
          }
          std::string line = fmt::format("{} holds {}{}", f.path, quote_sample(f.written.bytes),
                                         kept_note(f.written));
          if (const std::string more = explain_bytes(bytes, f.written.bytes); !more.empty())
            line += ", " + more;
          tried.push_back(std::move(line));
        }
        if (!tried.empty()) {
          why = detail::join_some(tried);
          return false;
        }
        const std::string near = nearest.list();
        why = near.empty() ? "writes into no file" : "it writes into: " + near;
        return false;
      });
}

TraceMatcher WritesToStdout(BytesMatcher bytes) {
  return stream_matcher("stdout", std::move(bytes), true);
}
TraceMatcher WritesToStderr(BytesMatcher bytes) {
  return stream_matcher("stderr", std::move(bytes), false);
}

TraceMatcher CallsAtMost(const std::string& syscall_or_class, std::uint64_t n) {
  Result<CallSelector> parsed = parse_call_selector(syscall_or_class);
  if (!parsed) throw TraceError("CallsAtMost: " + parsed.error().to_string());
  const CallSelector selector = std::move(parsed).value();
  const std::string what = describe_selector(selector);
  return make(fmt::format("makes at most {} {}", n, what),
              fmt::format("makes more than {} {}", n, what),
              [selector, n](const Trace& t, std::string& why) {
                std::uint64_t count = 0;
                std::map<std::string, std::uint64_t> by_name;
                for (const Event& e : t.run().events) {
                  if (!selects_call(selector, e)) continue;
                  ++count;
                  const ProcessInfo* p = t.run().process(e.pid);
                  ++by_name[fmt::format(
                      "{} in {}", e.name,
                      p && !p->name().empty() ? p->name() : "pid " + std::to_string(e.pid.value))];
                }
                std::vector<std::pair<std::uint64_t, std::string>> sorted;
                for (const auto& [name, c] : by_name) sorted.emplace_back(c, name);
                std::sort(sorted.rbegin(), sorted.rend());
                std::vector<std::string> parts;
                for (const auto& [c, name] : sorted) parts.push_back(fmt::format("{} {}", c, name));
                why = fmt::format("makes {}", count);
                if (!parts.empty()) why += ": " + detail::join_some(parts, 4);
                return count <= n;
              });
}

TraceMatcher Execs(const std::string& glob) {
  return make(fmt::format("executes a program matching \"{}\"", glob),
              fmt::format("executes no program matching \"{}\"", glob),
              [glob](const Trace& t, std::string& why) {
                std::vector<std::string> hits;
                Nearest nearest(glob);
                for (const ProcessInfo& p : t.run().processes)
                  for (const ExecRecord& x : p.execs) {
                    std::vector<std::string> forms{x.path};
                    if (!x.argv.empty()) forms.push_back(x.argv.front());
                    if (any_path_matches(glob, forms))
                      hits.push_back(fmt::format("{} (pid {})", x.path, p.pid.value));
                    else
                      nearest.offer(x.path, x.path);
                  }
                for (const Event& e : t.run().events)
                  if (e.kind == EventKind::Syscall && e.failed() &&
                      has_family(e.name, Family::Exec))
                    if (const Arg* path = arg_named(e, {"pathname", "filename"});
                        path && any_path_matches(glob, path_forms(*path)))
                      nearest.offer(glob, fmt::format("{} {} failed with {}", e.name, path->str,
                                                      detail::error_text(e)));
                if (!hits.empty()) {
                  why = "executes " + detail::join_some(hits);
                  return true;
                }
                const std::string near = nearest.list();
                why = near.empty() ? "executes no program" : "nearest: " + near;
                return false;
              });
}

TraceMatcher ExitsWith(int status) {
  return make(fmt::format("exits with status {}", status),
              fmt::format("does not exit with status {}", status),
              [status](const Trace& t, std::string& why) {
                const std::optional<int> got = t.exit_status();
                if (!got) {
                  why = "its exit status is not known";
                  return false;
                }
                why = *got > 128
                          ? fmt::format("status {} (killed by {})", *got, signal_name(*got - 128))
                          : fmt::format("exit status {}", *got);
                return *got == status;
              });
}

TraceMatcher CreatesFile(const std::string& glob) {
  return make(fmt::format("leaves a file matching \"{}\" that it made", glob),
              fmt::format("leaves no file matching \"{}\" that it made", glob),
              [glob](const Trace& t, std::string& why) {
                const ObservedEffects& fx = t.effects();
                Nearest nearest(glob);
                for (const ObservedFile& f : fx.files) {
                  const bool match = path_matches(glob, f.path);
                  if (match && f.change == ObservedFile::Change::Created) {
                    why = fmt::format("creates {} {}", to_string(f.kind), f.path);
                    return true;
                  }
                  if (match)
                    nearest.offer(glob, fmt::format("{} was there before the run ({})", f.path,
                                                    to_string(f.change)));
                  else if (f.change == ObservedFile::Change::Created)
                    nearest.offer(f.path, "creates " + f.path);
                }
                for (const std::string& gone : fx.transient)
                  if (path_matches(glob, gone))
                    nearest.offer(glob, gone + " is made and removed again by the run");
                const std::string near = nearest.list();
                why = near.empty() ? "creates no file" : "nearest: " + near;
                return false;
              });
}

TraceMatcher DeletesFile(const std::string& glob) {
  return make(fmt::format("removes a file matching \"{}\" that was there before", glob),
              fmt::format("removes no file matching \"{}\" that was there before", glob),
              [glob](const Trace& t, std::string& why) {
                const ObservedEffects& fx = t.effects();
                Nearest nearest(glob);
                for (const ObservedFile& f : fx.files) {
                  if (f.change != ObservedFile::Change::Deleted) continue;
                  if (path_matches(glob, f.path)) {
                    why = "deletes " + f.path;
                    return true;
                  }
                  nearest.offer(f.path, "deletes " + f.path);
                }
                for (const std::string& gone : fx.transient)
                  if (path_matches(glob, gone))
                    nearest.offer(glob, gone + " is one the run made itself before removing it");
                for (const Event& e : t.run().events)
                  if (e.kind == EventKind::Syscall && e.failed() &&
                      is_one_of(e.name, {"unlink", "unlinkat", "rmdir"}))
                    if (const Arg* path = arg_named(e, {"pathname"});
                        path && path_matches(glob, path->str))
                      nearest.offer(glob, fmt::format("{} {} failed with {}", e.name, path->str,
                                                      detail::error_text(e)));
                const std::string near = nearest.list();
                why = near.empty() ? "deletes no file" : "nearest: " + near;
                return false;
              });
}

TraceMatcher NeverConnects() {
  return make("never contacts an IPv4/IPv6 endpoint", "contacts an IPv4/IPv6 endpoint",
              [](const Trace& t, std::string& why) {
                std::vector<std::string> hits;
                for (const Event& e : t.run().events)
                  for (const std::string& endpoint : contacted_endpoints(e))
                    if (is_network(endpoint))
                      hits.push_back(fmt::format(
                          "{} {}{} ({})", e.name, endpoint,
                          call_succeeded(e) ? "" : " failed with " + detail::error_text(e),
                          where(t.run(), e)));
                if (hits.empty()) return true;
                why = detail::join_some(hits);
                return false;
              });
}

TraceMatcher ConnectsTo(const std::string& endpoint_glob) {
  return make(
      fmt::format("contacts an endpoint matching \"{}\"", endpoint_glob),
      fmt::format("contacts no endpoint matching \"{}\"", endpoint_glob),
      [endpoint_glob](const Trace& t, std::string& why) {
        Nearest nearest(endpoint_glob);
        for (const Event& e : t.run().events)
          for (const std::string& endpoint : contacted_endpoints(e)) {
            const bool match = endpoint_glob_match(endpoint_glob, endpoint);
            if (match && call_succeeded(e)) {
              why = fmt::format("{} {} ({})", e.name, endpoint, where(t.run(), e));
              return true;
            }
            nearest.offer(
                match ? endpoint_glob : endpoint,
                fmt::format("{} {}{}", e.name, endpoint,
                            call_succeeded(e) ? "" : " failed with " + detail::error_text(e)));
          }
        const std::string near = nearest.list();
        why = near.empty() ? "contacts no endpoint" : "nearest: " + near;
        return false;
      });
}

TraceMatcher SendsSignal(int signal) {
  const std::string name = signal_name(signal);
  return make("sends " + name, "does not send " + name, [signal](const Trace& t, std::string& why) {
    std::vector<std::string> others;
    for (const Event& e : t.run().events) {
      if (e.kind != EventKind::Syscall || !has_family(e.name, Family::SignalSend)) continue;
      for (const Arg& a : e.args) {
        if (a.kind != ArgKind::Signal) continue;
        const std::string sent =
            fmt::format("{}({}){}", e.name, signal_name(static_cast<int>(a.raw)),
                        e.failed() ? " failed with " + detail::error_text(e) : "");
        if (a.raw == signal && !e.failed()) {
          why = fmt::format("{} ({})", sent, where(t.run(), e));
          return true;
        }
        others.push_back(sent);
      }
    }
    why = others.empty() ? "sends no signal" : "it sends: " + detail::join_some(others);
    return false;
  });
}

TraceMatcher SendsSignal(const std::string& name) {
  const std::optional<int> number = signal_from_name(name);
  if (!number) throw TraceError("SendsSignal: unknown signal \"" + name + "\"");
  return SendsSignal(*number);
}

}  // namespace golden::testing

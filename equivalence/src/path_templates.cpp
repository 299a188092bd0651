#include "path_templates.hpp"

#include <algorithm>
#include <optional>

#include "golden/model/byte_scan.hpp"
#include "golden/model/escape.hpp"
#include "golden/model/glob.hpp"
#include "golden/equivalence/normalized.hpp"
#include "path_util.hpp"

namespace golden::eqv {
namespace {


// Where the system lives: a path argument or variable pointing there (ls /usr/include,
// SHELL=/bin/bash) is not a location the run was given to work in.
bool system_path(std::string_view p) {
  if (p == "/") return true;
  if (path_under(p, "/dev/shm")) return false;  // a temp root, not a device
  for (std::string_view root : {"/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32",
                                "/etc", "/proc", "/sys", "/dev"})
    if (path_under(p, root)) return true;
  return false;
}

// Template names the templater makes itself: an environment variable of the same name
// gets an $ENV_ prefix instead.
bool builtin_name(std::string_view n) {
  if (n == "CWD") return true;
  for (std::string_view base : {"TMP", "GEN", "ARG", "PID", "TID", "PORT"}) {
    if (n.size() > base.size() && n.starts_with(base) &&
        std::all_of(n.begin() + static_cast<long>(base.size()), n.end(),
                    [](char c) { return c >= '0' && c <= '9'; }))
      return true;
  }
  return false;
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Characters that continue a path component: a match must not stop or start inside one.
bool is_name_char(char c) { return is_alnum(c) || c == '.' || c == '_' || c == '-'; }
// Whether a path can start at s[i] (a '/'): not inside a name, except right after a
// short option glued to its value ("-S/src", "-I/usr/include", "-L/tmp/x").
bool path_starts_at(std::string_view s, std::size_t i) {
  if (i == 0 || !is_name_char(s[i - 1])) return true;
  return i >= 2 && s[i - 2] == '-' && is_alnum(s[i - 1]) && !is_digit(s[i - 1]) &&
         (i == 2 || !is_name_char(s[i - 3]));
}

}  // namespace

bool looks_generated(std::string_view c) {
  // mktemp(1): "tmp." + 10 of [A-Za-z0-9].
  if (c.size() == 14 && c.starts_with("tmp.") &&
      std::all_of(c.begin() + 4, c.end(), is_alnum))
    return true;
  // Python tempfile's defaults: "tmp" + 8 of [a-z0-9_], maybe a ".suffix".
  if (c.size() >= 11 && c.starts_with("tmp") && (c.size() == 11 || c[11] == '.') &&
      std::all_of(c.begin() + 3, c.begin() + 11,
                  [](char ch) { return (ch >= 'a' && ch <= 'z') || is_digit(ch) || ch == '_'; }))
    return true;
  return false;
}

PathTemplater::PathTemplater(const CompareConfig& config) : config_(config) {
  for (const std::string& t : config.tmp_dirs) {
    std::string root = absolute_path("/", t);
    if (root != "/" && std::find(tmp_roots_.begin(), tmp_roots_.end(), root) == tmp_roots_.end())
      tmp_roots_.push_back(root);
  }
}

void PathTemplater::add_mapping(std::string raw, std::string name, int priority, Kind kind) {
  if (raw.empty() || raw == "/" || by_raw_.contains(raw)) return;
  Mapping m{std::move(raw), std::move(name), priority, kind};
  auto pos = std::find_if(mappings_.begin(), mappings_.end(), [&](const Mapping& x) {
    return x.raw.size() < m.raw.size() || (x.raw.size() == m.raw.size() && x.priority > m.priority);
  });
  mappings_.insert(pos, std::move(m));
  by_raw_.clear();
  for (std::size_t i = 0; i < mappings_.size(); ++i) by_raw_[mappings_[i].raw] = i;
}

void PathTemplater::add_numbered(std::string raw, const std::string& base, int priority, Kind kind) {
  if (by_raw_.contains(raw)) return;
  int n = ++counters_[base];
  // $HOME and user templates read better without a number when there is one.
  bool plain = (base == "$HOME" || priority == kPrioUser);
  add_mapping(std::move(raw), plain && n == 1 ? base : base + std::to_string(n), priority, kind);
}

void PathTemplater::set_parameters(const std::vector<std::string>& env,
                                   const std::vector<std::string>& argv,
                                   const std::set<std::string>& skip) {
  for (const std::string& entry : env) {
    const std::size_t eq = entry.find('=');
    if (eq == std::string::npos) continue;
    const std::string name = entry.substr(0, eq);
    // A relative TMPDIR is relative to the cwd the run started in.
    const std::string value = absolute_path(cwd_.empty() ? "/" : cwd_, std::string_view(entry).substr(eq + 1));
    // The recorder keeps PWD only when it names the cwd (through a symlink): the shell's
    // name for it, which programs print and build paths from.
    if (name == "PWD") {
      if (!cwd_.empty() && value != cwd_ && value != "/") add_mapping(value, "$CWD", kPrioCwd, Kind::Cwd);
      continue;
    }
    if (name == "TMPDIR" && value != "/") tmpdir_ = value;
    if ((name == "TMPDIR" || name == "XDG_RUNTIME_DIR") && value != "/" &&
        std::find(tmp_roots_.begin(), tmp_roots_.end(), value) == tmp_roots_.end())
      tmp_roots_.push_back(value);
    // The shell's own bookkeeping ($_ is the last command, $OLDPWD the previous
    // directory of whoever started the run) says nothing about the run.
    if (name == "_" || name == "PWD" || name == "OLDPWD" || system_path(value)) continue;
    if (std::find(tmp_roots_.begin(), tmp_roots_.end(), value) != tmp_roots_.end() &&
        name != "TMPDIR" && name != "XDG_RUNTIME_DIR")
      continue;  // TMP=/tmp: the temp root itself, no parameter
    if (name == "HOME") {
      home_raw_ = value;
      add_mapping(value, "$HOME", kPrioHome, Kind::Home);
      ++counters_["$HOME"];
      continue;
    }
    add_mapping(value, (builtin_name(name) ? "$ENV_" : "$") + name, kEnvPriority, Kind::Env);
  }
  argc_ = argv.size();
  for (std::size_t i = 1; i < argv.size(); ++i) {
    std::string_view arg = argv[i];
    // "--output=/path": the value is the path.
    if (std::size_t eq = arg.find('='); arg.starts_with('-') && eq != std::string_view::npos)
      arg.remove_prefix(eq + 1);
    if (arg.empty() || arg.starts_with('-') || arg.find('\n') != std::string_view::npos) continue;
    std::string abs = absolute_path(cwd_.empty() ? "/" : cwd_, arg);
    if (abs.empty() || system_path(abs) || skip.contains(abs)) continue;
    if (std::find(tmp_roots_.begin(), tmp_roots_.end(), abs) != tmp_roots_.end()) continue;
    args_.push_back({static_cast<int>(i), abs, {}});
  }
}

void PathTemplater::settle_home_in_cwd() {
  if (cwd_.empty() || home_raw_ != cwd_) return;
  std::set<std::string> dot_entries;
  for (const std::string& p : seen_) {
    if (p.size() <= cwd_.size() + 2 || !path_under(p, cwd_) || p[cwd_.size() + 1] != '.') continue;
    dot_entries.insert(p.substr(0, p.find('/', cwd_.size() + 1)));
  }
  for (const std::string& entry : dot_entries)
    add_mapping(entry, "$HOME" + entry.substr(cwd_.size()), kPrioHome, Kind::Home);
}

void PathTemplater::settle_arguments() {
  std::vector<std::string_view> seen(observed_.begin(), observed_.end());
  std::sort(seen.begin(), seen.end());
  auto used_as_directory = [&](const std::string& dir) { return any_below(seen, dir); };
  // An argument is a path only when the run used it as one (`in.txt`, `.`, `/tmp/w/out`):
  // `python3 -c "import sys; ..."` or a sed script may hold a slash without being one.
  std::erase_if(args_, [&](const PathArg& a) {
    return a.path != cwd_ && !observed_.contains(a.path) && !used_as_directory(a.path);
  });
  for (PathArg& a : args_) {
    a.raw = (a.path == cwd_ || used_as_directory(a.path)) ? a.path : std::string(dirname(a.path));
    if (a.raw == "/" || system_path(a.raw) ||
        std::find(tmp_roots_.begin(), tmp_roots_.end(), a.raw) != tmp_roots_.end()) {
      a.raw.clear();
      continue;
    }
    // An argument below the cwd is already $CWD/...: templating it again would only hide
    // which file it is. It stays listed for aligning with the other run's.
    if (cwd_.empty() || !path_under(a.raw, cwd_))
      add_mapping(a.raw, "$ARG" + std::to_string(a.index), kPrioArg, Kind::Arg);
  }
}

void PathTemplater::add_transient(std::string_view path) {
  const std::string raw = absolute_path("/", path);
  if (raw.empty() || raw == "/") return;
  // A name templated by its shape (mkstemp's XXXXXX) that the run also removed is one of
  // its generated names: numbered by creation like the others.
  if (auto it = by_raw_.find(raw); it != by_raw_.end()) {
    Mapping& m = mappings_[it->second];
    if (m.kind != Kind::Tmp) return;
    m.name = "$GEN" + std::to_string(++counters_["$GEN"]);
    m.kind = Kind::Gen;
    return;
  }
  // Below a name the run made and removed (mktemp -d's directory, gone at the end): that
  // name covers it. Below one that stays (a temp directory given to the run), a removed
  // name is the run's own and may be random (mktemp's .r.XXXXXX then mv): numbered.
  if (const Mapping* m = best(raw); m != nullptr && m->kind == Kind::Gen) return;
  add_numbered(raw, "$GEN", kPrioTmp, Kind::Gen);
}

void PathTemplater::set_aligned(const std::string& raw, const std::string& name) {
  if (auto it = by_raw_.find(raw); it != by_raw_.end()) {
    Mapping& m = mappings_[it->second];
    m.name = name;
    m.aligned = true;
    return;
  }
  add_mapping(raw, name, kPrioTmp, Kind::Tmp);
  mappings_[by_raw_.at(raw)].aligned = true;
}

std::string_view PathTemplater::temp_root_of(std::string_view path, bool* is_tmpdir) const {
  std::string_view root;
  for (const std::string& r : tmp_roots_)
    if (path.size() > r.size() && path_under(path, r) && r.size() > root.size()) root = r;
  *is_tmpdir = !root.empty() && root == tmpdir_;
  return root;
}

void PathTemplater::set_cwd(std::string_view cwd) {
  std::string c = absolute_path("/", cwd);
  if (c.empty() || c == "/") return;  // "/" as $CWD would template everything
  cwd_ = c;
  add_mapping(c, "$CWD", kPrioCwd, Kind::Cwd);
}

bool PathTemplater::under_tmp(std::string_view path, std::size_t* root_len) const {
  for (const std::string& r : tmp_roots_) {
    if (path_under(path, r) && path.size() > r.size()) {
      *root_len = r.size();
      return true;
    }
  }
  return false;
}

void PathTemplater::observe_path(std::string_view path) {
  if (path.empty() || path.front() != '/') return;
  // Paths repeat a lot (every read of a library...): observe each once.
  if (observed_.contains(path)) return;  // no temporary string for the usual repeat
  observed_.emplace(path);
  seen_.emplace_back(path);
  for (const PathTemplate& t : config_.templates) {
    if (std::size_t n = glob_prefix(t.glob, path); n > 0)
      add_numbered(std::string(path.substr(0, n)), "$" + t.name, kPrioUser, Kind::User);
  }
  for (const std::string& h : config_.home_dirs) {
    if (std::size_t n = glob_prefix(h, path); n > 0)
      add_numbered(std::string(path.substr(0, n)), "$HOME", kPrioHome, Kind::Home);
  }
  std::size_t root_len = 0;
  if (!under_tmp(path, &root_len)) return;
  // Every generated component below the temp root gets its own name, outermost first.
  // (Names the run makes itself are found by what the run does with them, not by their
  // shape: add_transient, and PathTemplater::align for those it leaves behind.)
  std::size_t i = root_len + 1;
  while (i <= path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view comp = path.substr(i, j - i);
    if (!comp.empty() && looks_generated(comp))
      add_numbered(std::string(path.substr(0, j)), "$TMP", kPrioTmp);
    i = j + 1;
  }
}

void PathTemplater::observe_text(std::string_view text) {
  // Absolute paths inside the text: from a '/' at a boundary to the next space/quote.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '/' || !path_starts_at(text, i)) continue;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '"' && text[j] != '\'' &&
           text[j] != '=' && text[j] != ':' && text[j] != ',' && text[j] != '\n')
      ++j;
    observe_path(absolute_path("/", text.substr(i, j - i)));
    i = j;
  }
}

void PathTemplater::add_pid(std::int32_t pid, std::string name) { pids_[pid] = std::move(name); }

std::string PathTemplater::pid_name(std::int32_t pid) const {
  auto it = pids_.find(pid);
  return it == pids_.end() ? std::to_string(pid) : it->second;
}

const PathTemplater::Mapping* PathTemplater::best(std::string_view abs) const {
  for (const Mapping& m : mappings_)  // longest first
    if (path_under(abs, m.raw)) return &m;
  return nullptr;
}

namespace {

// The port of "host:port" / "[v6]:port", if the endpoint is one.
std::optional<std::int32_t> port_of(std::string_view ep, std::size_t* at = nullptr) {
  std::size_t colon = ep.rfind(':');
  if (colon == std::string_view::npos || colon + 1 >= ep.size() || ep.starts_with("unix:")) return {};
  std::int32_t port = 0;
  for (std::size_t i = colon + 1; i < ep.size(); ++i) {
    if (!is_digit(ep[i]) || port > 65535) return {};
    port = port * 10 + (ep[i] - '0');
  }
  if (at != nullptr) *at = colon + 1;
  return port;
}

}  // namespace

void PathTemplater::observe_local_endpoint(std::string_view ep) {
  auto port = port_of(ep);
  if (!port || *port == 0 || ports_.contains(*port)) return;
  ports_.emplace(*port, "$PORT" + std::to_string(ports_.size() + 1));
}

std::string PathTemplater::endpoint(std::string_view ep, bool marked) const {
  std::size_t at = 0;
  if (auto port = port_of(ep, &at)) {
    auto it = ports_.find(*port);
    if (it == ports_.end()) return std::string(ep);
    std::string out(ep.substr(0, at));
    if (!marked) return out + it->second;
    return out + kMarkBegin + it->second + kMarkSep + std::string(ep.substr(at)) + kMarkEnd;
  }
  return text(ep, true, 3, marked);  // unix:/path
}

std::string PathTemplater::replace_pids(std::string_view s, std::size_t min_digits, bool ports,
                                        bool marked) const {
  auto emit = [&](std::string& out, const std::string& name, std::string_view digits) {
    if (!marked) {
      out += name;
      return;
    }
    out += kMarkBegin;
    out += name;
    out += kMarkSep;
    out.append(digits);
    out += kMarkEnd;
  };
  if (pids_.empty() && (!ports || ports_.empty())) return std::string(s);
  std::string out;
  out.reserve(s.size());
  // Text between replaced numbers is copied in runs, not character by character.
  std::size_t i = 0, copied = 0;
  while ((i = scan::next_digit(s, i)) < s.size()) {
    if (i > 0 && is_alnum(s[i - 1])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    std::string_view tok = s.substr(i, j - i);
    bool bounded = j == s.size() || !is_alnum(s[j]);
    // A whole path component ("/proc/42/") is a pid whatever its length; elsewhere a
    // short number is too likely to be something else ("libc.so.6", "v1.2").
    bool component = (i == 0 || s[i - 1] == '/') && (j == s.size() || s[j] == '/');
    if (bounded && (component || tok.size() >= min_digits) && tok.size() <= 9 &&
        tok.front() != '0') {
      std::int32_t value = 0;
      for (char c : tok) value = value * 10 + (c - '0');  // at most 9 digits: no overflow
      const std::string* name = nullptr;
      if (auto it = pids_.find(value); it != pids_.end()) {
        name = &it->second;
      } else if (ports && tok.size() >= 4) {
        if (auto p = ports_.find(value); p != ports_.end()) name = &p->second;
      }
      if (name != nullptr) {
        out.append(s.substr(copied, i - copied));
        emit(out, *name, tok);
        copied = j;
      }
    }
    i = j;
  }
  out.append(s.substr(copied));
  return out;
}

std::string PathTemplater::path(std::string_view abs) const {
  std::string out;
  if (const Mapping* m = best(abs)) {
    out = m->name;
    out.append(abs.substr(m->raw.size()));
  } else {
    out = std::string(abs);
  }
  // Pid-bearing components (/proc/1234/..., /run/app.1234.sock). Without digits
  // there is nothing to replace.
  if (pids_.empty() || out.find_first_of("0123456789") == std::string::npos) return out;
  return replace_pids(out, 3, false);
}

std::string PathTemplater::text(std::string_view s, bool pids, std::size_t min_pid_digits,
                                bool marked) const {
  if (mappings_.empty() || s.find('/') == std::string_view::npos)
    return pids ? replace_pids(s, min_pid_digits, true, marked) : std::string(s);
  // Paths first, then numbers over the result. When numbers follow, the first pass
  // goes to a per-thread scratch buffer, so only the result is allocated.
  thread_local std::string scratch;
  std::string result;
  std::string& out = pids ? scratch : result;
  out.clear();
  out.reserve(s.size());
  std::size_t i = 0, copied = 0;
  while ((i = s.find('/', i)) != std::string_view::npos) {
    if (path_starts_at(s, i)) {
      const Mapping* hit = nullptr;
      for (const Mapping& m : mappings_) {
        if (s.compare(i, m.raw.size(), m.raw) == 0 &&
            (i + m.raw.size() == s.size() || !is_name_char(s[i + m.raw.size()]))) {
          hit = &m;
          break;
        }
      }
      if (hit != nullptr) {
        out.append(s.substr(copied, i - copied));
        out += hit->name;
        i += hit->raw.size();
        // "$TMPDIR//x" (TMPDIR=/tmp/x/ joined with "/x") is the same path as "$TMPDIR/x".
        while (i + 1 < s.size() && s[i] == '/' && s[i + 1] == '/') ++i;
        copied = i;
        continue;
      }
    }
    ++i;
  }
  out.append(s.substr(copied));
  if (!pids) return result;
  return replace_pids(scratch, min_pid_digits, true, marked);
}

void PathTemplater::append_quoted_text(std::string& out, std::string_view raw, bool marked) const {
  const std::string templated = text(raw, true, 3, marked);
  out += '"';
  std::string_view rest = templated;
  while (!rest.empty()) {
    const std::size_t mark = rest.find(kMarkBegin);
    append_escaped(out, rest.substr(0, mark));
    if (mark == std::string_view::npos) break;
    const std::size_t end = rest.find(kMarkEnd, mark);
    const std::size_t stop = end == std::string_view::npos ? rest.size() : end + 1;
    out.append(rest.substr(mark, stop - mark));
    rest.remove_prefix(stop);
  }
  out += '"';
}

std::map<std::string, std::string> PathTemplater::legend() const {
  std::map<std::string, std::string> out;
  for (const Mapping& m : mappings_) out[m.name] = m.raw;
  for (const auto& [pid, name] : pids_) out[name] = std::to_string(pid);
  for (const auto& [port, name] : ports_) out[name] = std::to_string(port);
  return out;
}

}  // namespace golden::eqv

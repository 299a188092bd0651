#include "noise.hpp"

#include "golden/model/glob.hpp"

namespace golden::eqv {
namespace {

// Reads that every program of a kind makes before or around doing its job.
const char* const kReadNoise[] = {
    // Programs, shared libraries, the dynamic loader, locale data, python's stdlib
    // and site-packages, gconv modules, terminfo: the implementation, not its inputs.
    "/usr/**", "/lib/**", "/lib32/**", "/lib64/**", "/libx32/**", "/bin/**", "/sbin/**",
    "/etc/ld.so.*", "/etc/ld.so.conf.d/**",
    // libc configuration: locale, time zone, NSS (user/group/host lookups).
    "/etc/locale.*", "/etc/default/locale", "/etc/localtime", "/etc/timezone",
    "/etc/nsswitch.conf", "/etc/passwd", "/etc/group", "/etc/host.conf", "/etc/hosts",
    "/etc/resolv.conf", "/etc/gai.conf", "/etc/services", "/etc/protocols",
    "/etc/mime.types", "/etc/inputrc", "/etc/terminfo/**", "/etc/python3*/**",
    "/etc/selinux/**", "/etc/ssl/**", "/etc/ca-certificates/**",
    // Introspection of the process itself and of the machine.
    "/proc/self/**", "/proc/thread-self/**", "/proc/$PID*/**", "/proc/$TID*/**",
    "/proc/sys/**", "/proc/filesystems", "/proc/meminfo", "/proc/cpuinfo", "/proc/stat",
    "/proc/mounts", "/proc/loadavg", "/proc/version", "/sys/**",
    // Devices that carry no user data.
    "/dev/null", "/dev/zero", "/dev/urandom", "/dev/random", "/dev/full",
    // Python start-up: virtualenv probes, bytecode caches, the user site directory.
    "**/pyvenv.cfg", "**/pybuilddir.txt", "**/__pycache__/**", "**/*.pyc",
    "$HOME/.local/lib/python3*/**",
};

// Writes that are not the program's output.
const char* const kWriteNoise[] = {
    "/dev/null",
    // Python writes bytecode caches on first import only: a second run doesn't.
    "**/__pycache__/**", "**/*.pyc",
};

// libc asks nscd before reading /etc/passwd etc.; getaddrinfo talks to netlink.
const char* const kEndpointNoise[] = {
    "unix:/var/run/nscd/socket", "unix:/run/nscd/socket",
};

}  // namespace

PathSet::PathSet(const std::vector<std::string>& globs) {
  for (const std::string& g : globs) add(g);
}

void PathSet::add(std::string_view glob) {
  // The shapes the noise lists use are matched without the general glob machinery:
  // every open of a 200k-event trace goes through here.
  auto plain_name = [](std::string_view s) {
    return !s.empty() && !has_wildcard(s) && s.find('/') == std::string_view::npos;
  };
  if (glob.starts_with("**/")) {
    std::string_view rest = glob.substr(3);
    if (plain_name(rest)) {
      basenames_.emplace_back(rest);
      return;
    }
    if (rest.starts_with('*') && plain_name(rest.substr(1))) {
      suffixes_.emplace_back(rest.substr(1));
      return;
    }
    if (rest.ends_with("/**") && plain_name(rest.substr(0, rest.size() - 3))) {
      dir_names_.emplace_back(rest.substr(0, rest.size() - 3));
      return;
    }
  }
  if (glob.ends_with("/**") && !has_wildcard(glob.substr(0, glob.size() - 3))) {
    prefixes_.emplace_back(glob.substr(0, glob.size() - 3));
  } else if (!has_wildcard(glob)) {
    exact_.emplace_back(glob);
  } else {
    globs_.emplace_back(glob, glob.find_first_of("*?["));
  }
}

bool PathSet::matches(std::string_view path) const {
  for (const std::string& p : prefixes_)
    if (path.starts_with(p) && (path.size() == p.size() || path[p.size()] == '/')) return true;
  for (const std::string& e : exact_)
    if (path == e || (e.ends_with('/') && path.starts_with(e))) return true;
  if (!basenames_.empty() || !suffixes_.empty()) {
    std::size_t slash = path.rfind('/');
    std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
    for (const std::string& b : basenames_)
      if (base == b) return true;
    for (const std::string& sfx : suffixes_)
      if (base.ends_with(sfx)) return true;
  }
  for (const std::string& d : dir_names_) {
    // "/NAME/" inside, or the path is (below) a leading "NAME/".
    for (std::size_t at = path.find(d); at != std::string_view::npos; at = path.find(d, at + 1)) {
      bool starts = at == 0 || path[at - 1] == '/';
      std::size_t after = at + d.size();
      bool ends = after == path.size() || path[after] == '/';
      if (starts && ends) return true;
    }
  }
  for (const auto& [g, literal] : globs_)
    if (path.starts_with(std::string_view(g).substr(0, literal)) && glob_match(g, path)) return true;
  return false;
}

NoiseFilter::NoiseFilter(const CompareConfig& config)
    : keep_noise_(config.noise), ignore_(config.ignore_paths) {
  for (const char* g : kReadNoise) read_noise_.add(g);
  for (const char* g : kWriteNoise) write_noise_.add(g);
  for (const std::string& g : config.noise_paths) {
    read_noise_.add(g);
    write_noise_.add(g);
  }
}

bool NoiseFilter::ignored(std::string_view abs, std::string_view templated) const {
  if (ignore_.empty()) return false;
  return ignore_.matches(templated) || ignore_.matches(abs);
}

bool NoiseFilter::noise_read(std::string_view abs, std::string_view templated) const {
  if (keep_noise_) return false;
  return read_noise_.matches(abs) || read_noise_.matches(templated);
}

bool NoiseFilter::noise_write(std::string_view abs, std::string_view templated) const {
  if (keep_noise_) return false;
  return write_noise_.matches(abs) || write_noise_.matches(templated);
}

bool NoiseFilter::noise_endpoint(std::string_view endpoint) const {
  if (keep_noise_) return false;
  if (endpoint.starts_with("netlink")) return true;
  for (const char* e : kEndpointNoise)
    if (endpoint == e) return true;
  return false;
}

}  // namespace golden::eqv

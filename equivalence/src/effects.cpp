// normalize(): discovery of templates, the causal walk that feeds the handlers, and
// the assembly of channels in canonical order.
#include <fcntl.h>
#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <memory>

#include "args.hpp"
#include "effects_internal.hpp"
#include "fd_id_replay.hpp"
#include "golden/model/escape.hpp"
#include "golden/syscalls/families.hpp"
#include "golden/syscalls/syscall_table.hpp"
#include "name_ops.hpp"
#include "path_util.hpp"

namespace golden {
namespace eqv {
namespace {

// An exec's argv, templated. An argument written relative to the cwd (`./in.txt`) is
// shown as the path it names, so `./in.txt` run in the work directory and `/tmp/w/in.txt`
// run elsewhere are both $CWD/in.txt. Other words are left as they are: whether
// `v2.0` is a path, or relative to what (`ln -s ../lib/x`), a trace cannot tell.
void append_argv(std::string& out, const Extractor& walk, const ExecRecord& exec) {
  out += '[';
  for (std::size_t i = 0; i < exec.argv.size(); ++i) {
    if (i) out += ", ";
    const std::string& arg = exec.argv[i];
    if (i > 0 && arg.starts_with("./") && !exec.cwd.empty()) {
      out += walk.templated_quoted(absolute_path(exec.cwd, arg));
      continue;
    }
    // A relative path with a generated name in it ("o1/.r.d9vL1W", a temp file mktemp
    // made and mv then moves): as templated, or the random part would stay in the text.
    if (i > 0 && !arg.empty() && arg.front() != '/' && arg.front() != '-' && !exec.cwd.empty()) {
      const std::string abs = absolute_path(exec.cwd, arg);
      const std::string templated = walk.templated_path(abs);
      if (templated.starts_with("$GEN") || templated.starts_with("$TMP")) {
        out += walk.templated_quoted(abs);
        continue;
      }
    }
    out += walk.templated_quoted(arg);
  }
  out += ']';
}

}  // namespace

Extractor::Extractor(const Trace& t, const CompareConfig& c, const TraceHeader& h)
    : trace(t),
      config(c),
      header(h),
      order(t, counters),
      tree(t, order, c, counters),
      templates(c),
      noise(c) {
  out.name = "stdout";
  out.category = out.content_category = Category::Stdout;
  err.name = "stderr";
  err.category = err.content_category = Category::Stderr;
}

FdRef Extractor::fd_target(const Arg* fd_arg) {
  if (fd_arg == nullptr) return nullptr;
  if (FdRef r = targets.find(fd_arg->ofd)) return r;
  if (fd_arg->raw < 0) return nullptr;
  // Never seen made (inherited, received over a socket) or not open at all (no ofd):
  // trust the kernel's description.
  count("equivalence.untracked_fds");
  FdRef guess = targets.from_description(fd_arg->str);
  targets.bind(fd_arg->ofd, guess);
  return guess;
}

Chunk Extractor::make_chunk() {
  Chunk c;
  c.seq = current->seq;
  const std::optional<std::size_t> node = tree.index_of(current->pid, current->seq);
  c.process = node ? &tree.nodes()[*node].key : &proc();
  c.writer = writer_id(node);
  return c;
}

std::uint32_t Extractor::intern_copy_source(std::string source) {
  auto [it, fresh] = copy_source_ids_.try_emplace(source, static_cast<std::uint32_t>(copy_sources_.size()));
  if (fresh) copy_sources_.push_back(std::move(source));
  return it->second;
}

std::uint32_t Extractor::writer_id(std::optional<std::size_t> node) {
  // Interned by label, so two threads with the same label are the same writer, as
  // they were when labels were compared as strings.
  const std::uint64_t thread = (static_cast<std::uint64_t>(node.value_or(0xffffffffu)) << 32) |
                               static_cast<std::uint32_t>(current->tid.value);
  if (auto it = writer_by_thread_.find(thread); it != writer_by_thread_.end()) return it->second;
  std::string label = tree.thread_label(current->pid, current->tid, current->seq);
  auto [at, fresh] = writer_by_label_.try_emplace(label, static_cast<std::uint32_t>(writer_labels_.size()));
  if (fresh) writer_labels_.push_back(std::move(label));
  writer_by_thread_.emplace(thread, at->second);
  return at->second;
}

std::uint32_t Extractor::path_slot(const std::string& abs) {
  auto [it, fresh] = path_slots_.try_emplace(abs, static_cast<std::uint32_t>(paths_.size()));
  if (fresh) paths_.emplace_back().templated = templated_path(abs);
  return it->second;
}

Extractor::PathInfo& Extractor::path_info(FdTarget& target) {
  if (target.path_slot == UINT32_MAX) target.path_slot = path_slot(target.path);
  return paths_[target.path_slot];
}

std::string_view Extractor::read_drop(const std::string& abs, const std::string& tp,
                                      bool directory) const {
  if (noise.ignored(abs, tp)) return "equivalence.ignored_paths";
  if (noise.noise_read(abs, tp)) return "equivalence.noise_reads";
  if (!noise.keep_noise() && (tree.implementation_files().contains(abs) ||
                              (directory && tree.implementation_dirs().contains(abs))))
    return "equivalence.implementation_reads";
  if (!noise.keep_noise()) {
    for (const std::string& prefix : tree.install_prefixes()) {
      for (const char* sub : {"/lib", "/lib64", "/libexec", "/share"}) {
        if (path_under(abs, prefix + sub)) return "equivalence.runtime_reads";
      }
    }
  }
  return {};
}

std::string_view Extractor::write_drop(const std::string& abs, PathInfo& p) const {
  if (!p.write_known) {
    p.write_known = true;
    if (noise.ignored(abs, p.templated)) {
      p.write_drop = "equivalence.ignored_paths";
    } else if (noise.noise_write(abs, p.templated)) {
      p.write_drop = "equivalence.noise_writes";
    }
  }
  return p.write_drop;
}

ChannelBuilder& Extractor::channel_of(PathInfo& p, const std::string& abs) {
  if (p.channel == nullptr) {
    // Several absolute paths can share a templated one: the channel is named (and its
    // raw path taken) by the first that used it.
    ChannelBuilder& b = files[p.templated];
    if (b.name.empty()) {
      b.name = "file " + p.templated;
      b.path = p.templated;
      b.raw_path = abs;
    }
    p.channel = &b;  // unordered_map values stay where they are
  }
  return *p.channel;
}

std::string Extractor::templated_quoted(std::string_view s) const {
  std::string quoted;
  templates.append_quoted_text(quoted, s, true);
  return quoted;
}

Item Extractor::file_item(const std::string& abs, Category cat, std::string key) {
  Item it;
  it.category = cat;
  it.text = display_key(key);
  it.key = std::move(key);
  it.seq = current->seq;
  it.process = proc();
  it.path = path_info(abs).templated;
  it.raw_path = abs;
  return it;
}

void Extractor::file_op(const std::string& abs, Category cat, std::string key) {
  if (!emit || !config.strict_files || relaxed(cat) || abs.empty()) return;
  PathInfo& p = path_info(abs);
  if (std::string_view drop = write_drop(abs, p); !drop.empty()) {
    count(drop);
    return;
  }
  ChannelBuilder& b = channel_of(p, abs);
  b.entries.emplace_back(OpRef{static_cast<std::uint32_t>(b.ops.size())});
  b.ops.push_back(file_item(abs, cat, std::move(key)));
}

void Extractor::user_read(const std::string& abs, bool directory) {
  if (!emit || relaxed(Category::UserReads) || abs.empty()) return;
  // Opening the working directory (or /) as a file is how find and friends keep their
  // place (fchdir back), not reading user data; listing it still counts.
  if (!directory && (abs == "/" || abs == root_cwd_)) return;
  PathInfo& p = path_info(abs);
  const std::size_t d = directory ? 1 : 0;
  if (!p.read_known[d]) {
    p.read_drop[d] = read_drop(abs, p.templated, directory);
    p.read_known[d] = true;
  }
  if (!p.read_drop[d].empty()) {
    count(p.read_drop[d]);
    return;
  }
  if (tree.in_launcher(current->pid, current->seq)) {
    count("equivalence.launcher_reads");
    return;
  }
  // Listed once: `reads` is a set, and the same file is typically read many times.
  if (p.read_added[d]) return;
  p.read_added[d] = true;
  const std::string& tp = p.templated;
  std::string text = (directory ? "list " : "read ") + tp;
  if (reads.contains(text)) return;
  if (net_effects()) read_files.emplace(text, std::make_pair(model.at(abs), current->seq));
  Item it;
  it.category = Category::UserReads;
  it.key = text;
  it.text = text;
  it.seq = current->seq;
  it.process = proc();
  it.path = tp;
  it.raw_path = abs;
  reads.emplace(text, std::move(it));
}

void Extractor::stdin_read() {
  if (!emit || relaxed(Category::UserReads) || reads.contains("read <stdin>")) return;
  Item it;
  it.category = Category::UserReads;
  it.key = it.text = "read <stdin>";
  it.seq = current->seq;
  it.process = proc();
  reads.emplace(it.text, std::move(it));
}

void Extractor::write_chunk(FdTarget& target, Chunk chunk) {
  if (!emit) return;
  switch (target.kind) {
    case FdTarget::Kind::Stdout:
      if (!relaxed(Category::Stdout)) out.entries.emplace_back(std::move(chunk));
      return;
    case FdTarget::Kind::Stderr:
      if (!relaxed(Category::Stderr)) err.entries.emplace_back(std::move(chunk));
      return;
    case FdTarget::Kind::File: {
      if (relaxed(Category::FileContent) || target.path.empty()) return;
      PathInfo& p = path_info(target);
      if (std::string_view drop = write_drop(target.path, p); !drop.empty()) {
        count(drop);
        return;
      }
      if (config.strict_files) {
        channel_of(p, target.path).entries.emplace_back(std::move(chunk));
      } else {
        model.write(file_of(target), chunk);
      }
      return;
    }
    default:
      // Pipes between the program's own processes, sockets (endpoints are compared,
      // not payloads), /dev/null: not output.
      return;
  }
}

void Extractor::process_item(std::vector<Item>& list, Category cat, std::string key) {
  if (!emit || relaxed(cat)) return;
  std::string line = proc() + ": " + key;
  // A repeated identical attempt (a retry loop's count depends on timing) is one effect.
  if (!list.empty() && list.back().key == line) return;
  Item it;
  it.category = cat;
  it.text = display_key(line);
  it.key = std::move(line);
  it.seq = current->seq;
  it.process = proc();
  list.push_back(std::move(it));
}

void Extractor::discover() {
  std::string cwd = trace.run.cwd;
  for (std::size_t i : tree.keyed_preorder()) {
    const ProcNode& n = tree.nodes()[i];
    if (cwd.empty() && n.root && !n.info->execs.empty()) cwd = n.info->execs.front().cwd;
  }
  templates.set_cwd(cwd);
  root_cwd_ = cwd;
  // The run's parameters: the command's path arguments and path-valued environment.
  std::vector<std::string> argv = trace.run.command;
  for (std::size_t i : tree.keyed_preorder()) {
    const ProcNode& n = tree.nodes()[i];
    if (argv.empty() && n.root && !n.info->execs.empty()) argv = n.info->execs.front().argv;
  }
  templates.set_parameters(trace.run.env, argv, tree.implementation_files());

  std::size_t tid_number = 0;
  std::vector<std::size_t> by_number(tree.nodes().size());
  for (std::size_t i = 0; i < tree.nodes().size(); ++i) by_number[i] = i;
  std::sort(by_number.begin(), by_number.end(), [&](std::size_t a, std::size_t b) {
    return tree.nodes()[a].pid_number < tree.nodes()[b].pid_number;
  });
  for (std::size_t i : by_number) {
    const ProcNode& n = tree.nodes()[i];
    templates.add_pid(n.info->pid.value, "$PID" + std::to_string(n.pid_number));
    for (Tid t : n.info->threads)
      if (t.value != n.info->pid.value)
        templates.add_pid(t.value, "$TID" + std::to_string(++tid_number));
  }

  for (const std::string& a : trace.run.command) templates.observe_text(a);
  // Which names the run makes and removes again: templated by order of creation.
  FileModel names;
  for (Seq s : order.order()) {
    const Event& e = trace.events[s];
    if (e.kind != EventKind::Syscall) continue;
    // Only whether names appear and disappear: opens that create, and name operations.
    if (auto op = name_op(e); op && (op->kind != NameOp::Kind::Open || (op->flags & O_CREAT)))
      names.apply(*op, 0);
    for (const Arg& a : e.args) {
      switch (a.kind) {
        case ArgKind::Path: templates.observe_path(a.str); break;
        case ArgKind::Fd:
          if (a.str.starts_with('/')) templates.observe_path(a.str);
          break;
        case ArgKind::String:
        case ArgKind::Sockaddr: templates.observe_text(a.str); break;
        case ArgKind::Argv:
          for (const std::string& v : a.list) templates.observe_text(v);
          break;
        default: break;
      }
    }
    if (e.ret_ref.starts_with('/')) templates.observe_path(e.ret_ref);
    // Ports the run was given by the kernel (bind to port 0, then getsockname; the
    // local side of accepted connections) differ from run to run: $PORTn.
    const std::string_view name = e.name;
    if (name == "getsockname" && !e.failed())
      if (const Arg* a = nth_arg(e, ArgKind::Sockaddr)) templates.observe_local_endpoint(a->str);
    if (syscalls::has_family(name, syscalls::Family::Accept) && e.ret_ref.starts_with("socket:[")) {
      std::string_view r = e.ret_ref;
      std::size_t sp = r.find(' '), arrow = r.find("->");
      if (sp != std::string_view::npos && arrow != std::string_view::npos && arrow > sp)
        templates.observe_local_endpoint(r.substr(sp + 1, arrow - sp - 1));
    }
  }
  for (const ProcNode& n : tree.nodes())
    for (const ExecRecord& x : n.info->execs) {
      templates.observe_path(absolute_path(x.cwd.empty() ? "/" : x.cwd, x.path));
      for (const std::string& a : x.argv) templates.observe_text(a);
    }
  templates.settle_arguments();
  templates.settle_home_in_cwd();
  for (const std::string& p : names.transient_names()) templates.add_transient(p);
}

const Extractor::Dispatch& Extractor::dispatch(const std::string& name) {
  const std::size_t slot =
      name.empty() ? 0 : (name.size() * 31 + static_cast<unsigned char>(name.front()) * 7 +
                          static_cast<unsigned char>(name.back())) % dispatch_cache_.size();
  DispatchSlot& cached = dispatch_cache_[slot];
  if (cached.dispatch != nullptr && cached.name == name) return *cached.dispatch;
  auto it = dispatch_.find(name);
  if (it == dispatch_.end()) it = dispatch_.emplace(name, resolve(name)).first;
  cached = {it->first, &it->second};
  return it->second;
}

Extractor::Dispatch Extractor::resolve(const std::string& name) const {
  Dispatch d;
  // By name: the number's entry is the same one whenever the number agrees with it.
  const SyscallInfo* info = syscall_by_name(name);
  if (info != nullptr && (info->classes & config.exclude_classes) != 0) d.excluded = true;
  if (std::find(config.exclude_syscalls.begin(), config.exclude_syscalls.end(), name) !=
      config.exclude_syscalls.end())
    d.excluded = true;
  d.handler = fd_handler(name);
  if (d.handler == nullptr) d.handler = file_handler(name);
  if (d.handler == nullptr) d.handler = stream_handler(name);
  if (d.handler == nullptr) d.handler = net_signal_handler(name);
  d.returns_fd = info != nullptr && info->returns_fd;
  return d;
}

void Extractor::walk() {
  for (Seq s : order.order()) {
    const Event& e = trace.events[s];
    current = &e;
    if (e.kind != EventKind::Syscall) continue;
    if (e.failed() && is_retry_errno(e.err)) {
      count("equivalence.retries_collapsed");
      continue;
    }
    const Dispatch& d = dispatch(e.name);
    emit = !d.excluded;
    model.current = e.seq;

    // The call's arguments are described before its bookkeeping (a close forgets its fd),
    // its result after (an open's new fd).
    std::optional<PendingLine> line;
    if (emit) line = begin_syscall_line(*this, e);
    if (d.handler != nullptr) {
      d.handler(*this, e);
    } else if (d.returns_fd) {
      track_generic_fd(*this, e);
    }
    if (line) finish_syscall_line(*this, e, std::move(*line));
  }
  current = nullptr;
}

void Extractor::resolve_concurrency() {
  std::vector<std::pair<Seq, Seq>> queries;
  auto collect = [&](const ChannelBuilder& b) {
    const Chunk* prev = nullptr;
    for (const Entry& e : b.entries) {
      const Chunk* c = std::get_if<Chunk>(&e);
      if (c == nullptr) continue;
      if (prev != nullptr && prev->writer != c->writer) queries.emplace_back(prev->seq, c->seq);
      prev = c;
    }
  };
  collect(out);
  collect(err);
  for (const auto& [path, b] : files) collect(b);
  if (queries.empty()) return;
  std::vector<bool> ordered = order.structurally_before(queries);
  for (std::size_t i = 0; i < queries.size(); ++i)
    if (!ordered[i]) unordered_writes.insert(queries[i]);
}

std::vector<Channel> Extractor::assemble() {
  if (!config.strict_files) {
    build_file_states();
    drop_stale_reads();
  }
  resolve_concurrency();
  std::vector<Channel> channels;

  Channel procs;
  procs.name = "processes";
  procs.category = Category::Processes;
  procs.items.reserve(2 * tree.nodes().size());  // an exec and an exit status each, mostly
  auto add = [&](const ProcNode& n, Category cat, std::string_view key, std::optional<Seq> seq) {
    if (relaxed(cat)) return;
    Item& it = procs.items.emplace_back();
    it.category = cat;
    it.key.reserve(n.key.size() + 2 + key.size());
    it.key.append(n.key).append(": ").append(key);
    it.text = display_key(it.key);
    it.seq = seq;
    it.process = n.key;
  };
  auto emit_node = [&](auto&& self, std::size_t idx) -> void {
    const ProcNode& n = tree.nodes()[idx];
    // A launcher's helpers (pyenv's shims, a wrapper's lookups) are how the
    // implementation starts, not what it does.
    if (n.launcher && !config.root_exec) return;
    if (!n.root || config.root_exec) {
      for (const ExecRecord& x : n.info->execs) {
        std::string path = absolute_path(x.cwd.empty() ? "/" : x.cwd, x.path);
        std::string line = "exec " + templated_path(path);
        line += ' ';
        append_argv(line, *this, x);
        add(n, Category::Processes, line, x.seq);
      }
      if (n.info->execs.empty() && !n.failed_execs.empty())
        add(n, Category::Processes,
            "exec failed: " + std::string(basename(n.failed_execs.back().second)),
            n.failed_execs.back().first);
      if (n.info->execs.empty() && n.failed_execs.empty() && !n.root)
        add(n, Category::Processes, "fork", n.info->created_by);
    }
    for (std::size_t c : n.keyed_children) self(self, c);
    std::string status;
    if (n.info->exit_signal) {
      status = "killed by " + signal_name(*n.info->exit_signal) +
               (n.info->core_dumped ? " (core dumped)" : "");
    } else if (n.info->exit_code) {
      status = "exit " + std::to_string(*n.info->exit_code);
    } else {
      status = "exit unknown";
    }
    add(n, Category::ExitStatus, status, n.last_seq);
  };
  for (std::size_t idx : tree.keyed_preorder())
    if (tree.nodes()[idx].root) emit_node(emit_node, idx);
  if (!procs.items.empty()) channels.push_back(std::move(procs));

  render_channel(*this, out, channels);
  render_channel(*this, err, channels);
  std::vector<ChannelBuilder*> by_path;
  by_path.reserve(files.size());
  for (auto& [path, b] : files) by_path.push_back(&b);
  std::sort(by_path.begin(), by_path.end(),
            [](const ChannelBuilder* x, const ChannelBuilder* y) { return x->path < y->path; });
  channels.reserve(channels.size() + by_path.size() + 4);
  for (ChannelBuilder* b : by_path) render_channel(*this, *b, channels);

  if (!reads.empty()) {
    Channel r;
    r.name = "user reads";
    r.category = Category::UserReads;
    for (auto& [text, it] : reads) r.items.push_back(it);
    channels.push_back(std::move(r));
  }

  // Per-process lists, flattened in process-tree order: the interleaving of unrelated
  // processes never shows.
  auto flatten = [&](const char* name, Category cat, std::map<std::size_t, std::vector<Item>>& m) {
    Channel c;
    c.name = name;
    c.category = cat;
    for (std::size_t idx : tree.list_order()) {
      auto it = m.find(idx);
      if (it != m.end()) c.items.insert(c.items.end(), it->second.begin(), it->second.end());
    }
    if (auto it = m.find(SIZE_MAX); it != m.end())
      c.items.insert(c.items.end(), it->second.begin(), it->second.end());
    if (!c.items.empty()) channels.push_back(std::move(c));
  };
  flatten("network", Category::Network, net);
  flatten("signals", Category::Signals, sig);

  std::vector<std::pair<std::size_t, std::string>> labels;
  std::map<std::size_t, std::size_t> rank;
  const std::vector<std::size_t> list_order = tree.list_order();
  for (std::size_t i = 0; i < list_order.size(); ++i) rank[list_order[i]] = i;
  for (const auto& [label, owner] : call_owner)
    labels.emplace_back(rank.contains(owner) ? rank[owner] : SIZE_MAX, label);
  std::sort(labels.begin(), labels.end());
  for (const auto& [r, label] : labels) {
    Channel c;
    c.name = "syscalls " + label;
    c.category = Category::Syscalls;
    c.items = std::move(calls[label]);
    if (!c.items.empty()) channels.push_back(std::move(c));
  }
  return channels;
}

NormalizedTrace Extractor::run() {
  discover();
  return finish();
}

NormalizedTrace Extractor::finish() {
  walk();
  NormalizedTrace n;
  n.channels = assemble();
  n.legend = templates.legend();
  n.existing_dirs = std::move(existing_dirs);
  n.existing_files = std::move(existing_files);
  if (!config.strict_files)
    for (const auto& [abs, st] : model.paths())
      if (st.bound != FileModel::kNone && model.node(st.bound).created && !abs.empty())
        n.created_paths.insert(path_info(abs).templated);
  if (!header.filter.empty())
    notes.push_back(fmt::format("captured with -e {}{}: effects of untraced syscalls are not visible",
                                header.filter.starts_with("trace=") ? "" : "trace=", header.filter));
  if (!header.has_pids)
    notes.push_back("the trace has no pids (imported): processes cannot be told apart");
  if (auto it = fast_counters_.find("equivalence.write_without_payload"); it != fast_counters_.end())
    notes.push_back(fmt::format("{} write(s) carry no payload: their bytes are compared by "
                                "length only",
                                it->second));
  if (counters.contains("equivalence.causal_cycles_broken"))
    notes.push_back("the trace's causal edges form a cycle: order may be approximate");
  for (const auto& [name, value] : fast_counters_) counters[std::string(name)] += value;
  n.counters = std::move(counters);
  n.notes = std::move(notes);
  return n;
}

}  // namespace eqv

const Channel* NormalizedTrace::channel(std::string_view name) const {
  for (const Channel& c : channels)
    if (c.name == name) return &c;
  return nullptr;
}

namespace {

// A run ready for its walk: discovery done, templates still open to alignment.
struct PreparedRun {
  eqv::WalkInput input;  // dense seqs and fd identities, on a copy when the trace lacked them
  std::unique_ptr<eqv::Extractor> extractor;
};

PreparedRun prepare(const Trace& trace, const CompareConfig& config, const TraceHeader& header) {
  PreparedRun p;
  p.input = eqv::walk_input(trace, config);
  p.extractor = std::make_unique<eqv::Extractor>(*p.input.trace, config, header);
  p.extractor->discover();
  return p;
}

NormalizedTrace finish(PreparedRun& p) {
  NormalizedTrace n = p.extractor->finish();
  if (p.input.renumbered) {
    ++n.counters["equivalence.events_renumbered"];
    n.notes.push_back("event numbers were not dense: renumbered, causal edges dropped");
  }
  return n;
}

}  // namespace

NormalizedTrace normalize(const Trace& trace, const CompareConfig& config,
                          const TraceHeader& header) {
  PreparedRun p = prepare(trace, config, header);
  return finish(p);
}

NormalizedPair normalize_pair(const Trace& a, const TraceHeader& header_a, const Trace& b,
                              const TraceHeader& header_b, const CompareConfig& config) {
  // Each side on its own thread, except for the alignment, which needs both.
  auto prepared_b = std::async(std::launch::async, [&] { return prepare(b, config, header_b); });
  PreparedRun pa = prepare(a, config, header_a);
  PreparedRun pb = prepared_b.get();
  NormalizedPair out;
  for (auto& al : eqv::PathTemplater::align(pa.extractor->templates, pb.extractor->templates))
    out.alignments.push_back({std::move(al.name), std::move(al.a), std::move(al.b)});
  auto finished_b = std::async(std::launch::async, [&] { return finish(pb); });
  out.a = finish(pa);
  out.b = finished_b.get();
  return out;
}

}  // namespace golden

#!/usr/bin/env python3
"""strace_diff: golden's decoding checked against strace 6.1, call by call.

    strace_diff.py run --golden GOLDEN --program PROG --work DIR --expect FILE [--out DIR]
    strace_diff.py compare STRACE.txt TRACE.json SHOW.txt [--expect FILE] [--program NAME]
    strace_diff.py summary DIR [--min-rate 0.95]

`run` executes PROG twice from the same fresh directory, with the same environment
bytes and address-space randomization off (setarch -R), so that both runs lay out
memory alike: once under `strace -f -y` and once under `golden capture`, then renders
golden's trace with `golden show`. `compare` lines the two outputs up thread by
thread (threads and processes are paired through the clone/fork calls that made
them), splits every call into its arguments and return value, and reports each one
whose rendering differs. Differences listed in the expectations file are accepted
(deliberate: golden decodes differently on purpose; volatile: the value changes from
run to run); any other difference fails the run. `summary` adds up the per-program
results `run --out` wrote and checks the agreement rates.

Python 3 standard library only.
"""

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys

# --------------------------------------------------------------------------- parsing


class Call:
    """One line of output: a syscall, or an out-of-band line (--- signal ---, +++ exit +++)."""

    __slots__ = ("tid", "kind", "name", "args", "ret", "line", "kinds")

    def __init__(self, tid, kind, name, args=None, ret="", line="", kinds=None):
        self.tid = tid
        self.kind = kind  # "syscall" | "signal" | "exit" | "stop"
        self.name = name
        self.args = args if args is not None else []
        self.ret = ret
        self.line = line
        self.kinds = kinds  # golden's ArgKind per argument, when known

    def key(self):
        return (self.kind, self.name)


OPEN = {"(": ")", "[": "]", "{": "}"}


def matching_paren(text, start):
    """Index of the ')' closing the '(' at `start`, skipping strings and brackets; -1."""
    depth = 0
    i = start
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0 and c == ")":
                return i
        elif c == "<" and i > 0 and (text[i - 1].isdigit() or text[i - 1] == "D"):
            # fd annotation 3</path> or AT_FDCWD</dir>: the path may hold any bracket.
            end = fd_annotation_end(text, i)
            if end > 0:
                i = end
        i += 1
    return -1


def fd_annotation_end(text, i):
    """For '<' at i opening an fd annotation, the index of its closing '>'."""
    j = i + 1
    n = len(text)
    while j < n:
        if text[j] == "\\":
            j += 2
            continue
        if text[j] == ">":
            return j
        if text[j] == "<":  # nested (socket:[...] never nests; be safe)
            return -1
        j += 1
    return -1


def split_args(text):
    """Top-level comma-separated pieces of an argument list."""
    out = []
    depth = 0
    cur_start = 0
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "<" and i > 0 and (text[i - 1].isdigit() or text[i - 1] == "D"):
            end = fd_annotation_end(text, i)
            if end > 0:
                i = end
        elif c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end > 0:
                i = end + 1
        elif c == "," and depth == 0:
            out.append(text[cur_start:i].strip())
            cur_start = i + 1
        i += 1
    last = text[cur_start:].strip()
    if out or last:
        out.append(last)
    return out


CALL_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\(")
RET_RE = re.compile(r"^\s*=\s(.*)$")


def parse_body(tid, body):
    """A line's text after its pid prefix, as a Call (None for lines we do not compare)."""
    if body.startswith("--- "):
        inner = body[4:-4] if body.endswith(" ---") else body[4:]
        if inner.startswith("stopped by "):
            return Call(tid, "stop", inner.split()[2], line=body)
        name = inner.split(" ", 1)[0]
        return Call(tid, "signal", name, args=[inner[len(name) + 1:]], line=body)
    if body.startswith("+++ "):
        inner = body[4:-4] if body.endswith(" +++") else body[4:]
        return Call(tid, "exit", "exit", args=[inner], line=body)
    m = CALL_RE.match(body)
    if not m:
        return None
    name = m.group(1)
    close = matching_paren(body, len(name))
    if close < 0:
        return Call(tid, "syscall", name, args=split_args(body[len(name) + 1:]), ret="?", line=body)
    rest = body[close + 1:]
    rm = RET_RE.match(rest)
    ret = rm.group(1).strip() if rm else "?"
    return Call(tid, "syscall", name, args=split_args(body[len(name) + 1:close]), ret=ret, line=body)


STRACE_LINE = re.compile(r"^(\d+)\s+(.*)$")
UNFINISHED = " <unfinished ...>"
RESUMED = re.compile(r"^<\.\.\. ([A-Za-z0-9_]+) resumed>(.*)$")


def parse_strace(text):
    """strace -f -o output: calls in the order their lines complete, per tid."""
    calls = []
    pending = {}  # tid -> (position in calls, text so far)
    for raw in text.splitlines():
        m = STRACE_LINE.match(raw)
        if not m:
            continue
        tid = int(m.group(1))
        body = m.group(2)
        if body.endswith(UNFINISHED):
            calls.append(None)
            pending[tid] = (len(calls) - 1, body[: -len(UNFINISHED)])
            continue
        rm = RESUMED.match(body)
        if rm:
            owner = tid
            slot = pending.pop(tid, None)
            if slot is None:
                # Resumed under another tid: an execve from a non-leader thread completes
                # under the leader's pid. The call is the thread's that made it.
                for other, (pos, prefix) in list(pending.items()):
                    if prefix.startswith(rm.group(1) + "("):
                        slot = pending.pop(other)
                        owner = other
                        break
            if slot is None:
                continue
            pos, prefix = slot
            call = parse_body(owner, prefix + rm.group(2))
            calls[pos] = call
            continue
        call = parse_body(tid, body)
        if call is not None:
            calls.append(call)
    for tid, (pos, prefix) in pending.items():
        calls[pos] = parse_body(tid, prefix + ") = ?")
    return [c for c in calls if c is not None]


GOLDEN_LINE = re.compile(r"^\[pid\s+(\d+)\] (.*)$")


def parse_golden(show_text, trace_path=None):
    """`golden show --pid always --no-duration` output; argument kinds from the trace file."""
    calls = []
    for raw in show_text.splitlines():
        m = GOLDEN_LINE.match(raw)
        if not m:
            continue
        call = parse_body(int(m.group(1)), m.group(2))
        if call is None:
            call = Call(int(m.group(1)), "other", "?", line=m.group(2))
        calls.append(call)
    if trace_path:
        events = read_events(trace_path)
        if len(events) == len(calls):
            for call, ev in zip(calls, events):
                kinds = [a.get("kind", "int") for a in ev.get("args", [])]
                if call.kind == "syscall" and len(kinds) == len(call.args):
                    call.kinds = kinds
        else:
            sys.stderr.write(
                "strace_diff: %d lines of golden show for %d events: a line was split\n"
                % (len(calls), len(events)))
    return calls


def read_events(trace_path):
    with open(trace_path, encoding="utf-8") as f:
        doc = json.load(f)
    return [r for r in doc["records"] if r.get("type") == "event"]


# --------------------------------------------------------------------------- normalizing

INODE_RE = re.compile(r"(?<=:\[)(\d+)(?=[\]\-,])|(?<=->)(\d+)(?=\])")
NUMBER_RE = re.compile(r"(?<![\w.])(\d+)(?![\w.])")


# SysV IPC ids come from a counter the whole machine shares: the nth id a run makes is
# renamed IPCn on both sides, in the arguments that take one.
IPC_ID_CALLS = {"msgget", "semget", "shmget"}
IPC_ID_USERS = {"msgsnd": 0, "msgrcv": 0, "msgctl": 0, "semop": 0, "semtimedop": 0,
                "semctl": 0, "shmat": 0, "shmctl": 0}


class Side:
    """Per-run renaming of values that differ between any two runs: pids, inodes, IPC ids."""

    def __init__(self):
        self.pids = {}  # tid -> canonical label
        self.inodes = {}
        self.ipc_ids = {}

    def ipc(self, call):
        """Renames an IPC id made or used by `call` in place."""
        if call.kind != "syscall":
            return
        if call.name in IPC_ID_CALLS and call.ret.isdigit():
            label = self.ipc_ids.setdefault(call.ret, "IPC%d" % (len(self.ipc_ids) + 1))
            call.ret = label
        elif call.name in IPC_ID_USERS:
            i = IPC_ID_USERS[call.name]
            if i < len(call.args) and call.args[i] in self.ipc_ids:
                call.args[i] = self.ipc_ids[call.args[i]]

    def norm(self, text):
        def inode(m):
            v = m.group(0)
            if v not in self.inodes:
                self.inodes[v] = "INO%d" % (len(self.inodes) + 1)
            return self.inodes[v]

        text = INODE_RE.sub(inode, text)
        if self.pids:
            text = NUMBER_RE.sub(lambda m: self.pids.get(int(m.group(1)), m.group(1)), text)
        return text


# --------------------------------------------------------------------------- expectations


class Expectation:
    def __init__(self, kind, program, syscall, field, pattern, reason, where):
        self.kind = kind  # deliberate | volatile
        self.program = program
        self.syscall = syscall
        self.field = field
        self.check = pattern[1:] if pattern and pattern.startswith("=") else None
        self.pattern = re.compile(pattern) if pattern and not self.check else None
        self.reason = reason
        self.where = where
        self.used = 0

    def matches(self, program, syscall, field, strace_text, golden_text):
        if self.program not in ("*", program):
            return False
        if self.syscall not in ("*", syscall):
            return False
        if self.field not in ("*", field) and not (self.field == "arg*" and field.startswith("arg")):
            return False
        if self.pattern and not (self.pattern.search(strace_text) or self.pattern.search(golden_text)):
            return False
        if self.check and not CHECKS[self.check](strace_text, golden_text):
            return False
        return True


FD_PATH_RE = re.compile(r"(?<=[0-9D]<)(/[^<>]*)(?=>)")


def same_after_realpath(strace_text, golden_text):
    """golden names an fd by the path it was opened with; strace -y by /proc's link,
    which has the symlinks resolved (/lib -> /usr/lib). Equal once resolved?"""
    def resolve(m):
        return os.path.realpath(m.group(1))
    return FD_PATH_RE.sub(resolve, golden_text) == strace_text and golden_text != strace_text


NLMSGHDR_RE = re.compile(r"\{nlmsg_len=(\d+), nlmsg_type=([^,]+), nlmsg_flags=([^,]+), nlmsg_seq=(\d+), "
                         r"nlmsg_pid=([^}]+)\}")


def same_netlink_headers(strace_text, golden_text):
    """golden decodes each netlink message's header (nlmsghdr) and shows the payload as
    bytes; strace also decodes payloads it knows. The headers must agree, field by
    field, except that strace cannot always tell an unbound socket's family: then it
    shows the type as a number (and GET flags bit by bit), and only the length,
    sequence and pid are compared."""
    s_hdrs = NLMSGHDR_RE.findall(strace_text)
    g_hdrs = NLMSGHDR_RE.findall(golden_text)
    if not s_hdrs or len(s_hdrs) != len(g_hdrs):
        return False
    for s, g in zip(s_hdrs, g_hdrs):
        family_unknown = "/* NLMSG_??? */" in s[1] and "NLMSG_???" not in g[1]
        fields = (0, 3, 4) if family_unknown else (0, 1, 2, 3, 4)
        if any(s[k] != g[k] for k in fields):
            return False
    return True


CHECKS = {"realpath": same_after_realpath, "netlink": same_netlink_headers}


def read_expectations(path):
    """Lines: KIND PROGRAM SYSCALL FIELD [/REGEX/ | =CHECK] -- REASON   (# comments).

    The optional /REGEX/ must match the strace or the golden rendering; =realpath accepts
    a difference that resolving golden's fd paths' symlinks removes."""
    out = []
    if not path:
        return out
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            head, sep, reason = line.partition(" -- ")
            if not sep or not reason.strip():
                raise SystemExit("%s:%d: missing ' -- reason'" % (path, lineno))
            pattern = None
            pm = re.search(r"\s/(.*)/\s*$", head)
            cm = re.search(r"\s(=[a-z]+)\s*$", head)
            if pm:
                pattern = pm.group(1)
                head = head[: pm.start()]
            elif cm:
                pattern = cm.group(1)
                if pattern[1:] not in CHECKS:
                    raise SystemExit("%s:%d: unknown check %s" % (path, lineno, pattern))
                head = head[: cm.start()]
            words = head.split()
            if len(words) != 4 or words[0] not in ("deliberate", "volatile"):
                raise SystemExit("%s:%d: want KIND PROGRAM SYSCALL FIELD [/REGEX/] -- REASON" % (path, lineno))
            out.append(Expectation(words[0], words[1], words[2], words[3], pattern, reason.strip(),
                                   "%s:%d" % (path, lineno)))
    return out


# --------------------------------------------------------------------------- comparing

RELEVANT_KINDS = {"path": "path", "fd": "fd", "flags": "flags", "mode": "mode", "uint": "size"}


def field_category(call, i):
    if call.kinds and i < len(call.kinds):
        return call.kinds[i]
    return "unknown"


class Result:
    def __init__(self, program):
        self.program = program
        self.calls = 0            # syscall pairs compared
        self.calls_equal = 0      # every argument and the return value equal
        self.calls_accepted = 0   # equal, or differing only in listed ways
        self.calls_volatile = 0   # equal, or differing only in values that change run to run
        self.other_lines = 0      # signal/exit/stop lines compared
        self.other_equal = 0
        self.unmatched_strace = 0
        self.unmatched_golden = 0
        self.fields = {}          # category -> [compared, equal, accepted]
        self.diffs = []           # (accepted-by or None, text)

    def field(self, category, equal, accepted):
        slot = self.fields.setdefault(category, [0, 0, 0])
        slot[0] += 1
        slot[1] += equal
        slot[2] += accepted

    def to_json(self):
        return {
            "program": self.program, "calls": self.calls, "calls_equal": self.calls_equal,
            "calls_accepted": self.calls_accepted, "calls_volatile": self.calls_volatile,
            "other_lines": self.other_lines,
            "other_equal": self.other_equal, "unmatched_strace": self.unmatched_strace,
            "unmatched_golden": self.unmatched_golden, "fields": self.fields,
            "unexplained": sum(1 for by, _ in self.diffs if by is None),
        }


def errno_part(ret):
    m = re.match(r"^(-1|\?) (E[A-Z0-9_]+)", ret)
    return m.group(2) if m else ""


def compare(strace_calls, golden_calls, expectations, program):
    res = Result(program)
    s_by_tid, g_by_tid = {}, {}
    for c in strace_calls:
        s_by_tid.setdefault(c.tid, []).append(c)
    for c in golden_calls:
        g_by_tid.setdefault(c.tid, []).append(c)
    s_side, g_side = Side(), Side()
    if not strace_calls or not golden_calls:
        res.diffs.append((None, "no output from %s" % ("strace" if not strace_calls else "golden")))
        return res
    queue = [(strace_calls[0].tid, golden_calls[0].tid)]
    pending_pairs = []
    paired = {}
    label = 0

    def pair(st, gt):
        nonlocal label
        if st in s_side.pids or gt in g_side.pids:
            return
        label += 1
        s_side.pids[st] = "PID%d" % label
        g_side.pids[gt] = "PID%d" % label
        paired[st] = gt
        queue.append((st, gt))

    pair(*queue.pop())
    while queue:
        st, gt = queue.pop(0)
        # Syscalls and out-of-band lines (signals, exits, stops) are lined up apart: when
        # a signal arrives between two calls depends on timing, its presence does not.
        for syscalls in (True, False):
            a = [c for c in s_by_tid.get(st, []) if (c.kind == "syscall") == syscalls]
            b = [c for c in g_by_tid.get(gt, []) if (c.kind == "syscall") == syscalls]
            sm = difflib.SequenceMatcher(None, [c.key() for c in a], [c.key() for c in b], autojunk=False)
            for op, i1, i2, j1, j2 in sm.get_opcodes():
                if op == "equal":
                    for sc, gc in zip(a[i1:i2], b[j1:j2]):
                        if sc.kind == "syscall" and sc.name in ("clone", "clone3", "fork", "vfork"):
                            if sc.ret.isdigit() and gc.ret.isdigit():
                                pair(int(sc.ret), int(gc.ret))
                        pending_pairs.append((sc, gc))
                    continue
                for sc in a[i1:i2]:
                    unmatched(res, expectations, program, sc, "strace")
                for gc in b[j1:j2]:
                    unmatched(res, expectations, program, gc, "golden")
    for tid, calls in s_by_tid.items():
        if tid not in paired:
            for sc in calls:
                unmatched(res, expectations, program, sc, "strace")
    golden_paired = set(paired.values())
    for tid, calls in g_by_tid.items():
        if tid not in golden_paired:
            for gc in calls:
                unmatched(res, expectations, program, gc, "golden")
    # Compare after all pairing, so every pid is renamed wherever it appears.
    for sc, gc in pending_pairs:
        s_side.ipc(sc)
        g_side.ipc(gc)
        compare_pair(res, expectations, program, sc, gc, s_side, g_side)
    return res


def unmatched(res, expectations, program, call, side):
    field = "only-in-" + side
    if call.kind == "syscall":
        if side == "strace":
            res.unmatched_strace += 1
        else:
            res.unmatched_golden += 1
    text = call.line
    by = accept(expectations, program, call.name, field, text if side == "strace" else "",
                text if side == "golden" else "")
    res.diffs.append((by, "[%s %d] %s only in %s: %s" % (program, call.tid, call.name, side, text)))


def accept(expectations, program, syscall, field, s_text, g_text):
    for e in expectations:
        if e.matches(program, syscall, field, s_text, g_text):
            e.used += 1
            return e
    return None


def compare_pair(res, expectations, program, sc, gc, s_side, g_side):
    if sc.kind != "syscall":
        res.other_lines += 1
        s_text, g_text = s_side.norm(sc.line), g_side.norm(gc.line)
        if s_text == g_text:
            res.other_equal += 1
            return
        by = accept(expectations, program, sc.name, "line", s_text, g_text)
        res.diffs.append((by, "[%s %d] %s line\n    strace: %s\n    golden: %s" %
                          (program, sc.tid, sc.kind, s_text, g_text)))
        return
    res.calls += 1
    all_equal = True
    all_accepted = True
    all_volatile = True
    n = max(len(sc.args), len(gc.args))
    for i in range(n):
        s_arg = s_side.norm(sc.args[i]) if i < len(sc.args) else "<absent>"
        g_arg = g_side.norm(gc.args[i]) if i < len(gc.args) else "<absent>"
        cat = field_category(gc, i) if i < len(gc.args) else "absent"
        equal = s_arg == g_arg
        by = None
        if not equal:
            by = accept(expectations, program, sc.name, "arg%d" % i, s_arg, g_arg)
            res.diffs.append((by, "[%s %d] %s arg%d (%s)\n    strace: %s\n    golden: %s" %
                              (program, sc.tid, sc.name, i, cat, s_arg, g_arg)))
        res.field(cat, equal, equal or by is not None)
        all_equal &= equal
        all_accepted &= equal or by is not None
        all_volatile &= equal or (by is not None and by.kind == "volatile")
    s_ret, g_ret = s_side.norm(sc.ret), g_side.norm(gc.ret)
    for category, s_val, g_val in (("return", s_ret, g_ret), ("errno", errno_part(s_ret), errno_part(g_ret))):
        if category == "errno" and not s_val and not g_val:
            continue
        equal = s_val == g_val
        by = None
        if not equal:
            by = accept(expectations, program, sc.name, "ret", s_ret, g_ret)
            if category == "return":
                res.diffs.append((by, "[%s %d] %s return\n    strace: %s\n    golden: %s" %
                                  (program, sc.tid, sc.name, s_ret, g_ret)))
        res.field(category, equal, equal or by is not None)
        all_equal &= equal
        all_accepted &= equal or by is not None
        all_volatile &= equal or (by is not None and by.kind == "volatile")
    res.calls_equal += all_equal
    res.calls_accepted += all_accepted
    res.calls_volatile += all_volatile


def report(res, out):
    unexplained = [t for by, t in res.diffs if by is None]
    accepted = [(by, t) for by, t in res.diffs if by is not None]
    out.write("%s: %d calls compared, %d identical (%.1f%%), %d identical or accepted; "
              "%d/%d other lines equal; unmatched calls: %d strace-only, %d golden-only\n" % (
                  res.program, res.calls, res.calls_equal, 100.0 * res.calls_equal / max(res.calls, 1),
                  res.calls_accepted, res.other_equal, res.other_lines, res.unmatched_strace,
                  res.unmatched_golden))
    for cat in sorted(res.fields):
        c, e, a = res.fields[cat]
        out.write("  %-10s %5d compared, %5d equal, %5d equal or accepted\n" % (cat, c, e, a))
    if accepted:
        out.write("accepted differences (%d):\n" % len(accepted))
        for by, t in accepted:
            out.write("  %s (%s %s: %s)\n" % (t.replace("\n", "\n  "), by.kind, by.where, by.reason))
    if unexplained:
        out.write("UNEXPLAINED differences (%d):\n" % len(unexplained))
        for t in unexplained:
            out.write("  %s\n" % t.replace("\n", "\n  "))


# --------------------------------------------------------------------------- running

TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


def run_program(args):
    if shutil.which(args.strace) is None or shutil.which("setarch") is None:
        print("strace_diff: %s or setarch not found: the reference is missing" % args.strace)
        return 77
    prog = os.path.abspath(args.program)
    name = args.name or os.path.basename(prog)
    work = os.path.abspath(os.path.join(args.work, name))
    out_dir = os.path.abspath(args.out or os.path.join(args.work, name + ".out"))
    os.makedirs(out_dir, exist_ok=True)
    # Same environment bytes in both runs (golden sets TRACEPARENT and the clock after
    # the caller's variables; strace passes ours through), so the stack, and with
    # randomization off every address, is the same.
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": work, "LANG": "C", "TZ": "UTC",
           "TRACEPARENT": TRACEPARENT, "GOLDEN_LAMPORT_CLOCK": "1"}
    golden_env = dict(env)
    del golden_env["GOLDEN_LAMPORT_CLOCK"]
    strace_txt = os.path.join(out_dir, "strace.txt")
    trace = os.path.join(out_dir, "trace.json")
    show_txt = os.path.join(out_dir, "show.txt")
    extra = args.args or []

    def fresh():
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)

    setarch = ["setarch", "x86_64", "-R"]
    fresh()
    s = subprocess.run(setarch + [args.strace, "-f", "-y", "-o", strace_txt, "--", prog] + extra,
                       cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=args.timeout)
    fresh()
    g = subprocess.run(setarch + [args.golden, "capture", "-o", trace, "--", prog] + extra,
                       cwd=work, env=golden_env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=args.timeout)
    if s.returncode != g.returncode:
        sys.stderr.write("%s: exit status %d under strace, %d under golden\n%s\n%s" % (
            name, s.returncode, g.returncode, s.stderr.decode(errors="replace"),
            g.stderr.decode(errors="replace")))
        return 1
    show = subprocess.run([args.golden, "show", "--pid", "always", "--no-duration", trace],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=args.timeout)
    if show.returncode != 0:
        sys.stderr.write("golden show failed: %s\n" % show.stderr.decode(errors="replace"))
        return 1
    with open(show_txt, "wb") as f:
        f.write(show.stdout)
    shutil.rmtree(work, ignore_errors=True)
    return compare_files(strace_txt, trace, show_txt, args.expect, name, out_dir)


def compare_files(strace_txt, trace, show_txt, expect, name, out_dir=None):
    with open(strace_txt, encoding="utf-8", errors="surrogateescape") as f:
        s_calls = parse_strace(f.read())
    with open(show_txt, encoding="utf-8", errors="surrogateescape") as f:
        g_calls = parse_golden(f.read(), trace)
    expectations = read_expectations(expect)
    res = compare(s_calls, g_calls, expectations, name)
    report(res, sys.stdout)
    if out_dir:
        with open(os.path.join(out_dir, "summary.json"), "w", encoding="utf-8") as f:
            json.dump(res.to_json(), f, indent=1, sort_keys=True)
    return 1 if any(by is None for by, _ in res.diffs) else 0


def summary(args):
    total = Result("all")
    programs = 0
    unexplained = 0
    for root, _, files in os.walk(args.dir):
        if "summary.json" not in files:
            continue
        with open(os.path.join(root, "summary.json"), encoding="utf-8") as f:
            r = json.load(f)
        programs += 1
        unexplained += r["unexplained"]
        for k in ("calls", "calls_equal", "calls_accepted", "calls_volatile", "other_lines", "other_equal",
                  "unmatched_strace", "unmatched_golden"):
            setattr(total, k, getattr(total, k) + r.get(k, 0))
        for cat, (c, e, a) in r["fields"].items():
            slot = total.fields.setdefault(cat, [0, 0, 0])
            slot[0] += c
            slot[1] += e
            slot[2] += a
    if programs == 0:
        # The program tests write them; none ran (strace missing: they were skipped).
        print("no summaries under %s" % args.dir)
        return 77
    rate = total.calls_equal / max(total.calls, 1)
    print("%d programs, %d calls compared: %d identical to strace (%.2f%%); %d identical but for values "
          "that change from run to run (%.2f%%); %d identical or a listed difference (%.2f%%); "
          "%d/%d signal/exit lines equal; unmatched: %d strace-only, %d golden-only" % (
              programs, total.calls, total.calls_equal, 100 * rate, total.calls_volatile,
              100.0 * total.calls_volatile / max(total.calls, 1), total.calls_accepted,
              100.0 * total.calls_accepted / max(total.calls, 1), total.other_equal, total.other_lines,
              total.unmatched_strace, total.unmatched_golden))
    relevant = [0, 0, 0]
    for cat in sorted(total.fields):
        c, e, a = total.fields[cat]
        print("  %-10s %6d compared, %6d equal (%.2f%%), %6d equal or listed" % (cat, c, e, 100.0 * e / max(c, 1), a))
        if cat in RELEVANT_KINDS or cat in ("return", "errno"):
            for k, v in enumerate((c, e, a)):
                relevant[k] += v
    print("equivalence-relevant fields (path, fd, flags, mode, size, return, errno): %d compared, "
          "%d equal (%.2f%%), %d equal or listed (%.2f%%)" % (
              relevant[0], relevant[1], 100.0 * relevant[1] / max(relevant[0], 1), relevant[2],
              100.0 * relevant[2] / max(relevant[0], 1)))
    ok = unexplained == 0 and rate >= args.min_rate and relevant[2] == relevant[0]
    if unexplained:
        print("%d unexplained differences" % unexplained)
    if rate < args.min_rate:
        print("agreement %.2f%% is below %.2f%%" % (100 * rate, 100 * args.min_rate))
    return 0 if ok else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--golden", required=True)
    r.add_argument("--strace", default="strace")
    r.add_argument("--program", required=True)
    r.add_argument("--name")
    r.add_argument("--work", required=True)
    r.add_argument("--out")
    r.add_argument("--expect")
    r.add_argument("--timeout", type=float, default=120)
    r.add_argument("args", nargs="*")
    c = sub.add_parser("compare")
    c.add_argument("strace_txt")
    c.add_argument("trace")
    c.add_argument("show_txt")
    c.add_argument("--expect")
    c.add_argument("--program", default="program")
    s = sub.add_parser("summary")
    s.add_argument("dir")
    s.add_argument("--min-rate", type=float, default=0.95)
    a = ap.parse_args()
    if a.cmd == "run":
        return run_program(a)
    if a.cmd == "compare":
        return compare_files(a.strace_txt, a.trace, a.show_txt, a.expect, a.program)
    return summary(a)


if __name__ == "__main__":
    sys.exit(main())

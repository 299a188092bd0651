#!/usr/bin/env python3
"""Generates core/decode/src/xlat_strace.cpp: constant tables in strace 6.1's order.

    gen_xlat.py STRACE_SRC > core/decode/src/xlat_strace.cpp

STRACE_SRC is a strace v6.1 source tree (its src/xlat/*.in list each table's names, in
the order strace prints them; some carry values). Names without a value are resolved
by compiling a C program against this machine's kernel headers (linux-libc-dev), so the
values are the x86-64 ABI's. Names the headers do not define are left out. The output
is committed: the build needs neither strace's tree nor this script.

Also generates the ioctl request names (src/linux/64/ioctls_inc.h and
src/linux/x86_64/ioctls_arch0.h), sorted by code then name, as strace looks them up.
"""

import os
import re
import subprocess
import sys
import tempfile

# (C++ table name, strace .in file, headers to resolve names without values)
TABLES = [
    ("kPrctlOptions", "prctl_options", ["linux/prctl.h"]),
    ("kPtraceCmds", "ptrace_cmds", ["linux/ptrace.h", "asm/ptrace.h"]),
    ("kPtraceOptions", "ptrace_setoptions_flags", ["linux/ptrace.h"]),
    ("kPtraceEvents", "ptrace_events", ["linux/ptrace.h"]),
    ("kSeccompOps", "seccomp_ops", ["linux/seccomp.h"]),
    ("kSeccompFilterFlags", "seccomp_filter_flags", ["linux/seccomp.h"]),
    ("kSeccompRetActions", "seccomp_ret_action", ["linux/seccomp.h"]),
    ("kBpfCommands", "bpf_commands", ["linux/bpf.h"]),
    ("kBpfMapTypes", "bpf_map_types", ["linux/bpf.h"]),
    ("kSchedulers", "schedulers", ["sched.h"]),
    ("kPriorities", "priorities", ["linux/resource.h"]),
    ("kResources", "resources", ["linux/resource.h"]),
    ("kUsageWho", "usagewho", ["linux/resource.h"]),
    ("kItimerWhich", "itimer_which", ["linux/time.h"]),
    ("kMadviseCmds", "madvise_cmds", ["asm/mman.h"]),
    ("kMlockallFlags", "mlockall_flags", ["asm/mman.h"]),
    ("kMlockFlags", "mlock_flags", ["asm/mman.h"]),
    ("kMsyncFlags", "mctl_sync", ["asm/mman.h"]),
    ("kMembarrierCmds", "membarrier_cmds", ["linux/membarrier.h"]),
    ("kPersonalityTypes", "personality_types", ["linux/personality.h"]),
    ("kPersonalityFlags", "personality_flags", ["linux/personality.h"]),
    ("kIpcPrivate", "ipc_private", ["linux/ipc.h"]),
    ("kResourceFlags", "resource_flags", ["linux/ipc.h"]),
    ("kIpcMsgFlags", "ipc_msg_flags", ["linux/msg.h"]),
    ("kMsgctlFlags", "msgctl_flags", ["linux/ipc.h", "linux/msg.h"]),
    ("kSemctlFlags", "semctl_flags", ["linux/ipc.h", "linux/sem.h"]),
    ("kShmctlFlags", "shmctl_flags", ["linux/ipc.h", "linux/shm.h"]),
    ("kShmFlags", "shm_flags", ["linux/shm.h"]),
    ("kShmResourceFlags", "shm_resource_flags", ["linux/shm.h"]),
    ("kSemopFlags", "semop_flags", ["linux/sem.h"]),
    ("kSigevValue", "sigev_value", ["asm/siginfo.h"]),
    ("kOpenModeFlags", "open_mode_flags", ["asm/fcntl.h"]),
    ("kEfdFlags", "efd_flags", ["asm/fcntl.h"]),
    ("kSfdFlags", "sfd_flags", ["linux/signalfd.h"]),
    ("kTfdFlags", "timerfdflags", ["asm/fcntl.h"]),
    ("kStatxMasks", "statx_masks", ["linux/stat.h"]),
    ("kStatxAttrs", "statx_attrs", ["linux/stat.h"]),
    ("kAtStatxSyncTypes", "at_statx_sync_types", ["linux/fcntl.h"]),
    ("kAtFlags", "at_flags", ["linux/fcntl.h"]),
    ("kAdvise", "advise", ["linux/fadvise.h"]),
    ("kSpliceFlags", "splice_flags", ["fcntl.h"]),
    ("kGetrandomFlags", "getrandom_flags", ["linux/random.h"]),
    ("kXattrFlags", "xattrflags", ["linux/xattr.h"]),
    ("kCapabilities", "cap", ["linux/capability.h"]),
    ("kCapVersion", "cap_version", ["linux/capability.h"]),
    ("kNlRouteTypes", "nl_route_types", ["linux/rtnetlink.h"]),
    ("kNlSockDiagTypes", "nl_sock_diag_types", []),
    ("kNlAuditTypes", "nl_audit_types", ["linux/audit.h"]),
    ("kNlSelinuxTypes", "nl_selinux_types", ["linux/selinux_netlink.h"]),
    ("kNlXfrmTypes", "nl_xfrm_types", ["linux/xfrm.h"]),
    ("kNlCryptoTypes", "nl_crypto_types", ["linux/cryptouser.h"]),
    ("kNetlinkFlags", "netlink_flags", ["linux/netlink.h"]),
    ("kNetlinkGetFlags", "netlink_get_flags", ["linux/netlink.h"]),
    ("kNetlinkNewFlags", "netlink_new_flags", ["linux/netlink.h"]),
    ("kNetlinkDeleteFlags", "netlink_delete_flags", ["linux/netlink.h"]),
    ("kNetlinkAckFlags", "netlink_ack_flags", ["linux/netlink.h"]),
    ("kNetlinkTypes", "netlink_types", ["linux/netlink.h"]),
    ("kClockNames", "clocknames", ["linux/time.h"]),
    ("kSigevNotify", "sigev_value", ["asm/siginfo.h"]),
    ("kSocketOptions", "sock_options", ["asm/socket.h"]),
    ("kSockIpOptions", "sock_ip_options", ["linux/in.h"]),
    ("kSockIpv6Options", "sock_ipv6_options", ["linux/in6.h"]),
    ("kSockTcpOptions", "sock_tcp_options", ["linux/tcp.h"]),
    ("kSocketLevels", "socketlayers", ["linux/socket.h", "linux/in.h"]),
    ("kMqAttrFlags", "mq_attr_flags", ["asm/fcntl.h"]),
    ("kPollFlags", "pollflags", ["asm/poll.h"]),
    ("kIoprioWho", "ioprio_who", ["linux/ioprio.h"]),
    ("kIoprioClass", "ioprio_class", ["linux/ioprio.h"]),
    ("kFsMagic", "fsmagic", ["linux/magic.h"]),
    ("kStatfsFlags", "statfs_flags", []),
    ("kSigaltstackFlags", "sigaltstack_flags", ["asm/signal.h"]),
    ("kWaitOptions", "wait4_options", ["linux/wait.h"]),
    ("kWaitidTypes", "waitid_types", ["linux/wait.h"]),
    ("kRenameFlags", "rename_flags", ["linux/fs.h"]),
    ("kMremapFlags", "mremap_flags", ["linux/mman.h"]),
    ("kPidfdOpenFlags", "pidfd_open_flags", ["linux/pidfd.h"]),
    ("kInotifyFlags", "inotify_flags", ["linux/inotify.h"]),
    ("kInotifyInitFlags", "inotify_init_flags", ["linux/inotify.h"]),
    ("kFsIocFlags", "fs_ioc_flags", ["linux/fs.h"]),
    ("kTermiosIflags", "term_iflags", ["asm/termbits.h"]),
    ("kTermiosOflags", "term_oflags", ["asm/termbits.h"]),
    ("kTermiosLflags", "term_lflags", ["asm/termbits.h"]),
    ("kTermiosCflags", "term_cflags", ["asm/termbits.h"]),
    ("kTermiosBaud", "baud_options", ["asm/termbits.h"]),
    ("kTermiosCsize", "term_cflags_csize", ["asm/termbits.h"]),
    ("kTcflshOptions", "tcflsh_options", ["asm/termbits.h"]),
    ("kKvmCaps", "kvm_cap", ["linux/kvm.h"]),
    ("kPerfTypes", "perf_type_id", ["linux/perf_event.h"]),
    ("kPerfSwIds", "perf_sw_ids", ["linux/perf_event.h"]),
    ("kPerfHwIds", "perf_hw_id", ["linux/perf_event.h"]),
    ("kPerfEventOpenFlags", "perf_event_open_flags", ["linux/perf_event.h"]),
    ("kPerfAttrSize", "perf_attr_size", ["linux/perf_event.h"]),
    ("kIffFlags", "iffflags", ["linux/if.h"]),
    ("kKeyctlCommands", "keyctl_commands", ["linux/keyctl.h"]),
    ("kKeySpec", "key_spec", ["linux/keyctl.h"]),
    ("kMountFlags", "mount_flags", ["linux/mount.h"]),
    ("kUmount2Flags", "umount_flags", ["linux/fs.h"]),
    ("kFlockCmds", "flockcmds", ["linux/fcntl.h", "asm-generic/fcntl.h"]),
    ("kSchedFlags", "sched_flags", ["linux/sched.h"]),
    ("kMemfdFlags", "memfd_create_flags", ["linux/memfd.h"]),
    ("kCloseRangeFlags", "close_range_flags", ["linux/close_range.h"]),
    ("kFanInitFlags", "fan_init_flags", ["linux/fanotify.h"]),
    ("kUffdFlags", "uffd_flags", ["linux/userfaultfd.h"]),
    ("kAccessModes", "access_modes", ["linux/fcntl.h"]),
    ("kFaccessatFlags", "faccessat_flags", ["linux/fcntl.h"]),
    ("kMmapProt", "mmap_prot", ["asm/mman.h"]),
    ("kMmapFlags", "mmap_flags", ["asm/mman.h", "linux/mman.h"]),
    ("kSigactFlags", "sigact_flags", ["asm/signal.h"]),
    ("kSockTypeFlags", "sock_type_flags", ["sys/socket.h"]),
    ("kMsgFlags", "msg_flags", ["linux/socket.h"]),
    ("kEpollEvents", "epollevents", ["linux/eventpoll.h"]),
    ("kEpollFlags", "epollflags", ["linux/eventpoll.h"]),
    ("kCloneFlags", "clone_flags", ["linux/sched.h"]),
    ("kSetnsTypes", "setns_types", ["linux/sched.h"]),
    ("kUnshareFlags", "unshare_flags", ["linux/sched.h"]),
    ("kLockFcntlTypes", "lockfcmds", ["linux/fcntl.h"]),
    ("kFdflags", "fdflags", ["linux/fcntl.h"]),
    ("kFcntlSeals", "f_seals", ["linux/fcntl.h"]),
    ("kNotifyFlags", "notifyflags", ["linux/fcntl.h"]),
    ("kWhence", "whence_codes", ["linux/fs.h"]),
    ("kFalloc", "falloc_flags", ["linux/falloc.h"]),
    ("kArchPrctl", "archvals", ["asm/prctl.h"]),
    ("kFutexOps", "futexops", ["linux/futex.h"]),
    ("kPollEvents", "pollflags", ["asm/poll.h"]),
    ("kPrSetMm", "pr_set_mm", ["linux/prctl.h"]),
    ("kPrDumpable", "pr_dumpable", ["linux/prctl.h"]),
    ("kPrMceKill", "pr_mce_kill", ["linux/prctl.h"]),
    ("kPrTsc", "pr_tsc", ["linux/prctl.h"]),
    ("kPrCapAmbient", "pr_cap_ambient", ["linux/prctl.h"]),
    ("kPrFpMode", "pr_fp_mode", ["linux/prctl.h"]),
    ("kPrUnalign", "pr_unalign_flags", ["linux/prctl.h"]),
    ("kPrSpecCtrl", "pr_spec_cmds", ["linux/prctl.h"]),
    ("kPrSpecGetStoreBypass", "pr_spec_get_store_bypass_flags", ["linux/prctl.h"]),
    ("kSecbits", "secbits", ["linux/securebits.h"]),
    ("kSeccompMode", "seccomp_mode", ["linux/seccomp.h"]),
    ("kNlmsgErrAttrs", "nlmsgerr_attrs", ["linux/netlink.h"]),
    ("kRtnlLinkAttrs", "rtnl_link_attrs", ["linux/if_link.h"]),
    ("kAddrfams", "addrfams", ["linux/socket.h"]),
]

HEADER = """// Generated by core/decode/maint/gen_xlat.py from strace 6.1's src/xlat/*.in (the names,
// in the order strace prints them) and this machine's kernel headers (the values): do
// not edit; re-run the script. Data only, so longer than the usual file.
#include "xlat_strace.hpp"

namespace golden::detail::xlat::gen {
namespace {

// clang-format off
"""


def read_in(src, name):
    path = os.path.join(src, "src", "xlat", name + ".in")
    with open(path, encoding="utf-8") as f:
        return f.read()


def c_body(text):
    """An .in file as C initializer lines, preprocessor lines kept."""
    out = []
    text = "\n".join(l for l in text.splitlines() if not l.startswith("/* Generated"))
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            word = line.split()[0]
            if word in ("#if", "#ifdef", "#ifndef", "#elif", "#else", "#endif"):
                out.append(line)
            continue  # strace directives: #unconditional, #sorted, #value_indexed...
        parts = line.split(None, 1)
        name = parts[0]
        if len(parts) == 2:
            out.append('{ (unsigned long long)(%s), "%s" },' % (parts[1].strip(), name))
        else:
            out.append('#ifdef %s\n{ (unsigned long long)(%s), "%s" },\n#endif' % (name, name, name))
    return "\n".join(out)


def evaluate(tables, src):
    prog = ["#define _GNU_SOURCE", "#include <stdio.h>", "#include <linux/types.h>"]
    for i, (cname, infile, headers) in enumerate(tables):
        prog.append("namespace_%d_begin" % i)
    # One program per table: headers of different tables conflict.
    results = {}
    for cname, infile, headers in tables:
        try:
            body = c_body(read_in(src, infile))
        except FileNotFoundError:
            sys.stderr.write("gen_xlat: %s.in missing\n" % infile)
            continue
        code = ["#define _GNU_SOURCE", "#include <stdio.h>", "#include <linux/types.h>"]
        code += ["#include <%s>" % h for h in headers]
        code.append("struct e { unsigned long long v; const char* n; };")
        code.append("static const struct e t[] = {\n%s\n{0, 0} };" % body)
        code.append('int main(void) { for (const struct e* p = t; p->n; ++p) printf("%llu %s\\n", p->v, p->n); return 0; }')
        with tempfile.TemporaryDirectory() as d:
            c = os.path.join(d, "t.c")
            exe = os.path.join(d, "t")
            with open(c, "w") as f:
                f.write("\n".join(code))
            r = subprocess.run(["cc", "-w", "-o", exe, c], capture_output=True, text=True)
            if r.returncode != 0:
                sys.stderr.write("gen_xlat: %s: %s\n" % (infile, r.stderr[:2000]))
                continue
            out = subprocess.run([exe], capture_output=True, text=True, check=True).stdout
        rows = []
        for line in out.splitlines():
            v, n = line.split(" ", 1)
            rows.append((int(v), n))
        results[cname] = (infile, rows)
    return results


def ioctls(src):
    rows = []
    pat = re.compile(r'\{ "[^"]*", "([^"]+)", ([^,]+), (0x[0-9a-fA-F]+|\d+), (0x[0-9a-fA-F]+|\d+) \}')
    dirs = {"0": 0, "_IOC_NONE": 0, "_IOC_READ": 2, "_IOC_WRITE": 1, "_IOC_READ|_IOC_WRITE": 3}
    for rel in ("src/linux/64/ioctls_inc.h", "src/linux/x86_64/ioctls_arch0.h"):
        with open(os.path.join(src, rel), encoding="utf-8") as f:
            for line in f:
                m = pat.search(line)
                if not m:
                    continue
                d = dirs[m.group(2).strip()]
                typenr = int(m.group(3), 0)
                size = int(m.group(4), 0)
                code = (d << 30) | (size << 16) | typenr
                rows.append((code, m.group(1)))
    rows = sorted(set(rows))
    return rows


def main():
    src = sys.argv[1]
    results = evaluate(TABLES, src)
    out = [HEADER]
    names = []
    for cname, infile, headers in TABLES:
        if cname not in results:
            continue
        infile, rows = results[cname]
        if not rows:
            sys.stderr.write("gen_xlat: %s.in: no names defined by the headers, left out\n" % infile)
            continue
        names.append(cname)
        out.append("// %s.in" % infile)
        out.append("constexpr Xlat %s[] = {" % cname)
        line = " "
        for v, n in rows:
            item = ' {%s, "%s"},' % (hex(v) if v else "0", n)
            if len(line) + len(item) > 100:
                out.append(line)
                line = " "
            line += item
        if line.strip():
            out.append(line)
        out.append("};")
    rows = ioctls(src)
    out.append("// ioctl requests: src/linux/64/ioctls_inc.h and src/linux/x86_64/ioctls_arch0.h,")
    out.append("// sorted by code, then name (several names may share a code: \"A or B\").")
    out.append("constexpr Xlat kIoctlRequests[] = {")
    line = " "
    for v, n in rows:
        item = ' {%s, "%s"},' % (hex(v), n)
        if len(line) + len(item) > 100:
            out.append(line)
            line = " "
        line += item
    if line.strip():
        out.append(line)
    out.append("};")
    names.append("kIoctlRequests")
    out.append("// clang-format on\n\n}  // namespace\n")
    for cname in names:
        var = re.sub(r"(?<!^)(?=[A-Z])", "_", cname[1:]).lower()
        out.append("const XlatTable %s{%s};" % (var, cname))
    out.append("\n}  // namespace golden::detail::xlat::gen")
    print("\n".join(out))
    hdr = ["// Declarations of the generated tables (xlat_strace.cpp, core/decode/maint/gen_xlat.py).",
           "#pragma once", "", '#include "xlat.hpp"', "", "namespace golden::detail::xlat::gen {", ""]
    for cname in names:
        var = re.sub(r"(?<!^)(?=[A-Z])", "_", cname[1:]).lower()
        hdr.append("extern const XlatTable %s;" % var)
    hdr += ["", "}  // namespace golden::detail::xlat::gen"]
    with open(os.environ.get("GEN_XLAT_HEADER", "/dev/null"), "w") as f:
        f.write("\n".join(hdr) + "\n")


if __name__ == "__main__":
    main()

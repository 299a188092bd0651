// The constant tables written by hand (data in xlat_tables.cpp); most tables are
// generated from strace's (xlat_strace.hpp). Values are the x86-64 Linux ABI; they are
// written out rather than taken from headers because glibc and kernel headers disagree
// on some (O_LARGEFILE is 0 in glibc) and lack newer ones.
#pragma once

#include "xlat.hpp"

namespace golden::detail::xlat {

extern const XlatTable open_access;     // O_RDONLY/O_WRONLY/O_RDWR
extern const XlatTable resolve_flags;   // RESOLVE_* (openat2)
extern const XlatTable file_types;      // S_IFREG...
extern const XlatTable unlinkat_flags;
extern const XlatTable accessat_flags;
extern const XlatTable access_mode;
extern const XlatTable mmap_prot;
extern const XlatTable mmap_type;
extern const XlatTable mmap_flags;
extern const XlatTable mremap_flags;
extern const XlatTable clone_flags;     // without the exit-signal byte
extern const XlatTable ns_flags;        // unshare/setns
extern const XlatTable sock_domains;
extern const XlatTable sock_types;
extern const XlatTable sock_type_flags;
extern const XlatTable inet_protocols;
extern const XlatTable netlink_protocols;
extern const XlatTable fcntl_cmds;
extern const XlatTable fd_flags;        // FD_CLOEXEC
extern const XlatTable seal_flags;      // F_SEAL_*
extern const XlatTable lock_types;      // F_RDLCK...
extern const XlatTable whence;
extern const XlatTable sig_how;
extern const XlatTable shutdown_how;
extern const XlatTable epoll_ops;
extern const XlatTable epoll_flags;
extern const XlatTable pipe_flags;
extern const XlatTable sock_flags;
extern const XlatTable memfd_flags;
extern const XlatTable rename_flags;
extern const XlatTable futex_cmds;
extern const XlatTable clock_ids;
extern const XlatTable timer_flags;
extern const XlatTable flock_ops;
extern const XlatTable id_types;
extern const XlatTable arch_prctl_codes;
extern const XlatTable scm_types;

}  // namespace golden::detail::xlat

// Ending golden the way its traced program ended (golden capture, like strace): killed
// by signal N, golden kills itself with N, so a shell prints "Segmentation fault" and a
// harness sees WIFSIGNALED exactly as untraced.
#pragma once

namespace golden::cli {

// With `killed_by` = N: flushes stdio, suppresses golden's own core dump, restores N's
// default action and raises it. Returns `status` when that does not end the process (no
// signal, or one whose default is to be ignored or to stop).
int end_like_program(int status, int killed_by);

}  // namespace golden::cli

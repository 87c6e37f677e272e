#pragma once
// Ctrl+C, SIGTERM and SIGHUP for the headless commands: from the first instruction of main, a
// signal stops the program at once, wherever it is, and leaves nothing behind: child encoders are
// killed, registered temporary files and folders are removed, one line is printed, and the
// process exits 128 + the signal (130 for SIGINT, 143 for SIGTERM). Everything the handler does is
// async-signal-safe (kill, unlink, getdents64, rmdir, write, _exit).
#include <sys/types.h>

namespace storyplot {

void install_interrupt_handlers();

// Registration slots for what the handler cleans up; each returns a slot (or -1 when full).
int register_temporary_file(const char* path);
int register_temporary_folder(const char* path);  // its files are removed, then the folder
int register_child_process(pid_t pid);
void unregister_temporary(int slot);
void unregister_child_process(int slot);

}  // namespace storyplot

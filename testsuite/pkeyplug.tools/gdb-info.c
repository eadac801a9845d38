/* GDB with pkeyplug's extension (tools/pkeyplug-gdb.py): `info pkeyplug'
   lists the keys (name, hardware key or emulated, policy, pages), the
   thread's rights on each (PKRU decoded in hw mode, the emulated level
   in emulate mode) and the grants open on its stack with what each
   grants (read, read-write); `print' shows a
   protected variable inside and outside the grant (GDB reads through the
   kernel, where neither PKRU nor the emulation's mprotect applies).
   The program runs itself again under gdb -batch.  */
/* { dg-do run } */
/* { dg-options "-g" } */

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pkeyplug.h>

static int secret[4] PKEY_PROTECT ("vault") = { 1, 2, 3, 4 };
static int table[2] PKEY_PROTECT ("box") = { 10, 20 };

int __attribute__ ((noinline))
stop_inside (int x)
{
  __asm__ volatile ("" ::: "memory");
  return x + 1;
}

void __attribute__ ((noinline))
stop_outside (void)
{
  __asm__ volatile ("" ::: "memory");
}

PKEY_GRANT ("vault") int __attribute__ ((noinline))
inner (void)
{
  return stop_inside (secret[2]);
}

PKEY_GRANT_READ ("box") int __attribute__ ((noinline))
reader (void)
{
  return inner () + table[1];
}

int
main (int argc, char **argv)
{
  if (argc == 1)
    {
      /* The extension, found from this file's path: the program runs in
	 the build directory, which __FILE__ is relative to.  */
      char file[] = __FILE__, script[4096];
      snprintf (script, sizeof script, "source %s/../../tools/pkeyplug-gdb.py",
		dirname (file));
      fflush (stdout);
      execlp ("gdb", "gdb", "-batch", "-nx", "-ex", script,
	      /* The runtime's start-up probes fault on purpose.  */
	      "-ex", "handle SIGSEGV nostop noprint pass",
	      "-ex", "break stop_inside", "-ex", "break stop_outside",
	      "-ex", "run", "-ex", "info pkeyplug", "-ex", "print secret",
	      "-ex", "continue", "-ex", "info pkeyplug", "-ex", "print secret",
	      "-ex", "kill", "--args", argv[0], "child", (char *) NULL);
      perror ("gdb");
      return 2;
    }
  int r = reader ();
  stop_outside ();
  printf ("inner %d\n", r);
  return 0;
}
/* { dg-output "Breakpoint 1, stop_inside \[^\n\]*\n(\[^\n\]*\n)*" } */
/* { dg-output "pkeyplug: mode (hw|emulate), 2 keys\n" } */
/* { dg-output "  key 'box': (hw key \[0-9\]+|emulated), noaccess, 0x\[0-9a-f\]+-0x\[0-9a-f\]+\n" } */
/* { dg-output "  key 'vault': (hw key \[0-9\]+|emulated), noaccess, 0x\[0-9a-f\]+-0x\[0-9a-f\]+\n" } */
/* { dg-output "rights of thread 1:\n" } */
/* { dg-output "(  PKRU 0x\[0-9a-f\]{8}\n  key 'box' \\(hw key \[0-9\]+\\): read \\(AD=0 WD=1\\)\n  key 'vault' \\(hw key \[0-9\]+\\): read-write \\(AD=0 WD=0\\)" } */
/* { dg-output "|  key 'box' \\(emulated\\): read held by this thread\n  key 'vault' \\(emulated\\): read-write held by this thread)\n" } */
/* { dg-output "grants on the stack of thread 1:\n" } */
/* { dg-output "  #1 inner: key 'vault' \\(read-write\\)\n" } */
/* { dg-output "  #2 reader: key 'box' \\(read\\)\n" } */
/* { dg-output "\[$\]1 = \\{1, 2, 3, 4\\}\n" } */
/* { dg-output "(\[^\n\]*\n)*Breakpoint 2, stop_outside \[^\n\]*\n(\[^\n\]*\n)*" } */
/* { dg-output "pkeyplug: mode (hw|emulate), 2 keys\n" } */
/* { dg-output "  key 'box': \[^\n\]*\n" } */
/* { dg-output "  key 'vault': \[^\n\]*\n" } */
/* { dg-output "rights of thread 1:\n" } */
/* { dg-output "(  PKRU 0x\[0-9a-f\]{8}\n  key 'box' \\(hw key \[0-9\]+\\): none \\(AD=1 WD=\[01\]\\)\n  key 'vault' \\(hw key \[0-9\]+\\): none \\(AD=1 WD=\[01\]\\)" } */
/* { dg-output "|  key 'box' \\(emulated\\): none held by this thread\n  key 'vault' \\(emulated\\): none held by this thread)\n" } */
/* { dg-output "grants on the stack of thread 1: none\n" } */
/* { dg-output "\[$\]2 = \\{1, 2, 3, 4\\}\n" } */

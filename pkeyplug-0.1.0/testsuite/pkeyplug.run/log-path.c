/* PKEYPLUG_OPTIONS=log_path=PREFIX also writes the report to PREFIX.PID:
   a child with that option faults, and the parent finds the report in
   the file.  */
/* { dg-do run } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

int
main (int argc, char **argv)
{
  if (argc > 1)
    return ((volatile int *) &secret)[0];

  const char *tmp = getenv ("TMPDIR") ? getenv ("TMPDIR") : "/tmp";
  char prefix[256], option[300], file[300], text[4096];
  snprintf (prefix, sizeof prefix, "%s/pkeyplug-log-test-%d", tmp,
	    (int) getpid ());
  snprintf (option, sizeof option, "log_path=%s", prefix);
  pid_t pid = fork ();
  if (pid == 0)
    {
      setenv ("PKEYPLUG_OPTIONS", option, 1);
      freopen ("/dev/null", "w", stderr);
      execl ("/proc/self/exe", argv[0], "child", (char *) NULL);
      _exit (99);
    }
  int status;
  waitpid (pid, &status, 0);
  snprintf (file, sizeof file, "%s.%d", prefix, (int) pid);
  FILE *f = fopen (file, "r");
  size_t n = f ? fread (text, 1, sizeof text - 1, f) : 0;
  text[n] = '\0';
  if (f)
    fclose (f);
  unlink (file);
  printf ("child aborted %d, log has the report %d\n",
	  WIFSIGNALED (status) && WTERMSIG (status) == SIGABRT,
	  strstr (text, "protection violation: read of 'secret'") != NULL);
  return 0;
}
/* { dg-output "child aborted 1, log has the report 1" } */

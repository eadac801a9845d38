/* core.h -- for the core file tests: crash a child in a fresh directory,
   let the kernel write its core file there, and say which of three
   64-byte patterns the core holds: a protected static array's, a heap
   secret's (pkeyplug_malloc) and an ordinary global's (the control: it
   must be there, or no real core was read).

   The patterns are computed byte by byte straight into their places, so
   the child holds no other copy of them; the parent computes them again
   to look for them.  The core file goes where core_pattern says; a
   pattern with no '/' and no '|' (the kernel's default, "core") puts it
   in the crashing process's directory, which tools.exp's
   dg-require-core-file checks for.  TMPDIR (a tmpfs in the PKU virtual
   machine, whose root is read-only) holds the directory.

   The test file defines the objects and calls core_test with a function
   that fills them (the secrets inside a grant) and crashes.  */

#ifndef CORE_H
#define CORE_H

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <pkeyplug.h>

#define PATTERN_LEN 64

/* Byte I of pattern SEED: no run of it is likely anywhere else.  */
static inline unsigned char
pattern_byte (unsigned int seed, unsigned int i)
{
  return (unsigned char) ((i * 167u + seed * 29u) ^ (i >> 2) ^ 0xa5u);
}

static inline void
pattern_fill (volatile unsigned char *to, unsigned int seed)
{
  for (unsigned int i = 0; i < PATTERN_LEN; i++)
    to[i] = pattern_byte (seed, i);
}

/* 1 if the LEN bytes at BUF hold pattern SEED, else 0.  */
static int
pattern_in (const unsigned char *buf, size_t len, unsigned int seed)
{
  unsigned char want[PATTERN_LEN];

  for (unsigned int i = 0; i < PATTERN_LEN; i++)
    want[i] = pattern_byte (seed, i);
  for (size_t at = 0; at + PATTERN_LEN <= len; at++)
    if (buf[at] == want[0] && memcmp (buf + at, want, PATTERN_LEN) == 0)
      return 1;
  return 0;
}

/* Read the one file in DIR (the core) into *LEN bytes; NULL if none.  */
static unsigned char *
read_core (const char *dir, size_t *len)
{
  DIR *d = opendir (dir);
  struct dirent *e;
  char path[4096] = "";
  unsigned char *buf;
  struct stat st;
  FILE *f;

  if (d == NULL)
    return NULL;
  while ((e = readdir (d)) != NULL)
    if (e->d_name[0] != '.')
      snprintf (path, sizeof path, "%s/%s", dir, e->d_name);
  closedir (d);
  if (path[0] == 0 || stat (path, &st) != 0 || (f = fopen (path, "rb")) == NULL)
    return NULL;
  buf = malloc (st.st_size + 1);
  *len = buf ? fread (buf, 1, st.st_size, f) : 0;
  fclose (f);
  unlink (path);
  return buf;
}

/* Fork; the child runs CRASH (which must not return) in a fresh
   directory with core dumps allowed; the parent prints the mode, how the
   child ended and which patterns (STATIC_SEED, HEAP_SEED, PLAIN_SEED) its core
   file holds.  Return 0.  */
static int
core_test (void (*crash) (void), unsigned int static_seed,
	   unsigned int heap_seed, unsigned int plain_seed)
{
  const char *tmp = getenv ("TMPDIR");
  char dir[4096];
  unsigned char *core;
  size_t len = 0;
  int status;
  pid_t pid;

  snprintf (dir, sizeof dir, "%s/pkeyplug-core.XXXXXX",
	    tmp && *tmp ? tmp : "/tmp");
  if (mkdtemp (dir) == NULL)
    {
      perror ("mkdtemp");
      return 1;
    }
  printf ("mode %s\n", pkeyplug_mode_name (pkeyplug_mode ()));
  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      struct rlimit unlimited = { RLIM_INFINITY, RLIM_INFINITY };

      if (chdir (dir) != 0 || setrlimit (RLIMIT_CORE, &unlimited) != 0)
	_exit (3);
      prctl (PR_SET_DUMPABLE, 1, 0, 0, 0);
      crash ();
      _exit (4);
    }
  if (pid < 0 || waitpid (pid, &status, 0) != pid)
    return 1;
  printf ("child: signal %d, core dumped %d\n",
	  WIFSIGNALED (status) ? WTERMSIG (status) : 0,
	  WIFSIGNALED (status) && WCOREDUMP (status));
  core = read_core (dir, &len);
  rmdir (dir);
  if (core == NULL)
    {
      printf ("no core file in %s\n", dir);
      return 0;
    }
  printf ("core: static secret %d, heap secret %d, ordinary global %d\n",
	  pattern_in (core, len, static_seed),
	  pattern_in (core, len, heap_seed),
	  pattern_in (core, len, plain_seed));
  free (core);
  return 0;
}

#endif /* CORE_H */

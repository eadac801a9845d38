/* harden=1 traps every open, and the helper that makes it must not change
   what an ordinary open does: reading, writing, O_CREAT of a new and of an
   existing file, O_EXCL, O_TMPFILE, creat, directories, a relative
   dirfd, O_PATH, O_NOFOLLOW, O_CREAT through a dangling symlink, openat2
   with RESOLVE_NO_SYMLINKS, O_CLOEXEC or not, the lowest free number,
   errors, our own /proc files (maps, status, a thread's
   /proc/thread-self), a FIFO that waits for its writer, stdio, a thread
   that blocks every signal (the runtime keeps SIGSYS out of the mask),
   and a child of fork.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "reach.h"

#ifndef SYS_openat2
# define SYS_openat2 437
#endif

static char dir[256];

static void
file_in_dir (char *buf, size_t n, const char *name)
{
  snprintf (buf, n, "%s/%s", dir, name);
}

/* Read the whole of PATH (at most N - 1 bytes) into BUF; its length.  */
static ssize_t
slurp (const char *path, char *buf, size_t n)
{
  int fd = open (path, O_RDONLY);
  ssize_t len = 0, r;

  if (fd < 0)
    return -1;
  while (len < (ssize_t) n - 1 && (r = read (fd, buf + len, n - 1 - len)) > 0)
    len += r;
  buf[len] = '\0';
  close (fd);
  return len;
}

static void *
named_thread (void *arg)
{
  char buf[64];

  (void) arg;
  pthread_setname_np (pthread_self (), "worker");
  slurp ("/proc/thread-self/comm", buf, sizeof buf);
  printf ("thread-self comm: %s", buf);
  return NULL;
}

static void *
masked_thread (void *arg)
{
  sigset_t all;
  int fd;

  (void) arg;
  sigfillset (&all);
  pthread_sigmask (SIG_BLOCK, &all, NULL);
  fd = open ("/dev/null", O_RDONLY);
  say ("open with every signal blocked", fd);
  close (fd);
  return NULL;
}

static void *
fifo_writer (void *path)
{
  int fd;

  usleep (100000);
  fd = open (path, O_WRONLY);
  if (write (fd, "fifo!", 5) != 5)
    printf ("fifo write failed\n");
  close (fd);
  return NULL;
}

int
main (void)
{
  const char *tmp = getenv ("TMPDIR") ? getenv ("TMPDIR") : "/tmp";
  char path[300], other[300], buf[4096];
  struct open_how how = { O_RDONLY, 0, RESOLVE_NO_SYMLINKS };
  struct stat st;
  pthread_t t;
  FILE *f;
  DIR *d;
  struct dirent *e;
  int fd, dfd, lowest, found, status;
  pid_t child;

  snprintf (dir, sizeof dir, "%s/harden-opens-%d", tmp, (int) getpid ());
  say ("mkdir", mkdir (dir, 0700));

  f = fopen ("/etc/passwd", "r");
  printf ("fopen /etc/passwd: %s\n",
	  f != NULL && fgets (buf, sizeof buf, f) != NULL ? "read" : "failed");
  if (f != NULL)
    fclose (f);

  file_in_dir (path, sizeof path, "a");
  fd = open (path, O_WRONLY | O_CREAT | O_EXCL, 0640);
  say ("create new", fd);
  say ("write", write (fd, "hello", 5) == 5 ? 0 : -1);
  close (fd);
  fd = open (path, O_RDWR | O_CREAT, 0600);
  say ("O_CREAT existing", fd);
  say ("read back", read (fd, buf, 5) == 5 && memcmp (buf, "hello", 5) == 0
       ? 0 : -1);
  close (fd);
  say ("O_CREAT|O_EXCL existing", open (path, O_RDWR | O_CREAT | O_EXCL,
					 0600));
  stat (path, &st);
  printf ("mode %o\n", (unsigned int) (st.st_mode & 0777 & ~0022));
  fd = creat (path, 0600);
  say ("creat truncates", fd);
  fstat (fd, &st);
  printf ("size %ld\n", (long) st.st_size);
  close (fd);
  fd = open (dir, O_RDWR | O_TMPFILE, 0600);
  say ("O_TMPFILE", fd);
  close (fd);
  say ("missing", open ("/nonexistent/file", O_RDONLY));

  dfd = open (dir, O_RDONLY | O_DIRECTORY);
  say ("directory", dfd);
  fd = openat (dfd, "a", O_RDONLY);
  say ("openat relative", fd);
  close (fd);
  d = opendir (dir);
  found = 0;
  while (d != NULL && (e = readdir (d)) != NULL)
    found |= strcmp (e->d_name, "a") == 0;
  printf ("readdir finds a: %d\n", found);
  if (d != NULL)
    closedir (d);
  fd = openat (dfd, "a", O_PATH);
  say ("O_PATH", fd);
  say ("fstat O_PATH", fstat (fd, &st));
  close (fd);

  file_in_dir (other, sizeof other, "link");
  symlink ("a", other);
  say ("O_NOFOLLOW on a symlink", open (other, O_RDONLY | O_NOFOLLOW) < 0
       && errno == ELOOP ? 0 : -1);
  say ("openat2 RESOLVE_NO_SYMLINKS", syscall (SYS_openat2, AT_FDCWD, other,
					       &how, sizeof how));
  unlink (other);
  symlink ("target", other);
  fd = open (other, O_WRONLY | O_CREAT, 0600);
  say ("O_CREAT through a dangling symlink", fd);
  close (fd);
  file_in_dir (path, sizeof path, "target");
  say ("the target exists", access (path, F_OK));
  unlink (path);
  unlink (other);

  lowest = dup (0);
  close (lowest);
  fd = open ("/dev/null", O_RDONLY | O_CLOEXEC);
  printf ("lowest free number: %d\n", fd == lowest);
  printf ("close-on-exec: %d\n", fcntl (fd, F_GETFD) == FD_CLOEXEC);
  close (fd);
  fd = open ("/dev/null", O_RDONLY);
  printf ("not close-on-exec: %d\n", fcntl (fd, F_GETFD) == 0);
  close (fd);

  slurp ("/proc/self/maps", buf, sizeof buf);
  printf ("maps names the program: %d\n", strstr (buf, "harden-opens") != NULL);
  slurp ("/proc/self/status", buf, sizeof buf);
  snprintf (path, sizeof path, "\nPid:\t%d\n", (int) getpid ());
  printf ("status is ours: %d\n", strstr (buf, path) != NULL);
  pthread_create (&t, NULL, named_thread, NULL);
  pthread_join (t, NULL);
  pthread_create (&t, NULL, masked_thread, NULL);
  pthread_join (t, NULL);

  file_in_dir (path, sizeof path, "fifo");
  say ("mkfifo", mkfifo (path, 0600));
  pthread_create (&t, NULL, fifo_writer, path);
  fd = open (path, O_RDONLY);
  say ("FIFO", fd);
  printf ("FIFO gives: %.*s\n", (int) read (fd, buf, 5), buf);
  close (fd);
  pthread_join (t, NULL);
  unlink (path);

  fflush (stdout);
  child = fork ();
  if (child == 0)
    {
      file_in_dir (path, sizeof path, "a");
      fd = open (path, O_RDONLY);
      say ("child opens", fd);
      fflush (stdout);
      _exit (0);
    }
  waitpid (child, &status, 0);

  file_in_dir (path, sizeof path, "a");
  unlink (path);
  close (dfd);
  say ("rmdir", rmdir (dir));
  return verdict ();
}
/* { dg-output "mkdir: ok\n" } */
/* { dg-output "fopen /etc/passwd: read\n" } */
/* { dg-output "create new: ok\n" } */
/* { dg-output "write: ok\n" } */
/* { dg-output "O_CREAT existing: ok\n" } */
/* { dg-output "read back: ok\n" } */
/* { dg-output "O_CREAT\\|O_EXCL existing: other \\(File exists\\)\n" } */
/* { dg-output "mode 640\n" } */
/* { dg-output "creat truncates: ok\n" } */
/* { dg-output "size 0\n" } */
/* { dg-output "O_TMPFILE: ok\n" } */
/* { dg-output "missing: other \\(No such file or directory\\)\n" } */
/* { dg-output "directory: ok\n" } */
/* { dg-output "openat relative: ok\n" } */
/* { dg-output "readdir finds a: 1\n" } */
/* { dg-output "O_PATH: ok\n" } */
/* { dg-output "fstat O_PATH: ok\n" } */
/* { dg-output "O_NOFOLLOW on a symlink: ok\n" } */
/* { dg-output "openat2 RESOLVE_NO_SYMLINKS: other \\(Too many levels of symbolic links\\)\n" } */
/* { dg-output "O_CREAT through a dangling symlink: ok\n" } */
/* { dg-output "the target exists: ok\n" } */
/* { dg-output "lowest free number: 1\n" } */
/* { dg-output "close-on-exec: 1\n" } */
/* { dg-output "not close-on-exec: 1\n" } */
/* { dg-output "maps names the program: 1\n" } */
/* { dg-output "status is ours: 1\n" } */
/* { dg-output "thread-self comm: worker\n" } */
/* { dg-output "open with every signal blocked: ok\n" } */
/* { dg-output "mkfifo: ok\n" } */
/* { dg-output "FIFO: ok\n" } */
/* { dg-output "FIFO gives: fifo!\n" } */
/* { dg-output "child opens: ok\n" } */
/* { dg-output "rmdir: ok\n" } */
/* { dg-output "locked 1, intact 1\n" } */

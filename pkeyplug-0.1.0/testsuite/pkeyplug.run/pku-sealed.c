#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 7;
const int table[4] PKEY_PROTECT_READONLY ("book") = { 1, 2, 3, 4 };
int other PKEY_PROTECT ("other") = 9;

PKEY_GRANT ("vault") __attribute__ ((noinline)) void put (int v) { secret = v; }
PKEY_GRANT_READ ("vault") __attribute__ ((noinline)) int get (void) { return secret; }
PKEY_GRANT ("vault") __attribute__ ((noinline)) int nested (int d)
{ return d == 0 ? get () : secret + nested (d - 1); }
PKEY_GRANT_READ ("vault") __attribute__ ((noinline)) int secret_seen (void) { return secret; }
PKEY_GRANT_READ ("vault") __attribute__ ((noinline)) int ro_then_rw (void)
{ put (secret + 1); return get (); }

/* A signal handler starts with AD alone for every key: its gates must
   not take that for more open than the interrupted read grant.  */
static volatile int handler_saw;
static void on_usr1 (int sig) { (void) sig; put (secret_seen () + 1); handler_saw = get (); }
PKEY_GRANT_READ ("vault") __attribute__ ((noinline)) int read_then_signal (void)
{ raise (SIGUSR1); return secret + handler_saw; }

static jmp_buf env;
PKEY_GRANT ("vault") __attribute__ ((noinline)) void jump_out (void)
{ secret++; longjmp (env, 1); }

static void *thread_fn (void *p) { (void) p; put (100); return (void *) (long) get (); }

static int pkru_bits (const char *key)
{
  unsigned eax, edx;
  __asm__ __volatile__ (".byte 0x0f,0x01,0xee" : "=a" (eax), "=d" (edx) : "c" (0));
  return (eax >> (2 * pkeyplug_key_of (key))) & 3;
}

int main (void)
{
  pthread_t t;
  void *r;
  put (41);
  printf ("get %d\n", get ());
  printf ("nested %d\n", nested (3));
  printf ("ro_then_rw %d\n", ro_then_rw ());
  printf ("table %d\n", table[2]);
  printf ("bits vault %d book %d other %d\n", pkru_bits ("vault"), pkru_bits ("book"), pkru_bits ("other"));
  if (setjmp (env) == 0)
    jump_out ();
  printf ("after longjmp bits vault %d\n", pkru_bits ("vault"));
  printf ("get %d\n", get ());
  pthread_create (&t, NULL, thread_fn, NULL);
  pthread_join (t, &r);
  printf ("thread %ld\n", (long) r);
  signal (SIGUSR1, on_usr1);
  printf ("signal in a read grant: %d\n", read_then_signal ());
  printf ("after it bits vault %d\n", pkru_bits ("vault"));
  fflush (stdout);
  pid_t pid = fork ();
  if (pid == 0)
    {
      int x = secret; /* { dg-warning "reads .secret. without holding its key" } */
      printf ("child read %d\n", x);
      _exit (0);
    }
  int st;
  waitpid (pid, &st, 0);
  printf ("locked read: %s\n", WIFSIGNALED (st) ? strsignal (WTERMSIG (st)) : "no fault");
  return 0;
}
/* { dg-output "^get 41\n" } */
/* { dg-output "nested 164\n" } */
/* { dg-output "ro_then_rw 42\n" } */
/* { dg-output "table 3\n" } */
/* { dg-output "bits vault 3 book 2 other 3\n" } */
/* { dg-output "after longjmp bits vault 3\n" } */
/* { dg-output "get 43\n" } */
/* { dg-output "thread 100\n" } */
/* { dg-output "signal in a read grant: 202\n" } */
/* { dg-output "after it bits vault 3\n" } */
/* { dg-output ".*protection violation: read of 'secret'.*" } */
/* { dg-output "locked read: Aborted\n$" } */

/* Threads allocate, fill, check, reallocate and free blocks of one key at
   the same time, each inside its own grants; nothing is lost or mixed up.
   (Whether the blocks are locked is not checked here: in emulate mode
   another thread's grant opens them for all.)  */
/* { dg-do run } */

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pkeyplug.h>

#define THREADS 4
#define ROUNDS 300
#define LIVE 16

PKEY_GRANT ("vault") static void
fill (unsigned char *p, size_t n, unsigned char v)
{
  memset (p, v, n);
}

PKEY_GRANT ("vault") static int
holds (const unsigned char *p, size_t n, unsigned char v)
{
  for (size_t i = 0; i < n; i++)
    if (p[i] != v)
      return 0;
  return 1;
}

static void *
worker (void *arg)
{
  unsigned int seed = (unsigned int) (long) arg;
  unsigned char *blocks[LIVE] = { 0 };
  size_t sizes[LIVE] = { 0 };
  long bad = 0;

  for (int r = 0; r < ROUNDS; r++)
    {
      int i = (int) (rand_r (&seed) % LIVE);
      unsigned char v = (unsigned char) (i + 1 + 16 * (long) arg);
      if (blocks[i])
	{
	  bad += !holds (blocks[i], sizes[i], v);
	  if (r % 3 == 0)
	    {
	      size_t n = rand_r (&seed) % 6000;
	      unsigned char *q = pkeyplug_realloc (blocks[i], n);
	      bad += q == NULL
		     || !holds (q, n < sizes[i] ? n : sizes[i], v);
	      blocks[i] = q;
	      sizes[i] = n;
	      fill (q, n, v);
	      continue;
	    }
	  pkeyplug_free (blocks[i]);
	  blocks[i] = NULL;
	}
      else
	{
	  sizes[i] = rand_r (&seed) % (r % 2 ? 200 : 5000);
	  blocks[i] = pkeyplug_malloc ("vault", sizes[i]);
	  bad += blocks[i] == NULL || !holds (blocks[i], sizes[i], 0);
	  fill (blocks[i], sizes[i], v);
	}
    }
  for (int i = 0; i < LIVE; i++)
    pkeyplug_free (blocks[i]);
  return (void *) bad;
}

int
main (void)
{
  pthread_t t[THREADS];
  long bad = 0;

  for (long i = 0; i < THREADS; i++)
    if (pthread_create (&t[i], NULL, worker, (void *) (i + 1)) != 0)
      return 2;
  for (int i = 0; i < THREADS; i++)
    {
      void *r;
      pthread_join (t[i], &r);
      bad += (long) r;
    }
  printf ("bad: %ld\n", bad);
  return bad != 0;
}
/* { dg-output "bad: 0" } */

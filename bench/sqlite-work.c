/* sqlite-work.c -- a small SQLite workload, for what grant-all costs at
   run time (bench/compile-time.sh links it with each build of the
   amalgamation).

   In one in-memory database: ROWS inserts through a prepared statement
   in one transaction, an index, then QUERIES range queries and one
   aggregate over a LIKE.  Prints the milliseconds it took and a checksum
   of the results, which must be the same for every build.

   Usage: sqlite-work [ROWS [QUERIES]]  */

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sqlite3.h"

static void
check (int rc, sqlite3 *db, const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fprintf (stderr, "sqlite-work: %s: %s\n", what, sqlite3_errmsg (db));
      exit (1);
    }
}

static double
now_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int
main (int argc, char **argv)
{
  int rows = argc > 1 ? atoi (argv[1]) : 20000;
  int queries = argc > 2 ? atoi (argv[2]) : 2000;
  sqlite3 *db;
  sqlite3_stmt *ins, *sel;
  long long sum = 0;
  char text[32];
  double t0 = now_ms ();

  check (sqlite3_open (":memory:", &db), db, "open");
  check (sqlite3_exec (db, "CREATE TABLE t (a INTEGER PRIMARY KEY, "
		       "b TEXT, c INTEGER)", NULL, NULL, NULL), db, "create");
  check (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), db, "begin");
  check (sqlite3_prepare_v2 (db, "INSERT INTO t (b, c) VALUES (?, ?)", -1,
			     &ins, NULL), db, "prepare insert");
  for (int i = 0; i < rows; i++)
    {
      snprintf (text, sizeof text, "row %d", (i * 7919) % 100003);
      check (sqlite3_bind_text (ins, 1, text, -1, SQLITE_TRANSIENT), db,
	     "bind");
      check (sqlite3_bind_int (ins, 2, (i * 31) % 1000), db, "bind");
      check (sqlite3_step (ins), db, "insert");
      check (sqlite3_reset (ins), db, "reset");
    }
  check (sqlite3_finalize (ins), db, "finalize");
  check (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), db, "commit");
  check (sqlite3_exec (db, "CREATE INDEX tc ON t (c)", NULL, NULL, NULL),
	 db, "index");
  check (sqlite3_prepare_v2 (db, "SELECT count (*), sum (a) FROM t "
			     "WHERE c BETWEEN ? AND ?", -1, &sel, NULL),
	 db, "prepare select");
  for (int q = 0; q < queries; q++)
    {
      check (sqlite3_bind_int (sel, 1, q % 900), db, "bind");
      check (sqlite3_bind_int (sel, 2, q % 900 + 50), db, "bind");
      check (sqlite3_step (sel), db, "select");
      sum += sqlite3_column_int64 (sel, 0) + sqlite3_column_int64 (sel, 1);
      check (sqlite3_reset (sel), db, "reset");
    }
  check (sqlite3_finalize (sel), db, "finalize");
  check (sqlite3_prepare_v2 (db, "SELECT count (*) FROM t WHERE b LIKE "
			     "'%77%'", -1, &sel, NULL), db, "prepare like");
  check (sqlite3_step (sel), db, "like");
  sum += sqlite3_column_int64 (sel, 0);
  check (sqlite3_finalize (sel), db, "finalize");
  sqlite3_close (db);
  printf ("%.1f ms, checksum %lld\n", now_ms () - t0, sum);
  return 0;
}

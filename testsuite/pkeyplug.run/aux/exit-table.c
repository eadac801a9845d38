/* For exit-table.c, link-static-exit-table.c and
   link-static-quick-exit-table.c: a unit without keys, compiled with the
   plugin, whose static table holds exit and quick_exit.  */
#include <stdlib.h>

void (*const exit_table[]) (int) = { exit, quick_exit };

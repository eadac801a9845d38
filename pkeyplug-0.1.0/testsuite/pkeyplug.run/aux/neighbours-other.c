/* Second unit of neighbours.c: plain globals around a protected one.  */
#include <pkeyplug.h>
int other_data = 7;
char other_secret[100] PKEY_PROTECT ("vault") = "other";
int other_bss;
int other_more = 3;

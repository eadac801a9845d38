/* Twenty key names in one unit compile (the runtime decides what fits).  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int v0 __attribute__ ((pkey ("key0")));
int v1 __attribute__ ((pkey ("key1")));
int v2 __attribute__ ((pkey ("key2")));
int v3 __attribute__ ((pkey ("key3")));
int v4 __attribute__ ((pkey ("key4")));
int v5 __attribute__ ((pkey ("key5")));
int v6 __attribute__ ((pkey ("key6")));
int v7 __attribute__ ((pkey ("key7")));
int v8 __attribute__ ((pkey ("key8")));
int v9 __attribute__ ((pkey ("key9")));
int v10 __attribute__ ((pkey ("key10")));
int v11 __attribute__ ((pkey ("key11")));
int v12 __attribute__ ((pkey ("key12")));
int v13 __attribute__ ((pkey ("key13")));
int v14 __attribute__ ((pkey ("key14")));
int v15 __attribute__ ((pkey ("key15")));
int v16 __attribute__ ((pkey ("key16")));
int v17 __attribute__ ((pkey ("key17")));
int v18 __attribute__ ((pkey ("key18")));
int v19 __attribute__ ((pkey ("key19")));
/* { dg-bogus "error|warning" "" { target *-*-* } 0 } */

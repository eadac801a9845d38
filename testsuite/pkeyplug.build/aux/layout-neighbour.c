/* Ordinary data, linked after layout-merged.c: in .data, right after the
   secret once its section is merged there.  */

int neighbour = 7;

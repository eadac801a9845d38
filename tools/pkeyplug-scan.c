/* pkeyplug-scan.c -- find stray WRPKRU/XRSTOR byte sequences in ELF files.

   Protection keys stop only code that cannot set PKRU.  Code that can
   redirect control flow may jump to any byte sequence that decodes as
   WRPKRU (0F 01 EF), XRSTOR (0F AE /5, memory operand) or XRSTORS
   (0F C7 /3, memory operand), wherever it lies: inside an immediate, across
   two instructions, in padding.  This tool lists every such sequence at
   every byte offset of the executable code of ELF64 x86-64 files, except
   the WRPKRUs of pkeyplug's own gates, which the plugin and the runtime
   list in section pkeyplug_wrpkru (an array of 32-bit offsets from each
   entry to its instruction).

   Usage: pkeyplug-scan [--quiet] [--verbose] FILE...

   Output, one line per finding, sorted by address:
     FILE: ADDRESS: SECTION+OFFSET: wrpkru|xrstor|xrstors (in SYMBOL+0xOFF)
   ADDRESS is the address of the 0F byte (an offset within its section in a
   relocatable file); the symbol is the function symbol of the same
   section whose extent (value and size) holds the address, from .symtab,
   else .dynsym, and the part in parentheses is left out when there is
   none.  --verbose adds one line
   per file with the number of gates recognised, and the list entries that
   point at no WRPKRU.  --quiet prints no findings.

   Exit status: 1 if anything was found, 0 if every file is clean, 2 on a
   usage error or a file that cannot be read (this wins over 1).

   What is scanned: the SHF_EXECINSTR sections; in an executable or shared
   object also the whole of each executable PT_LOAD segment that holds
   one, since everything in it is mapped executable (padding, sequences
   that span two sections, .rodata when linked with -z noseparate-code).
   Without section headers the executable segments alone are scanned, and
   no gate can be recognised (the list is found by its section name).

   The file is read whole into memory and every offset and size taken from
   it is checked against its length before use: a malformed file is an
   error, never a crash.  Fields are copied out with memcpy, since a
   hostile file need not align them.  */

#include "scan/scan.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int opt_quiet;
static int opt_verbose;

static int
scan (const char *name)
{
  struct elf_file f;
  struct symtab symtab, dynsym;
  size_t i, n, recognised = 0, stale = 0;
  int status = 2;

  memset (&f, 0, sizeof f);
  memset (&symtab, 0, sizeof symtab);
  memset (&dynsym, 0, sizeof dynsym);
  f.name = name;
  if (read_file (&f) < 0 || parse_headers (&f) < 0
      || read_gate_lists (&f) < 0 || scan_file (&f) < 0)
    goto out;
  if ((i = find_section_type (&f, SHT_SYMTAB)) != 0
      && load_symtab (&f, i, &symtab) < 0)
    goto out;
  if ((i = find_section_type (&f, SHT_DYNSYM)) != 0
      && load_symtab (&f, i, &dynsym) < 0)
    goto out;
  collect_functions (&f, &symtab);
  collect_functions (&f, &dynsym);
  if (!f.relocatable)
    sort_sections (&f);

  /* qsort and bsearch want a real array even when it is empty.  */
  if (f.nfindings > 0)
    qsort (f.findings, f.nfindings, sizeof *f.findings, compare_findings);
  /* Segments and sections overlap: keep one of each.  */
  for (i = n = 0; i < f.nfindings; i++)
    if (n == 0 || compare_findings (&f.findings[n - 1], &f.findings[i]) != 0)
      f.findings[n++] = f.findings[i];
  f.nfindings = n;

  /* An entry that points at no WRPKRU hides nothing, but says that the
     list does not describe this code (or that the linker dropped the
     code it described).  */
  for (i = 0; i < f.ngates; i++)
    if (!is_wrpkru (&f, &f.gates[i].at))
      {
	stale++;
	if (opt_verbose)
	  {
	    printf ("%s: note: %s entry at ", name,
		    PKEYPLUG_WRPKRU_LIST_SECTION);
	    print_place (&f, &f.gates[i].entry);
	    printf (" lists ");
	    print_place (&f, &f.gates[i].at);
	    printf (", where there is no WRPKRU\n");
	  }
      }
  if (f.ngates > 0)
    qsort (f.gates, f.ngates, sizeof *f.gates, compare_gates);

  /* Only a WRPKRU exactly where the list says is a gate.  */
  for (i = n = 0; i < f.nfindings; i++)
    if (f.findings[i].kind == KIND_WRPKRU && is_gate (&f, &f.findings[i].at))
      recognised++;
    else
      f.findings[n++] = f.findings[i];
  f.nfindings = n;

  if (!opt_quiet)
    for (i = 0; i < f.nfindings; i++)
      print_finding (&f, &f.findings[i], &symtab, &dynsym);
  if (opt_verbose)
    {
      printf ("%s: %zu gate%s recognised, %zu finding%s\n", name,
	      recognised, recognised == 1 ? "" : "s", f.nfindings,
	      f.nfindings == 1 ? "" : "s");
      if (stale > 0 || f.unresolved_entries > 0)
	printf ("%s: note: %zu %s entr%s point%s at no WRPKRU, %zu cannot "
		"be resolved\n", name, stale, PKEYPLUG_WRPKRU_LIST_SECTION,
		stale == 1 ? "y" : "ies", stale == 1 ? "s" : "",
		f.unresolved_entries);
    }
  status = f.nfindings > 0;

 out:
  free (f.data);
  free (f.sh);
  free (f.ph);
  free (f.findings);
  free (f.gates);
  free (f.by_address);
  free (symtab.functions);
  free (dynsym.functions);
  return status;
}

static void
usage (FILE *out)
{
  fprintf (out,
	   "Usage: %s [--quiet] [--verbose] FILE...\n"
	   "List the WRPKRU, XRSTOR and XRSTORS byte sequences in the "
	   "executable code\nof ELF64 x86-64 files, except the WRPKRUs "
	   "that section %s lists.\n\n"
	   "  -q, --quiet     print no findings, only set the exit status\n"
	   "  -v, --verbose   also count the gates recognised in each file\n"
	   "      --help      print this help and exit\n"
	   "      --version   print the version and exit\n\n"
	   "Exit status: 0 clean, 1 something found, 2 trouble.\n",
	   PROGRAM_NAME, PKEYPLUG_WRPKRU_LIST_SECTION);
}

int
main (int argc, char **argv)
{
  static const struct option options[] = {
    { "quiet", no_argument, NULL, 'q' },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  int c, status = 0;

  while ((c = getopt_long (argc, argv, "qv", options, NULL)) != -1)
    switch (c)
      {
      case 'q':
	opt_quiet = 1;
	break;
      case 'v':
	opt_verbose = 1;
	break;
      case 'h':
	usage (stdout);
	return 0;
      case 'V':
	printf ("%s (%s) %s\n", PROGRAM_NAME, PACKAGE_NAME, PACKAGE_VERSION);
	return 0;
      default:
	usage (stderr);
	return 2;
      }
  if (optind >= argc)
    {
      fprintf (stderr, "%s: no file named\n", PROGRAM_NAME);
      usage (stderr);
      return 2;
    }

  for (; optind < argc; optind++)
    {
      int s = scan (argv[optind]);

      /* An error wins over a finding: the scan was not complete.  */
      if (s > status)
	status = s;
    }
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      fprintf (stderr, "%s: write error: %s\n", PROGRAM_NAME,
	       strerror (errno));
      return 2;
    }
  return status;
}

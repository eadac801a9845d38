#!/bin/sh
# gate-size.sh -- how much code the gates add, and what the hw path runs.
#
# Usage: gate-size.sh OBJECT [GATETRACE] [OTHER-OBJECT LABEL]...
#
#   OBJECT      bench/gatefns.c compiled with the plugin (the level that
#               the target is about: -O2)
#   GATETRACE   bench/gatetrace linked with that object; its trace of the
#               hw path is reported when given (an empty string skips it)
#   OTHER-OBJECT LABEL
#               more builds of gatefns.c (other -O levels), summarised on
#               one line each
#
# Reads the object code with nm -S and objdump -d (binutils): the size of
# each function is its symbol's size, so the padding after the last
# instruction is not counted, but the alignment nops inside a function are.
# The gates' cost is the size of a granting function minus the size of its
# unannotated twin (bench_plain), whose body is the same.
#
# The target (bench/README.md): at most 40 bytes of gate code per annotated
# function at -O2.  Exit status 0 whether the target is met or not; 1 when
# the object cannot be read.
#
# Environment: GATE_TARGET_BYTES (default 40).

set -u

target=${GATE_TARGET_BYTES:-40}

if test $# -lt 1; then
  echo "usage: gate-size.sh OBJECT [GATETRACE] [OTHER-OBJECT LABEL]..." >&2
  exit 2
fi
obj=$1
trace=${2:-}
shift
test $# -gt 0 && shift

for tool in nm objdump; do
  if ! command -v $tool >/dev/null 2>&1; then
    echo "gate-size.sh: $tool (binutils) not found: cannot read the object code" >&2
    exit 1
  fi
done

tmp=${TMPDIR:-/tmp}/gate-size.$$
trap 'rm -f "$tmp".*' EXIT INT TERM

# One line per function of OBJ:
#   NAME SIZE INSNS NOP-INSNS NOP-BYTES RDPKRU WRPKRU OFF:LEN,OFF:LEN,...
# (offsets and lengths in decimal).
measure () {
  nm -S "$1" | awk '$3 ~ /^[Tt]$/ && NF == 4 { print "size", $4, $2 }' \
    > "$tmp.sizes" || return 1
  objdump -d --insn-width=15 "$1" > "$tmp.dis" || return 1
  awk -F '\t' '
    function hex(s,   i, c, v) {
      v = 0; s = tolower(s)
      for (i = 1; i <= length(s); i++) {
	c = index("0123456789abcdef", substr(s, i, 1)) - 1
	v = v * 16 + c
      }
      return v
    }
    function flush() {
      if (fn != "")
	print fn, size[fn], n, nops, nopb, rd, wr, (map == "" ? "-" : map)
      fn = ""
    }
    FNR == NR { split($0, f, " "); size[f[2]] = hex(f[3]); next }
    /^[0-9a-f]+ <.*>:$/ {
      flush()
      name = $0; sub(/^[0-9a-f]+ </, "", name); sub(/>:$/, "", name)
      if (name in size) {
	a = $0; sub(/ .*/, "", a)
	fn = name; start = hex(a); n = nops = nopb = rd = wr = 0; map = ""
      }
      next
    }
    fn != "" && /^ *[0-9a-f]+:/ {
      addr = $1; sub(/^ */, "", addr); sub(/:$/, "", addr)
      off = hex(addr) - start
      if (off >= size[fn]) next
      len = split($2, b, " ")
      mn = $3; sub(/ .*/, "", mn)
      n++
      if (mn ~ /^nop/ || mn == "xchg" && $3 ~ /%ax,%ax/) { nops++; nopb += len }
      if (mn == "rdpkru") rd++
      if (mn == "wrpkru") wr++
      map = map (map == "" ? "" : ",") off ":" len
    }
    END { flush() }
  ' "$tmp.sizes" "$tmp.dis"
}

if ! measure "$obj" > "$tmp.fns"; then
  echo "gate-size.sh: cannot read $obj" >&2
  exit 1
fi
for fn in bench_plain bench_granted bench_granted_read; do
  if ! grep -q "^$fn " "$tmp.fns"; then
    echo "gate-size.sh: no function $fn in $obj" >&2
    exit 1
  fi
done

awk -v target="$target" '
  { name[$1] = $1; size[$1] = $2; insns[$1] = $3; nopi[$1] = $4
    nopb[$1] = $5; rd[$1] = $6; wr[$1] = $7 }
  END {
    printf "%-32s %6s %6s %10s %7s %7s\n", "function", "bytes", "insns",
	   "nop bytes", "rdpkru", "wrpkru"
    n = split("bench_plain bench_granted bench_granted_read", order, " ")
    split("(no attribute)|(rw grant)|(read grant)", what, "|")
    for (i = 1; i <= n; i++) {
      f = order[i]
      printf "%-32s %6d %6d %10d %7d %7d\n", f " " what[i], size[f],
	     insns[f], nopb[f], rd[f], wr[f]
    }
    p = "bench_plain"
    for (i = 2; i <= n; i++) {
      f = order[i]
      printf "added by the gates %-11s +%d bytes, +%d instructions " \
	     "(+%d bytes of alignment nops)\n", what[i] ":", size[f] - size[p],
	     (insns[f] - nopi[f]) - (insns[p] - nopi[p]), nopb[f] - nopb[p]
    }
    added = size["bench_granted"] - size[p]
    if (added <= target)
      printf "target: gate code <= %d bytes per annotated function at " \
	     "this level: MET (%d bytes)\n", target, added
    else
      printf "target: gate code <= %d bytes per annotated function at " \
	     "this level: MISSED by %d bytes (%d bytes, %.1fx the target)\n",
	     target, added - target, added, added / target
  }' "$tmp.fns"

# Other optimisation levels, one line each.
while test $# -ge 2; do
  other=$1 label=$2
  shift 2
  if measure "$other" > "$tmp.other"; then
    awk -v label="$label" '
      { size[$1] = $2; insns[$1] = $3; nopb[$1] = $5 }
      END {
	printf "at %-4s plain %d bytes, rw grant %d (+%d), read grant %d " \
	       "(+%d)\n", label, size["bench_plain"], size["bench_granted"],
	       size["bench_granted"] - size["bench_plain"],
	       size["bench_granted_read"],
	       size["bench_granted_read"] - size["bench_plain"]
      }' "$tmp.other"
  fi
done

test -n "$trace" || exit 0

# The hw path, traced instruction by instruction.
if ! "$trace" > "$tmp.trace" 2> "$tmp.traceerr"; then
  echo "hw path: not traced ($trace failed: $(head -n 1 "$tmp.traceerr"))"
  exit 0
fi
echo
echo "Instructions executed on each path (one call, traced with the trap flag;"
echo "cpu has PKU: $(sed -n 's/^cpu-pku //p' "$tmp.trace")):"
# Join the traced offsets with the instruction lengths of the object.
awk '
  FNR == NR { map[$1] = $8; next }
  $1 == "path" {
    fn = $3; delete len
    m = split(map[fn], pairs, ",")
    for (i = 1; i <= m; i++) { split(pairs[i], pl, ":"); len[pl[1]] = pl[2] }
    k = split($11, offs, ",")
    bytes = 0; delete seen
    for (i = 1; i <= k; i++) {
      o = 0; h = tolower(offs[i])
      for (j = 1; j <= length(h); j++)
	o = o * 16 + index("0123456789abcdef", substr(h, j, 1)) - 1
      if (!(o in seen)) { seen[o] = 1; bytes += len[o] }
      if ($2 ~ /^hw-(outer|nested)-rw$/) hwseen[o] = len[o]
    }
    insns[$2] = $5; byt[$2] = bytes; rdp[$2] = $7; wrp[$2] = $9
    order[++n] = $2
  }
  END {
    label["plain"] = "plain call, no attribute"
    label["hw-outer-rw"] = "hw, outermost rw grant"
    label["hw-nested-rw"] = "hw, nested rw grant"
    label["hw-outer-read"] = "hw, outermost read grant"
    label["hw-nested-read"] = "hw, nested read grant"
    label["emulate-rw"] = "emulate, rw (function side)"
    label["none-rw"] = "key not set up yet, rw"
    printf "%-30s %6s %9s %6s %7s %7s\n", "path", "insns", "vs plain",
	   "bytes", "rdpkru", "wrpkru"
    for (i = 1; i <= n; i++) {
      p = order[i]
      printf "%-30s %6d %9s %6d %7d %7d\n", label[p], insns[p],
	     (p == "plain" ? "-" : sprintf("%+d", insns[p] - insns["plain"])),
	     byt[p], rdp[p], wrp[p]
    }
    hw = 0
    for (o in hwseen) hw += hwseen[o]
    printf "code on the two hw rw paths together: %d bytes " \
	   "(the plain function runs %d)\n", hw, byt["plain"]
    print "(bytes: distinct instruction bytes the path runs; the emulate"
    print " path also runs __pkeyplug_emulate_open/close in libpkeyrt.)"
  }' "$tmp.fns" "$tmp.trace"
exit 0

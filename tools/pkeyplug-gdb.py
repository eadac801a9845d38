# pkeyplug-gdb.py -- GDB commands for programs built with pkeyplug.
#
# GDB loads it by itself with the shared runtime: `make install' puts a
# copy in $(datadir)/gdb/auto-load, under the path of libpkeyrt.so.N.M.K
# (/usr/share/gdb/auto-load is in GDB's default auto-load directories
# and safe-path; another prefix needs `add-auto-load-scripts-directory'
# and `set auto-load safe-path').  Or load it by hand with
#     (gdb) source /usr/local/share/pkeyplug/pkeyplug-gdb.py
# (the path `make install' printed; or put the line in ~/.gdbinit).
#
# `info pkeyplug' shows, for the program being debugged (live or a core
# file):
#   - the runtime's mode and every key: its name, how it is enforced
#     (hardware key N, emulated, off), its policy, and the page ranges
#     of its static objects;
#   - the current thread's rights on each key: PKRU decoded per hardware
#     key (hw mode), or the thread's emulated levels (emulate mode);
#   - the grants open on the current thread's stack: each frame whose
#     function has a gate of a key (it reads the key's descriptor,
#     __pkeyplug_key.NAME), innermost first, with the rights the grant
#     gives: read, when its entry gate reads the descriptor's keep_ro
#     (only a read grant's gate does, in every gate flavour), else
#     read-write.
#
# It reads the runtime's tables (pkeyrt_keys, pkeyrt_nkeys, pkeyrt_config),
# so libpkeyrt must have its debug information (the build's -g; not
# stripped).  Nothing is written into the program.

import re

import gdb

POLICIES = {0: "noaccess", 1: "readonly", -1: "unknown (only grants seen)"}
MODES = {0: "uninitialized", 1: "hw", 2: "emulate", 3: "off"}
GATE_NONE, GATE_HW, GATE_EMULATE = 0, 1, 2
LEVELS = {0: "none", 1: "read", 2: "read-write"}
DESCRIPTOR = re.compile(r"<__pkeyplug_key\.([A-Za-z_][A-Za-z0-9_]*)")
# Offset of keep_ro in struct pkeyplug_key_desc (pkeyplug-abi.h), where
# the runtime's debug information does not say.
KEEP_RO_OFFSET = 8
HEADER = re.compile(r"Dump of assembler code for function ([^\s:]+)")


def _value(name):
    """The runtime variable NAME, or None when the program has none."""
    try:
        return gdb.parse_and_eval(name)
    except gdb.error:
        return None


def _keys():
    """(slot, name, gate, hw key, policy, ranges) for each key."""
    table = _value("pkeyrt_keys")
    count = _value("pkeyrt_nkeys")
    if table is None or count is None:
        return None
    keys = []
    for slot in range(int(count)):
        key = table[slot]
        ranges = []
        for r in range(int(key["nranges"])):
            rng = key["ranges"][r]
            ranges.append((int(rng["start"]), int(rng["end"]),
                           bool(int(rng["is_const"]))))
        keys.append((slot, key["name"].string(), int(key["gate"]),
                     int(key["hw_key"]), int(key["policy"]), ranges))
    return keys


def _pkru():
    """The selected thread's PKRU, or None where the target has none."""
    try:
        return int(gdb.parse_and_eval("$pkru"))
    except gdb.error:
        return None


def _emulated_levels():
    """The selected thread's emulated levels (emulate.c's held), or None.
    Other files of the runtime have a static `held' too."""
    try:
        candidates = gdb.lookup_static_symbols("held")
    except (gdb.error, AttributeError):
        return None
    for sym in candidates:
        if (sym.symtab is not None
                and sym.symtab.filename.endswith("emulate.c")
                and sym.type.strip_typedefs().code == gdb.TYPE_CODE_ARRAY):
            try:
                return sym.value()
            except gdb.error:
                return None
    return None


def _keep_ro_offset():
    """Offset of the descriptor's keep_ro field, read from the runtime's
    debug information where it has the type."""
    try:
        desc = gdb.lookup_type("struct pkeyplug_key_desc")
        for field in desc.fields():
            if field.name == "keep_ro":
                return field.bitpos // 8
    except (gdb.error, RuntimeError):
        pass
    return KEEP_RO_OFFSET


def _grant_rights(text, key, keep_ro):
    """What the gate of KEY in the disassembly TEXT grants."""
    read_only = "<__pkeyplug_key.%s+%d>" % (key, keep_ro)
    return "read" if read_only in text else "read-write"


def _grants():
    """(frame number, function, [(key, rights)]) for each frame with a
    gate."""
    keep_ro = _keep_ro_offset()
    found = []
    seen = {}
    frame = gdb.newest_frame()
    number = 0
    while frame is not None:
        try:
            # The whole function around the frame's pc, found through
            # the symbol table: works without debug information too.
            text = gdb.execute("disassemble %#x" % frame.pc(),
                               to_string=True)
        except gdb.error:
            text = ""
        header = HEADER.search(text)
        name = header.group(1) if header else (frame.name() or "??")
        if name not in seen:
            keys = []
            for key in DESCRIPTOR.findall(text):
                if key not in [k for k, _ in keys]:
                    keys.append((key, _grant_rights(text, key, keep_ro)))
            seen[name] = keys
        if seen[name]:
            found.append((number, name, seen[name]))
        frame = frame.older()
        number += 1
    return found


class InfoPkeyplug(gdb.Command):
    """Show pkeyplug's keys, this thread's rights on them, and the grants
open on its stack.

Usage: info pkeyplug"""

    def __init__(self):
        super().__init__("info pkeyplug", gdb.COMMAND_STATUS)

    def invoke(self, arg, from_tty):
        mode = _value("pkeyrt_config->mode")
        keys = _keys()
        if mode is None or keys is None:
            raise gdb.GdbError(
                "pkeyplug: no runtime tables (pkeyrt_keys) in this program: "
                "is libpkeyrt loaded, with its debug information?")
        out = gdb.write
        out("pkeyplug: mode %s, %d key%s\n"
            % (MODES.get(int(mode), str(int(mode))), len(keys),
               "" if len(keys) == 1 else "s"))
        for slot, name, gate, hw_key, policy, ranges in keys:
            how = {GATE_HW: "hw key %d" % hw_key,
                   GATE_EMULATE: "emulated"}.get(gate, "off")
            spans = ", ".join("%#x-%#x%s" % (s, e, " const" if c else "")
                              for s, e, c in ranges) or "no static pages"
            out("  key '%s': %s, %s, %s\n"
                % (name, how, POLICIES.get(policy, str(policy)), spans))

        pkru = _pkru()
        levels = _emulated_levels()
        out("rights of thread %d:\n" % gdb.selected_thread().num)
        if pkru is not None:
            out("  PKRU %#010x\n" % pkru)
        for slot, name, gate, hw_key, policy, ranges in keys:
            if gate == GATE_HW and pkru is not None:
                ad = (pkru >> (2 * hw_key)) & 1
                wd = (pkru >> (2 * hw_key + 1)) & 1
                rights = ("none" if ad else "read" if wd else "read-write")
                out("  key '%s' (hw key %d): %s (AD=%d WD=%d)\n"
                    % (name, hw_key, rights, ad, wd))
            elif gate == GATE_EMULATE and levels is not None:
                out("  key '%s' (emulated): %s held by this thread\n"
                    % (name, LEVELS.get(int(levels[slot]), "?")))
            elif gate == GATE_EMULATE:
                out("  key '%s' (emulated): this thread's level unknown\n"
                    % name)
            else:
                out("  key '%s': not enforced\n" % name)

        grants = _grants()
        out("grants on the stack of thread %d:%s\n"
            % (gdb.selected_thread().num, "" if grants else " none"))
        for number, function, keys in grants:
            out("  #%d %s: %s\n"
                % (number, function,
                   ", ".join("key '%s' (%s)" % k for k in keys)))


InfoPkeyplug()

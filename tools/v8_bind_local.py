#!/usr/bin/env python3
"""Binds libnode's references to its own V8 symbols at build time.

Debian's libnode.so.108 is linked with -z now: at every start the dynamic
linker resolves some 60,000 symbol relocations, most of them libnode calling
its own V8 functions through the GOT by long C++ names. That costs more than
creating V8's isolate (see shared/V8-NOTES.md). This rewrites, in lode's
private copy of the library (out/v8/lib), every R_X86_64_64, GLOB_DAT and
JUMP_SLOT relocation whose symbol libnode itself defines, in the v8,
v8_inspector, cppgc and node namespaces (functions, vtables, typeinfo), into
an R_X86_64_RELATIVE relocation with the symbol's address: what `-Bsymbolic`
would have produced at link time. BIND_NOW and full RELRO stay as they are.

Excluded: undefined symbols, TLS, STB_GNU_UNIQUE and IFUNC symbols, and
every name outside those namespaces (std:: and C symbols keep their normal
binding). The rewrite is idempotent.

Then the PLT stubs. Binding a JUMP_SLOT locally still leaves every call
going `call foo@plt` -> `jmp *GOT(%rip)`: a load, an indirect branch and one
more i-cache line per call into V8 (~5-8% of a cold require()'s main-thread
CPU is spent in libnode's @plt stubs; node, a static binary, has none). Once
a stub's GOT slot carries an R_X86_64_RELATIVE relocation its final value is
the link-time address plus the load base, the same base as the stub's, and
RELRO makes the slot read-only after relocation: so the stub's
`[bnd] jmp *disp32(%rip)` becomes `jmp rel32` straight to that address,
padded with nops. The lazy-binding tail of each .plt entry (push; jmp PLT0)
stays, unused under BIND_NOW as before. Stubs whose slot keeps a symbol
relocation (std::, C symbols, IFUNC, interposable ones) and targets outside
an executable section keep their indirect jump. Stubs already rewritten
start with e9 and are skipped.

Last, the call sites: a `call`/`jmp`/`jcc rel32` into a stub made direct is
pointed at the stub's target, so the stub is not executed at all. Sites are
found by disassembling .text with objdump (never by scanning bytes: a
matching byte pattern in the middle of an instruction or in data would be
corrupted), and only inside the exported functions of .dynsym, where
objdump starts decoding at the function's first byte and GCC puts no data:
this also leaves V8's embedded builtins (unnamed, in .text, with inline
data) alone. Each site's bytes are checked against the decoded target
before they are patched. Sites in unexported functions keep calling the
(direct) stub. Without objdump this step is skipped.

usage: v8_bind_local.py LIBRARY
"""
import bisect
import re
import shutil
import struct
import subprocess
import sys

R_X86_64_64 = 1
R_X86_64_GLOB_DAT = 6
R_X86_64_JUMP_SLOT = 7
R_X86_64_RELATIVE = 8
STT_FUNC = 2
STT_TLS = 6
STT_GNU_IFUNC = 10
STB_GNU_UNIQUE = 10
SHT_RELA = 4
SHT_DYNSYM = 11
SHF_EXECINSTR = 0x4
PLT_SECTIONS = (b'.plt', b'.plt.sec', b'.plt.got')
ENDBR64 = b'\xf3\x0f\x1e\xfa'

NAMESPACES = (b'2v8', b'12v8_inspector', b'5cppgc', b'4node')
# Mangled prefixes: functions and data (_ZN/_ZNK), vtables (_ZTV), typeinfo
# (_ZTI) and typeinfo names (_ZTS) of those namespaces.
PREFIXES = tuple(p + ns for ns in NAMESPACES
                 for p in (b'_ZN', b'_ZNK', b'_ZTVN', b'_ZTIN', b'_ZTSN'))


def read_sections(data):
    (e_shoff,) = struct.unpack_from('<Q', data, 0x28)
    e_shentsize, e_shnum, e_shstrndx = struct.unpack_from('<HHH', data, 0x3A)
    sections = []
    for i in range(e_shnum):
        off = e_shoff + i * e_shentsize
        (sh_name, sh_type, flags, addr, sh_offset, sh_size, sh_link, _info,
         _align, sh_entsize) = struct.unpack_from('<IIQQQQIIQQ', data, off)
        sections.append({'name': sh_name, 'type': sh_type, 'flags': flags,
                         'addr': addr, 'offset': sh_offset, 'size': sh_size,
                         'link': sh_link, 'entsize': sh_entsize})
    shstr = sections[e_shstrndx]['offset']
    for sec in sections:
        start = shstr + sec['name']
        sec['name'] = bytes(data[start:data.index(b'\0', start)])
    return sections


def direct_plt_jumps(data, sections):
    """Turns each PLT stub whose GOT slot has a RELATIVE relocation into a
    direct jump to the slot's final value; returns (rewritten, kept)."""
    relative = {}
    for sec in sections:
        if sec['type'] != SHT_RELA:
            continue
        for off in range(sec['offset'], sec['offset'] + sec['size'], 24):
            r_offset, r_info, r_addend = struct.unpack_from('<QQq', data, off)
            if r_info == R_X86_64_RELATIVE:
                relative[r_offset] = r_addend
    code = [(s['addr'], s['addr'] + s['size']) for s in sections
            if s['flags'] & SHF_EXECINSTR and s['name'] not in PLT_SECTIONS]
    rewritten = kept = 0
    for sec in sections:
        if sec['name'] not in PLT_SECTIONS or not sec['entsize']:
            continue
        for entry in range(0, sec['size'], sec['entsize']):
            off = sec['offset'] + entry
            addr = sec['addr'] + entry
            at = 4 if data[off:off + 4] == ENDBR64 else 0
            start = at
            if data[off + at] == 0xf2:  # MPX "bnd" prefix
                at += 1
            if data[off + at:off + at + 2] != b'\xff\x25':
                continue  # PLT0 (push first), or already a direct jump
            end = at + 6
            (disp,) = struct.unpack_from('<i', data, off + at + 2)
            target = relative.get(addr + end + disp)
            if target is None or not any(lo <= target < hi
                                         for lo, hi in code):
                kept += 1
                continue
            rel = target - (addr + start + 5)
            data[off + start:off + end] = (
                b'\xe9' + struct.pack('<i', rel) +
                b'\x90' * (end - start - 5))
            rewritten += 1
    return rewritten, kept


def direct_stubs(data, sections):
    """Maps each stub that is a direct jump (`jmp rel32`, maybe after
    endbr64) to where it jumps."""
    stubs = {}
    for sec in sections:
        if sec['name'] not in PLT_SECTIONS or not sec['entsize']:
            continue
        for entry in range(0, sec['size'], sec['entsize']):
            off = sec['offset'] + entry
            at = 4 if data[off:off + 4] == ENDBR64 else 0
            if data[off + at] == 0xe9:
                (rel,) = struct.unpack_from('<i', data, off + at + 1)
                stubs[sec['addr'] + entry] = sec['addr'] + entry + at + 5 + rel
    return stubs


BRANCH = re.compile(rb'^ *([0-9a-f]+):\t(?:bnd )?(call|j[a-z]+) +([0-9a-f]+) <')


def direct_calls(path, data, sections, functions):
    """Points the rel32 calls and jumps of exported functions that go to a
    direct stub at the stub's target; returns (rewritten, skipped), or None
    without objdump."""
    objdump = shutil.which('objdump')
    if objdump is None:
        return None
    stubs = direct_stubs(data, sections)
    text = next(s for s in sections if s['name'] == b'.text')
    delta = text['offset'] - text['addr']
    starts = [f[0] for f in functions]
    rewritten = skipped = 0
    proc = subprocess.Popen(
        [objdump, '-d', '-w', '--no-show-raw-insn', '-j', '.text', path],
        stdout=subprocess.PIPE)
    for line in proc.stdout:
        m = BRANCH.match(line)
        if not m:
            continue
        target = int(m.group(3), 16)
        final = stubs.get(target)
        if final is None:
            continue
        site = int(m.group(1), 16)
        i = bisect.bisect_right(starts, site) - 1
        if i < 0 or site >= functions[i][1]:
            skipped += 1
            continue
        off = site + delta
        at = off + (1 if data[off] == 0xf2 else 0)
        if data[at] in (0xe8, 0xe9):
            end = at + 5
        elif data[at] == 0x0f and 0x80 <= data[at + 1] <= 0x8f:
            end = at + 6
        else:
            skipped += 1
            continue
        (rel,) = struct.unpack_from('<i', data, end - 4)
        if end - delta + rel != target:
            skipped += 1
            continue
        struct.pack_into('<i', data, end - 4, final - (end - delta))
        rewritten += 1
    if proc.wait() != 0:
        sys.exit(f'{path}: objdump failed')
    return rewritten, skipped


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    with open(path, 'rb') as f:
        data = bytearray(f.read())
    if data[:4] != b'\x7fELF' or data[4] != 2 or data[5] != 1:
        sys.exit(f'{path}: not a 64-bit little-endian ELF file')
    sections = read_sections(data)
    dynsym = next(s for s in sections if s['type'] == SHT_DYNSYM)
    dynstr = sections[dynsym['link']]

    def symbol(index):
        off = dynsym['offset'] + index * 24
        st_name, st_info, _other, st_shndx, st_value, _size = \
            struct.unpack_from('<IBBHQQ', data, off)
        start = dynstr['offset'] + st_name
        end = data.index(b'\0', start)
        return bytes(data[start:end]), st_info, st_shndx, st_value

    rewritten = 0
    kept = 0
    for sec in sections:
        if sec['type'] != SHT_RELA or sec['link'] != sections.index(dynsym):
            continue
        for off in range(sec['offset'], sec['offset'] + sec['size'], 24):
            r_offset, r_info, r_addend = struct.unpack_from('<QQq', data, off)
            rtype = r_info & 0xffffffff
            sym = r_info >> 32
            if rtype not in (R_X86_64_64, R_X86_64_GLOB_DAT,
                             R_X86_64_JUMP_SLOT) or sym == 0:
                continue
            name, st_info, st_shndx, st_value = symbol(sym)
            st_type = st_info & 0xf
            st_bind = st_info >> 4
            if (st_shndx == 0 or st_type in (STT_TLS, STT_GNU_IFUNC) or
                    st_bind == STB_GNU_UNIQUE or
                    not name.startswith(PREFIXES)):
                kept += 1
                continue
            addend = st_value + (r_addend if rtype == R_X86_64_64 else 0)
            struct.pack_into('<QQq', data, off, r_offset, R_X86_64_RELATIVE,
                             addend)
            rewritten += 1
    # After the relocations: the stubs of the slots just bound count too.
    direct, indirect = direct_plt_jumps(data, sections)
    text = sections.index(next(s for s in sections if s['name'] == b'.text'))
    functions = set()
    for off in range(dynsym['offset'], dynsym['offset'] + dynsym['size'], 24):
        _name, st_info, _other, st_shndx, st_value, st_size = \
            struct.unpack_from('<IBBHQQ', data, off)
        if st_info & 0xf == STT_FUNC and st_shndx == text and st_size:
            functions.add((st_value, st_value + st_size))
    # objdump reads the file as it was: its .text is the same as data's.
    calls = direct_calls(path, data, sections, sorted(functions))
    with open(path, 'wb') as f:
        f.write(data)
    print(f'v8_bind_local: {path}: {rewritten} relocations bound locally, '
          f'{kept} symbol relocations kept; {direct} PLT stubs jump '
          f'directly, {indirect} stay indirect')
    if calls is None:
        print('v8_bind_local: no objdump: call sites left going through '
              'the PLT')
    else:
        print(f'v8_bind_local: {calls[0]} call sites call their target '
              f'directly, {calls[1]} left calling the stub')


if __name__ == '__main__':
    main()

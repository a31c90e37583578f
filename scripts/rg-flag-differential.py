#!/usr/bin/env python3
"""Random everyday-flag differential against ripgrep, for long runs by hand (the cases it found are
rows of tests/cli/test_cli_differential.cpp; test_cli_random_regex does the same for patterns).

    scripts/buildroot.sh run scripts/rg-flag-differential.py build/release/src/cli/codescout-cli [SEED [CASES]]

Each case: a pattern from a list of everyday ones, 1-4 flag groups drawn from the flags people use
(output modes, context, -m, -M, -r, globs, types, encodings, --null-data, --stats...), paths drawn
from a small corpus: five folders of the kernel tree (when scripts/corpus.sh finds it) and files
made for the edges (CRLF, no final newline, NUL bytes early and late, Latin-1, UTF-16 with a BOM, a
long line, empty, hidden, ignored). rg and the CLI run with the same arguments and --sort path; the
standard output and exit status are compared byte for byte (--json's times and the lines --stats
prints beyond rg's own aside). The corpus is made once under build/rg-flag-corpus.
"""
import os, random, subprocess, sys, shutil
checkout = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
corpus = os.path.join(checkout, 'build', 'rg-flag-corpus')
cli = os.path.abspath(sys.argv[1])
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
n = int(sys.argv[3]) if len(sys.argv) > 3 else 300
found = subprocess.run([os.path.join(checkout, 'scripts', 'corpus.sh')], capture_output=True, text=True)
K = found.stdout.strip() if found.returncode == 0 else ''
if not os.path.isdir(corpus):
    os.makedirs(corpus)
    for sub in [] if not K else ['drivers/pci/hotplug', 'Documentation/admin-guide/mm', 'scripts/kconfig', 'include/linux/mfd', 'tools/perf/util/scripting-engines']:
        shutil.copytree(os.path.join(K, sub), os.path.join(corpus, sub.replace('/', '_')))
    e = os.path.join(corpus, 'edge'); os.makedirs(e)
    open(os.path.join(e, 'crlf.c'), 'wb').write(b'int foo;\r\nstatic int bar = foo;\r\n\r\nreturn foo_bar;\r\n')
    open(os.path.join(e, 'noeol.txt'), 'wb').write(b'first foo\nlast foo')
    open(os.path.join(e, 'bin.dat'), 'wb').write(b'foo before\n\x00\x01binary foo\nafter foo\n')
    open(os.path.join(e, 'latin1.txt'), 'wb').write(b'caf\xe9 foo\nna\xefve static\n')
    open(os.path.join(e, 'utf16.txt'), 'wb').write('\ufeffhello foo\nstatic world\n'.encode('utf-16le'))
    open(os.path.join(e, 'bom8.txt'), 'wb').write('\ufeffstatic foo\nint x;\n'.encode('utf-8'))
    open(os.path.join(e, 'long.txt'), 'wb').write(b'x' * 5000 + b' foo static ' + b'y' * 5000 + b'\n')
    open(os.path.join(e, 'empty.txt'), 'wb').write(b'')
    open(os.path.join(e, 'blank.txt'), 'wb').write(b'\n\n\nfoo\n\n')
    os.makedirs(os.path.join(e, '.hidden')); open(os.path.join(e, '.hidden', 'h.c'), 'w').write('static int foo;\n')
    open(os.path.join(e, '.gitignore'), 'w').write('ignored.c\n*.log\n')
    open(os.path.join(e, 'ignored.c'), 'w').write('static int foo; /* ignored */\n')
    open(os.path.join(e, 'x.log'), 'w').write('foo log static\n')
    os.makedirs(os.path.join(corpus, '.git'))  # so .gitignore applies
patterns = ['foo', 'static', 'return', r'\bint\b', r'pci_\w+', 'PCI', r'^#include', r'\s+$', r'[A-Z]{3,}', r'(\w+)_(\w+)\(',
            r'struct \w+ \{', r'0x[0-9a-fA-F]+', 'error|warn', r'^\s*$', r'if \(', r'->', r'"[^"]*"', 'é|ï', 'caf', r'\d+',
            r'(?P<n>dev)ice', 'ø', r'\t', 'TODO', 'foo$', '^foo', r'\w+@\w+', r'[[:upper:]]+_[[:upper:]]+']
flag_pool = [['-i'], ['-S'], ['-w'], ['-x'], ['-v'], ['-F'], ['-c'], ['-l'], ['--files-without-match'], ['--count-matches'], ['-o'], ['-n'], ['-N'],
             ['--column'], ['--vimgrep'], ['-b'], ['--trim'], ['-H'], ['-I'], ['--heading'], ['--no-heading'], ['-0'], ['--json'],
             ['-A', '1'], ['-B', '2'], ['-C', '1'], ['-m', '2'], ['-M', '60'], ['-M', '40', '--max-columns-preview'], ['--passthru'],
             ['-r', 'X'], ['-r', '[$0]'], ['-r', '$1-$1'], ['--include-zero', '-c'], ['-g', '*.c'], ['-g', '!*.h'], ['-t', 'c'], ['-T', 'md'],
             ['--hidden'], ['--no-ignore'], ['-u'], ['-uu'], ['-a'], ['--max-depth', '1'], ['--max-filesize', '10K'], ['-U'],
             ['--multiline-dotall', '-U'], ['-E', 'latin1'], ['-E', 'utf-16le'], ['--null-data'], ['-e', 'static'], ['-e', 'return'],
             ['--no-messages'], ['-q'], ['--stats']]
rng = random.Random(seed)
diffs = 0
for k in range(n):
    pat = rng.choice(patterns)
    flags = []
    for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
        flags += rng.choice(flag_pool)
    paths = rng.choice([['.'], ['edge'], ['drivers_pci_hotplug', 'edge'], ['edge/crlf.c'], ['scripts_kconfig'], ['edge/latin1.txt', 'edge/bin.dat']])
    args = flags + ['--sort', 'path', '-e', pat] + paths
    def run(b):
        p = subprocess.run([b] + args, cwd=corpus, capture_output=True, timeout=60)
        out = p.stdout
        if '--stats' in flags:  # ours adds lines and a memory block: compare rg's lines
            import re
            m = list(re.finditer(rb'(^|\n|\x00)\n\d+ matches\n', out))
            if m:
                head, tail = out[:m[-1].start()], out[m[-1].start():]
                keep = [l for l in tail.split(b'\n') if re.match(rb'^\d+ (matches|matched lines|files contained matches|files searched|bytes printed|bytes searched)$', l)]
                out = head + b'\n--stats--\n' + b'\n'.join(keep)
        return p.returncode, out, p.stderr
    a = run('rg'); b = run(cli)
    if '--json' in flags:
        import json, re
        def norm(o):  # elapsed times differ
            return re.sub(rb'"elapsed":\{[^}]*\}', b'', re.sub(rb'"(human|secs|nanos)":[^,}]*', b'', o))
        a = (a[0], norm(a[1]), a[2]); b = (b[0], norm(b[1]), b[2])
    if a[0] != b[0] or a[1] != b[1]:
        diffs += 1
        print('DIFF', ' '.join(repr(x) if ' ' in x or '$' in x else x for x in args), f'rc {a[0]} vs {b[0]}')
        if a[1] != b[1]:
            al, bl = a[1].split(b'\n'), b[1].split(b'\n')
            for i in range(max(len(al), len(bl))):
                x = al[i] if i < len(al) else None; y = bl[i] if i < len(bl) else None
                if x != y:
                    print('   rg :', x[:200] if x is not None else None); print('   cs :', y[:200] if y is not None else None); break
        if a[2] != b[2] and a[0] != b[0]: print('   rg err:', a[2][:200], '\n   cs err:', b[2][:200])
print(f'seed {seed}: {n} cases, {diffs} differ')

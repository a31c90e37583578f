#!/usr/bin/env python3
# Run by hand (issue 12, docs/index.md "What a query costs"): how many of the given candidate
# files would pass the format-3 mask test (trigram.h) if postings were kept per line-aligned chunk
# of C bytes instead of per file, for C = the whole file, 1 MB, 256 KB, 64 KB, 16 KB. ASCII
# needles, case-sensitive (the K/long-s reading of index_text.h is left out: the files it was
# written for are ASCII). The candidate list comes from CODESCOUT_INDEX_TRACE=candidates.
# usage (in the build root): python3 bench/index_chunk_sim.py ROOT CANDIDATE_LIST NEEDLE...
import bisect, sys
root, listfile, needles = sys.argv[1], sys.argv[2], sys.argv[3:]
M32 = 0xFFFFFFFF
def next_bit(c): return 1 << (16 + (((c * 0x9E3779B1) & M32) >> 29))
def case_bit(p): return 1 << (24 + (p & 7))
def rot(pos, shift):
    shift %= 16
    return ((pos >> shift) | (pos << (16 - shift))) & 0xFFFF if shift else pos
def steps(needle):
    b = needle.encode(); low = b.lower(); out = []
    for j in range(len(b) - 2):
        req = case_bit((4 if b[j:j+1].isupper() else 0) | (2 if b[j+1:j+2].isupper() else 0) | (1 if b[j+2:j+3].isupper() else 0))
        if j + 3 < len(b): req |= next_bit(low[j + 3])
        out.append((low[j:j+3], req, j))
    return out
plans = [steps(n) for n in needles]
sizes = [None, 1 << 20, 256 << 10, 64 << 10, 16 << 10]
passed = {c: 0 for c in sizes}; bytes_passed = {c: 0 for c in sizes}
for rel in open(listfile).read().split('\n'):
    if not rel: continue
    data = open(root + '/' + rel, 'rb').read()
    low = data.lower()
    # line starts, for chunk numbers
    starts = [0]; i = data.find(b'\n')
    while i != -1:
        starts.append(i + 1); i = data.find(b'\n', i + 1)
    occ = {}
    for plan in plans:
        for t, _, _ in plan:
            if t in occ: continue
            ps = []; i = low.find(t)
            while i != -1:
                ps.append(i); i = low.find(t, i + 1)
            occ[t] = ps
    for c in sizes:
        def chunk_of(p):
            if c is None: return 0
            return starts[bisect.bisect_right(starts, p) - 1] // c
        ok = False
        for plan in plans:
            # per chunk: masks per trigram
            masks = {}
            for t, _, _ in plan:
                if (t, 0) in masks: continue
                m = {}
                for p in occ[t]:
                    k = chunk_of(p)
                    cs = data[p:p+3]
                    pat = (4 if 65 <= cs[0] <= 90 else 0) | (2 if 65 <= cs[1] <= 90 else 0) | (1 if 65 <= cs[2] <= 90 else 0)
                    bits = (1 << (p % 16)) | case_bit(pat)
                    if p + 3 < len(low): bits |= next_bit(low[p + 3])
                    m[k] = m.get(k, 0) | bits
                masks[t] = m
            chunks = None
            for t, _, _ in plan:
                ks = set(masks[t]); chunks = ks if chunks is None else chunks & ks
            for k in chunks or ():
                start = 0xFFFF; good = True
                for t, req, j in plan:
                    mm = masks[t][k]
                    if mm & req != req: good = False; break
                    start &= rot(mm & 0xFFFF, j)
                    if not start: good = False; break
                if good: ok = True; break
            if ok: break
        if ok:
            passed[c] += 1; bytes_passed[c] += len(data)
for c in sizes:
    print(f"chunk {'file' if c is None else c}: {passed[c]} files pass, {bytes_passed[c]/1e6:.1f} MB")

#!/usr/bin/env python3
"""Moves the plain `using X;` directives a project's files share into global usings and removes them from the files:
namespaces every src project can resolve (System.*, LeadSync.Core.*, Microsoft.Extensions.Logging/Options) go to
src/Directory.Build.props as <Using> items, the rest to the project's GlobalUsings.cs (eShop style).
Idempotent: re-run after a merge to strip usings that are global.
usage: globalusings.py SRC_DIR [MIN_FILES] [EXCLUDED,NAMESPACES]"""
import os, re, sys, collections
root = sys.argv[1]
min_files = int(sys.argv[2]) if len(sys.argv) > 2 else 2
exclude = set(sys.argv[3].split(',')) if len(sys.argv) > 3 and sys.argv[3] else set()
USING = re.compile(r'^using ([A-Za-z_][A-Za-z0-9_.]*);\s*$')
PROPS = os.path.join(root, 'Directory.Build.props')
NOT_EVERYWHERE = {'System.Threading.RateLimiting'}
def everywhere(ns):
    if ns in NOT_EVERYWHERE: return False
    return ns.startswith('System') or ns == 'LeadSync.Core' or ns.startswith('LeadSync.Core.') or \
        ns in ('Microsoft.Extensions.Logging', 'Microsoft.Extensions.Options')
shared = set()
if os.path.exists(PROPS):
    shared = set(re.findall(r'<Using Include="([^"]+)"', open(PROPS).read()))
projects = {}
for proj in sorted(os.listdir(root)):
    pdir = os.path.join(root, proj)
    if not os.path.isfile(os.path.join(pdir, proj + '.csproj')):
        continue
    files = []
    for d, dirs, fs in os.walk(pdir):
        dirs[:] = [x for x in dirs if x not in ('bin', 'obj', 'node_modules', 'wwwroot')]
        files += [os.path.join(d, f) for f in fs if f.endswith('.cs') and f != 'GlobalUsings.cs']
    gpath = os.path.join(pdir, 'GlobalUsings.cs')
    own = set()
    if os.path.exists(gpath):
        own = set(re.findall(r'^global using ([A-Za-z0-9_.]+);', open(gpath).read(), re.M))
    counts = collections.Counter()
    for f in files:
        for line in open(f, encoding='utf-8-sig'):
            m = USING.match(line)
            if m: counts[m.group(1)] += 1
    chosen = (own | {ns for ns, c in counts.items() if c >= min_files}) - exclude
    projects[proj] = (pdir, files, gpath, chosen)
    shared |= {ns for ns in chosen if everywhere(ns)}
shared -= exclude
for proj, (pdir, files, gpath, chosen) in projects.items():
    chosen = chosen - shared
    glob = chosen | shared
    for f in files:
        lines = open(f, encoding='utf-8-sig').read().split('\n')
        out = [l for l in lines if not (USING.match(l) and USING.match(l).group(1) in glob)]
        if out != lines:
            while len(out) > 1 and out[0].strip() == '':
                out.pop(0)
            open(f, 'w', encoding='utf-8').write('\n'.join(out))
    if chosen:
        with open(gpath, 'w', encoding='utf-8') as g:
            g.write("// The namespaces this project's files share; the ones every project shares are in src/Directory.Build.props.\n")
            for ns in sorted(chosen):
                g.write(f'global using {ns};\n')
    elif os.path.exists(gpath):
        os.remove(gpath)
with open(PROPS, 'w', encoding='utf-8') as p:
    p.write('<Project>\n  <Import Project="$([MSBuild]::GetPathOfFileAbove(\'Directory.Build.props\', \'$(MSBuildThisFileDirectory)../\'))" />\n\n')
    p.write('  <!-- Namespaces every src project uses, imported once (project-specific ones: each project\'s GlobalUsings.cs). -->\n  <ItemGroup>\n')
    for ns in sorted(shared, key=lambda n: (not n.startswith('System'), n)):
        p.write(f'    <Using Include="{ns}" />\n')
    p.write('  </ItemGroup>\n</Project>\n')
print(len(shared), 'shared;', {k: len(v[3] - shared) for k, v in projects.items()})

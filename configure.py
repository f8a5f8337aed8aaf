#!/usr/bin/env python3
"""Checks and gets lode's dependencies, then writes the build configuration.

Dependencies are Debian 12 packages. Missing -dev packages are installed with
apt-get when we are root (or through sudo), otherwise the command to run is
printed. V8 comes from Debian's libnode108/libnode-dev: those conflict with the
machine's own nodejs package, so we `apt-get download` them and unpack them
with `dpkg-deb -x` into out/cache, which needs no root. llhttp's C sources come
from the node-llhttp package the same way.

Writes config.gypi (read by node.gyp), config.mk (read by the Makefile) and
out/Makefile (by gyp).
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(ROOT, 'out')
CACHE = os.path.join(OUT, 'cache')

# pkg-config name or header -> the Debian package that provides it.
SYSTEM_DEPS = [
    ('libuv', 'libuv1-dev'),
    ('openssl', 'libssl-dev'),
    ('libcares', 'libc-ares-dev'),
    ('libnghttp2', 'libnghttp2-dev'),
    ('icu-i18n', 'libicu-dev'),
    ('zlib', 'zlib1g-dev'),
    ('libbrotlienc', 'libbrotli-dev'),
    ('libzstd', 'libzstd-dev'),
    ('libdeflate', 'libdeflate-dev'),
]
HEADER_DEPS = [
    ('/usr/include/catch2/catch.hpp', 'catch2'),
]
TOOL_DEPS = [
    ('gyp', 'gyp'),
    ('pkg-config', 'pkg-config'),
    ('g++', 'g++'),
    ('dpkg-deb', 'dpkg'),
]
OPTIONAL_TOOLS = [('ccache', 'ccache')]

# Unpacked .deb packages: name -> what we need from it.
DEB_PACKAGES = ['libnode108', 'libnode-dev', 'node-llhttp']

# V8's inspector header, which libnode-dev lacks (libnode.so exports the
# inspector itself): taken from the upstream tarball of Debian's nodejs
# source package of the same version as libnode108 (its .dsc lists the
# checksum pinned here), from the Debian archive.
V8_INSPECTOR_SOURCE = {
    'file': 'nodejs_18.20.4+dfsg.orig.tar.xz',
    'urls': [
        'http://deb.debian.org/debian/pool/main/n/nodejs/',
        'http://security.debian.org/debian-security/pool/updates/main/n/'
        'nodejs/',
        'https://snapshot.debian.org/archive/debian/20240825T000000Z/pool/'
        'main/n/nodejs/',
    ],
    'sha256': '6ce58062c71eae37d9c5ac31eeaeff9c2d48561d21c2849179d056c9c1bd9e'
              'bc',
    'members': {
        'node-v18.20.4/deps/v8/include/v8-inspector.h': 'v8-inspector.h',
        'node-v18.20.4/deps/v8/LICENSE': 'LICENSE.v8',
        # Compared with libnode-dev's: the header must be of the same V8.
        'node-v18.20.4/deps/v8/include/v8-version.h': 'v8-version.h',
    },
}

# JavaScript embedded as internal/deps/<folder>/...: the npm packages (the
# versions Node 24.12 embeds), the folder under out/deps each goes to, and
# their sha512 integrity, and the package's license file. The REPL parses
# with acorn, as Node's does; the ES module loader finds the names a
# CommonJS module exports with cjs-module-lexer, as Node's does; TypeScript
# is stripped by amaro (swc compiled to WebAssembly, inlined in its
# dist/index.js), as Node's is.
NPM_DEPS = [
    ('acorn', '8.15.0', 'dist/acorn.js', 'acorn/acorn',
     'sha512-NZyJarBfL7nWwIq+FDL6Zp/yHEhePMNnnJ0y3qfieCrmNvYct8uvtiV41UvlSe6a'
     'pAfk0fY1FbWx+NwfmpvtTg==', 'LICENSE'),
    ('acorn-walk', '8.3.4', 'dist/walk.js', 'acorn/acorn-walk',
     'sha512-ueEepnujpqee2o5aIYnvHU6C0A42MNdsIDeqy5BydrkuC5R1ZuUFnm27EeFJGoEH'
     'JQgn3uleRvmTXaJgfXbt4g==', 'LICENSE'),
    ('cjs-module-lexer', '2.1.0', 'lexer.js', 'cjs-module-lexer',
     'sha512-UX0OwmYRYQQetfrLEZeewIFFI+wSTofC+pMBLNuH3RUuu/xzG1oz84UCEDOSoQlN'
     '3fZ4+AzmV50ZYvGqkMh9yA==', 'LICENSE'),
    ('amaro', '1.1.5', 'dist/index.js', 'amaro',
     'sha512-oo72OEYOSfSPe+96V+jh41gaFWfl9HddXFAHMFM+emjdZkzbtcg0bFWoYaWf8IMl'
     'qmZ0VM8F13frI8Ktt3+ADA==', 'LICENSE.md'),
]


def log(msg):
    print(f'configure: {msg}', flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def have_pkg_config(name):
    return subprocess.run(['pkg-config', '--exists', name]).returncode == 0


def missing_packages(with_optional):
    missing = []
    for tool, pkg in TOOL_DEPS + (OPTIONAL_TOOLS if with_optional else []):
        if shutil.which(tool) is None:
            missing.append(pkg)
    if shutil.which('pkg-config'):
        for name, pkg in SYSTEM_DEPS:
            if not have_pkg_config(name):
                missing.append(pkg)
    else:
        missing += [pkg for _, pkg in SYSTEM_DEPS]
    for header, pkg in HEADER_DEPS:
        if not os.path.exists(header):
            missing.append(pkg)
    return sorted(set(missing))


def install_packages(pkgs):
    prefix = []
    if os.geteuid() != 0:
        if shutil.which('sudo') is None:
            sys.exit('configure: missing Debian packages; run as root:\n'
                     f'  apt-get install -y {" ".join(pkgs)}')
        prefix = ['sudo']
    log(f'installing {" ".join(pkgs)}')
    env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
    run(prefix + ['apt-get', 'update', '-q'], env=env)
    run(prefix + ['apt-get', 'install', '-y', '-q'] + pkgs, env=env)


def fetch_debs():
    """Downloads and unpacks the .deb files we take pieces of."""
    stamp = os.path.join(CACHE, 'debs.json')
    if os.path.exists(stamp):
        with open(stamp) as f:
            if json.load(f).get('packages') == DEB_PACKAGES:
                return
    debdir = os.path.join(CACHE, 'debs')
    unpacked = os.path.join(CACHE, 'root')
    shutil.rmtree(debdir, ignore_errors=True)
    shutil.rmtree(unpacked, ignore_errors=True)
    os.makedirs(debdir)
    log(f'downloading {" ".join(DEB_PACKAGES)}')
    r = subprocess.run(['apt-get', 'download'] + DEB_PACKAGES, cwd=debdir)
    if r.returncode != 0:
        # apt's package lists may be missing on a fresh machine.
        if os.geteuid() == 0:
            run(['apt-get', 'update', '-q'])
        run(['apt-get', 'download'] + DEB_PACKAGES, cwd=debdir)
    for deb in sorted(glob.glob(os.path.join(debdir, '*.deb'))):
        run(['dpkg-deb', '-x', deb, unpacked])
    with open(stamp, 'w') as f:
        json.dump({'packages': DEB_PACKAGES}, f)


def fetch_v8_inspector_header():
    """Gets V8_INSPECTOR_SOURCE's tarball (once), checks its sha256 and
    keeps the members we need in out/cache/v8-inspector; returns that
    folder. The tarball itself is not kept."""
    import hashlib
    import tarfile
    import urllib.request
    src = V8_INSPECTOR_SOURCE
    dest = os.path.join(CACHE, 'v8-inspector')
    stamp = os.path.join(dest, '.source')
    if os.path.exists(stamp) and all(
            os.path.exists(os.path.join(dest, name))
            for name in src['members'].values()):
        with open(stamp) as f:
            if f.read() == src['sha256']:
                return dest
    tarball = os.path.join(CACHE, src['file'])
    for base in src['urls']:
        log(f'getting {base}{src["file"]} (V8\'s inspector header)')
        try:
            with urllib.request.urlopen(base + src['file'], timeout=120) as r:
                data = r.read()
        except OSError as e:
            log(f'  failed: {e}')
            continue
        if hashlib.sha256(data).hexdigest() != src['sha256']:
            log('  does not match its pinned sha256')
            continue
        with open(tarball, 'wb') as f:
            f.write(data)
        break
    else:
        sys.exit(f'configure: could not get {src["file"]}')
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    with tarfile.open(tarball) as tar:
        for member, name in src['members'].items():
            with open(os.path.join(dest, name), 'wb') as out:
                out.write(tar.extractfile(member).read())
    os.unlink(tarball)
    with open(stamp, 'w') as f:
        f.write(src['sha256'])
    return dest


def stage_v8():
    """Copies V8's headers (only V8's: never node.h or node_api.h) and a
    private copy of libnode.so into out/v8."""
    unpacked = os.path.join(CACHE, 'root')
    src_inc = os.path.join(unpacked, 'usr/include/node')
    inc = os.path.join(OUT, 'v8/include')
    lib = os.path.join(OUT, 'v8/lib')
    shutil.rmtree(inc, ignore_errors=True)
    os.makedirs(inc)
    os.makedirs(lib, exist_ok=True)
    for name in os.listdir(src_inc):
        path = os.path.join(src_inc, name)
        if name.startswith('v8') and name.endswith('.h'):
            shutil.copy2(path, inc)
        elif name in ('cppgc', 'libplatform'):
            shutil.copytree(path, os.path.join(inc, name))
    inspector = fetch_v8_inspector_header()
    # lode implements V8's inspector interfaces against libnode's V8: their
    # layouts must be that V8's, to the patch level.
    want, have = (
        [header_define(os.path.join(d, 'v8-version.h'), name)
         for name in ('V8_MAJOR_VERSION', 'V8_MINOR_VERSION',
                      'V8_BUILD_NUMBER', 'V8_PATCH_LEVEL')]
        for d in (src_inc, inspector))
    if want != have:
        sys.exit('configure: V8\'s inspector header is of V8 '
                 f'{".".join(have)}, libnode-dev of V8 {".".join(want)}: '
                 'update V8_INSPECTOR_SOURCE')
    shutil.copy2(os.path.join(inspector, 'v8-inspector.h'), inc)
    so = os.path.join(unpacked, 'usr/lib/x86_64-linux-gnu/libnode.so.108')
    dst = os.path.join(lib, 'libnode.so.108')
    tool = os.path.join(ROOT, 'tools/v8_bind_local.py')
    copied = (not os.path.exists(dst) or
              os.path.getmtime(dst) < os.path.getmtime(so))
    if copied:
        shutil.copy2(so, dst)
    # The tool is idempotent: a newer one finishes an older one's copy.
    if copied or os.path.getmtime(dst) < os.path.getmtime(tool):
        run([sys.executable, tool, dst])
    llhttp = os.path.join(OUT, 'deps/llhttp')
    shutil.rmtree(llhttp, ignore_errors=True)
    os.makedirs(os.path.join(llhttp, 'include'))
    os.makedirs(os.path.join(llhttp, 'src'))
    for name in ('api.c', 'http.c', 'llhttp.c'):
        shutil.copy2(os.path.join(unpacked, 'usr/share/llhttp', name),
                     os.path.join(llhttp, 'src'))
    shutil.copy2(os.path.join(unpacked, 'usr/share/include/llhttp/llhttp.h'),
                 os.path.join(llhttp, 'include'))


def fetch_npm_deps():
    """Gets each NPM_DEPS package with `npm pack` into out/cache/npm (once),
    checks its integrity and unpacks the one file we embed, with its
    license, into out/deps/<folder>/."""
    import base64
    import hashlib
    import tarfile
    cache = os.path.join(CACHE, 'npm')
    os.makedirs(cache, exist_ok=True)
    for name, version, member, folder, integrity, lic in NPM_DEPS:
        dest = os.path.join(OUT, 'deps', folder)
        stamp = os.path.join(dest, '.version')
        if os.path.exists(stamp):
            with open(stamp) as f:
                if f.read() == version:
                    continue
        tgz = os.path.join(cache, f'{name}-{version}.tgz')
        if not os.path.exists(tgz):
            if shutil.which('npm') is None:
                sys.exit('configure: npm is needed once to get '
                         f'{name}@{version}; install it (apt-get install npm)')
            log(f'getting {name}@{version} with npm pack')
            run(['npm', 'pack', '--silent', f'{name}@{version}'], cwd=cache,
                stdout=subprocess.DEVNULL)
        with open(tgz, 'rb') as f:
            digest = base64.b64encode(hashlib.sha512(f.read()).digest())
        if 'sha512-' + digest.decode() != integrity:
            os.unlink(tgz)
            sys.exit(f'configure: {tgz} does not match its pinned integrity')
        shutil.rmtree(dest, ignore_errors=True)
        with tarfile.open(tgz) as tar:
            for want in (member, lic):
                data = tar.extractfile('package/' + want).read()
                path = os.path.join(dest, want)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, 'wb') as out:
                    out.write(data)
        with open(stamp, 'w') as f:
            f.write(version)


def pkg_version(name):
    return subprocess.run(['pkg-config', '--modversion', name],
                          capture_output=True, text=True).stdout.strip()


def llhttp_version():
    header = os.path.join(OUT, 'deps/llhttp/include/llhttp.h')
    parts = {}
    with open(header) as f:
        for line in f:
            for key in ('MAJOR', 'MINOR', 'PATCH'):
                if line.startswith(f'#define LLHTTP_VERSION_{key} '):
                    parts[key] = line.split()[2]
    return f"{parts['MAJOR']}.{parts['MINOR']}.{parts['PATCH']}"


def header_define(header, name):
    with open(header) as f:
        for line in f:
            if line.startswith(f'#define {name} '):
                return line.split(None, 2)[2].strip().strip('"')
    return ''


def write_config(args):
    variables = {
        'lode_debug': 1 if args.debug else 0,
        'lode_asan': 1 if args.enable_asan else 0,
        'lode_use_snapshot': 0 if args.without_snapshot else 1,
        'lode_v8_include': os.path.join(OUT, 'v8/include'),
        'lode_v8_lib': os.path.join(OUT, 'v8/lib'),
        'lode_llhttp_dir': os.path.join(OUT, 'deps/llhttp'),
        # What process.versions and process.config report.
        'lode_dep_versions': {
            'uv': pkg_version('libuv'),
            'openssl': pkg_version('openssl'),
            'ares': pkg_version('libcares'),
            'nghttp2': pkg_version('libnghttp2'),
            'icu': pkg_version('icu-i18n'),
            'zlib': pkg_version('zlib'),
            'brotli': pkg_version('libbrotlienc'),
            'llhttp': llhttp_version(),
            'amaro': next(d[1] for d in NPM_DEPS if d[0] == 'amaro'),
        },
    }
    config = {'variables': {k: v for k, v in variables.items()
                            if k != 'lode_dep_versions'}}
    with open(os.path.join(ROOT, 'config.gypi'), 'w') as f:
        f.write('# Written by configure.py; do not edit.\n')
        f.write(json.dumps(config, indent=2, sort_keys=True) + '\n')
    gen = os.path.join(OUT, 'gen')
    os.makedirs(gen, exist_ok=True)
    versions = variables['lode_dep_versions']
    body = ['// Written by configure.py; do not edit.',
            '#ifndef LODE_CONFIG_H_', '#define LODE_CONFIG_H_']
    for key, value in sorted(versions.items()):
        body.append(f'#define LODE_DEP_VERSION_{key.upper()} "{value}"')
    body.append(f'#define LODE_ICU_VER_MAJOR "{versions["icu"].split(".")[0]}"')
    body += ['#endif  // LODE_CONFIG_H_', '']
    write_if_changed(os.path.join(gen, 'lode_config.h'), '\n'.join(body))
    buildtype = 'Debug' if args.debug else 'Release'
    with open(os.path.join(ROOT, 'config.mk'), 'w') as f:
        f.write('# Written by configure.py; do not edit.\n')
        f.write(f'BUILDTYPE := {buildtype}\n')
        f.write(f'LODE_ASAN := {1 if args.enable_asan else 0}\n')


def write_if_changed(path, text):
    if os.path.exists(path):
        with open(path) as f:
            if f.read() == text:
                return
    with open(path, 'w') as f:
        f.write(text)


def run_gyp():
    run(['gyp', '--depth=.', '-f', 'make', '--generator-output=out',
         '-Goutput_dir=.', '-Iconfig.gypi', '-Icommon.gypi', 'node.gyp'], cwd=ROOT)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--debug', action='store_true',
                    help='a debug build (out/Debug)')
    ap.add_argument('--enable-asan', action='store_true',
                    help='build with AddressSanitizer and UBSan')
    ap.add_argument('--without-snapshot', action='store_true',
                    help='no V8 startup snapshot: bootstrap from the '
                    'embedded sources at every start')
    ap.add_argument('--no-install', action='store_true',
                    help='never run apt-get install; fail instead')
    ap.add_argument('--gyp-only', action='store_true',
                    help='only regenerate out/Makefile')
    args = ap.parse_args()
    os.chdir(ROOT)
    if not args.gyp_only:
        missing = missing_packages(with_optional=True)
        if missing:
            if args.no_install:
                sys.exit('configure: missing Debian packages: '
                         + ' '.join(missing))
            install_packages(missing)
        fetch_debs()
        stage_v8()
        write_config(args)
    # Also on --gyp-only: node.gyp lists these files.
    fetch_npm_deps()
    run_gyp()
    log('done; now run make -j2')


if __name__ == '__main__':
    main()

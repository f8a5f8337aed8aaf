#!/usr/bin/env python3
"""Installs what addons build against into PREFIX/include/node: lode's
Node-API headers, libuv's headers, and the files node-gyp reads from a
--nodedir (common.gypi, config.gypi, node_version.h), all written from
lode's own sources (the versions come from src/lode_version.h).

  tools/install-headers.py --prefix /opt/lode

Then `node-gyp rebuild --nodedir=/opt/lode` builds a Node-API addon for
lode (node-gyp run by lode itself finds the folder on its own, next to
bin/lode).
"""

import argparse
import os
import re
import shutil
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAPI_HEADERS = ['js_native_api.h', 'js_native_api_types.h', 'node_api.h',
                'node_api_types.h']


def lode_versions():
    """The #defines of src/lode_version.h."""
    with open(os.path.join(REPO, 'src', 'lode_version.h')) as f:
        text = f.read()
    values = {}
    for name, value in re.findall(r'#define[ \t]+(\w+)[ \t]+(\S+)', text):
        values[name] = value.strip('"')
    return values


def uv_include_dir():
    for candidate in (os.environ.get('UV_INCLUDE_DIR'), '/usr/include',
                      '/usr/local/include'):
        if candidate and os.path.isfile(os.path.join(candidate, 'uv.h')):
            return candidate
    return None


COMMON_GYPI = """\
# Build settings for addons built against lode with node-gyp (written by
# lode's tools/install-headers.py).
{
  'variables': {
    'napi_build_version%%': '%(napi)s',
  },
  'target_defaults': {
    'default_configuration': 'Release',
    'configurations': {
      'Release': {
        'cflags': ['-O3'],
        'defines': ['NDEBUG'],
      },
      'Debug': {
        'cflags': ['-g', '-O0'],
        'defines': ['DEBUG', '_DEBUG'],
      },
    },
    'cflags': ['-Wall', '-Wextra', '-Wno-unused-parameter', '-pthread',
               '-fPIC'],
    'cflags_cc': ['-fno-rtti', '-fno-exceptions', '-std=gnu++17'],
    'ldflags': ['-pthread', '-rdynamic'],
  },
}
"""

CONFIG_GYPI = """\
# What node-gyp reads about the runtime addons are built for (written by
# lode's tools/install-headers.py).
{
  "target_defaults": {
    "default_configuration": "Release"
  },
  "variables": {
    "host_arch": "%(arch)s",
    "target_arch": "%(arch)s",
    "napi_build_version": "%(napi)s",
    "node_module_version": %(module_version)s,
    "node_shared": "false",
    "node_shared_libuv": "true",
    "node_shared_openssl": "true",
    "node_shared_zlib": "true",
    "node_use_openssl": "true",
    "node_install_npm": "false",
    "node_prefix": "%(prefix)s",
    "node_byteorder": "little",
    "openssl_fips": "",
    "uv_library": "shared"
  }
}
"""

NODE_VERSION_H = """\
/* The Node.js version lode matches, for addons that test it at compile
 * time (written by lode's tools/install-headers.py from
 * src/lode_version.h). */
#ifndef LODE_INSTALLED_NODE_VERSION_H_
#define LODE_INSTALLED_NODE_VERSION_H_

#define NODE_MAJOR_VERSION %(major)s
#define NODE_MINOR_VERSION %(minor)s
#define NODE_PATCH_VERSION %(patch)s
#define NODE_VERSION_IS_RELEASE 1
#define NODE_STRINGIFY(n) NODE_STRINGIFY_HELPER(n)
#define NODE_STRINGIFY_HELPER(n) #n
#define NODE_VERSION_STRING "%(major)s.%(minor)s.%(patch)s"
#define NODE_VERSION "v" NODE_VERSION_STRING
#define NODE_VERSION_AT_LEAST(major, minor, patch)               \\
  ((major) < NODE_MAJOR_VERSION ||                                \\
   ((major) == NODE_MAJOR_VERSION && (minor) < NODE_MINOR_VERSION) || \\
   ((major) == NODE_MAJOR_VERSION && (minor) == NODE_MINOR_VERSION && \\
    (patch) <= NODE_PATCH_VERSION))

/* The addon ABI of V8/NAN addons (lode does not load those). */
#define NODE_MODULE_VERSION %(module_version)s

/* The Node-API levels this runtime supports. */
#define NODE_API_SUPPORTED_VERSION_MIN 1
#define NODE_API_SUPPORTED_VERSION_MAX %(napi)s
#define NODE_API_DEFAULT_MODULE_API_VERSION 8

#endif /* LODE_INSTALLED_NODE_VERSION_H_ */
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--prefix', required=True)
    args = ap.parse_args()

    v = lode_versions()
    prefix = os.path.abspath(args.prefix)
    dest = os.path.join(prefix, 'include', 'node')
    os.makedirs(dest, exist_ok=True)
    for name in NAPI_HEADERS:
        shutil.copyfile(os.path.join(REPO, 'src', name),
                        os.path.join(dest, name))
    uv_dir = uv_include_dir()
    if uv_dir is None:
        print('warning: uv.h not found; addons that use libuv will not '
              'build', file=sys.stderr)
    else:
        shutil.copyfile(os.path.join(uv_dir, 'uv.h'),
                        os.path.join(dest, 'uv.h'))
        shutil.copytree(os.path.join(uv_dir, 'uv'), os.path.join(dest, 'uv'),
                        dirs_exist_ok=True)
    fields = {
        'napi': v['LODE_NAPI_VERSION'],
        'module_version': v['LODE_NODE_MODULE_VERSION'],
        'major': v['LODE_NODE_MAJOR_VERSION'],
        'minor': v['LODE_NODE_MINOR_VERSION'],
        'patch': v['LODE_NODE_PATCH_VERSION'],
        'arch': {'x86_64': 'x64', 'aarch64': 'arm64'}.get(os.uname().machine,
                                                           os.uname().machine),
        'prefix': prefix,
    }
    for name, template in (('common.gypi', COMMON_GYPI),
                           ('config.gypi', CONFIG_GYPI),
                           ('node_version.h', NODE_VERSION_H)):
        with open(os.path.join(dest, name), 'w') as f:
            f.write(template % fields)
    print('installed the addon headers in %s' % dest)
    return 0


if __name__ == '__main__':
    sys.exit(main())

'use strict';

// Certificates as tls shows them: the object getPeerCertificate() returns
// (built natively, finished here) and tls.checkServerIdentity(), which
// matches a host name against a certificate's names (RFC 6125).

const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSome,
  JSONParse,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeSubstring,
} = primordials;

const { canonicalizeIP } = internalBinding('cares_wrap');
const {
  codes: {
    ERR_TLS_CERT_ALTNAME_FORMAT,
    ERR_TLS_CERT_ALTNAME_INVALID,
  },
} = require('internal/errors');
const { isIP } = require('internal/net');

// infoAccess arrives as text and becomes an object of arrays (see
// internal/crypto/x509's infoAccessObject).
function translatePeerCertificate(cert) {
  if (!cert) return null;
  if (cert.issuerCertificate != null && cert.issuerCertificate !== cert) {
    cert.issuerCertificate = translatePeerCertificate(cert.issuerCertificate);
  }
  if (cert.infoAccess != null && typeof cert.infoAccess === 'string') {
    cert.infoAccess =
      require('internal/crypto/x509').infoAccessObject(cert.infoAccess);
  }
  return cert;
}

function withoutTrailingDot(host) {
  return StringPrototypeEndsWith(host, '.') ?
    StringPrototypeSlice(host, 0, -1) : host;
}

// Lowercase ASCII only: String#toLowerCase() depends on the locale.
function lowerAscii(c) {
  return StringFromCharCode(StringPrototypeCharCodeAt(c, 0) + 32);
}

function hostLabels(host) {
  return StringPrototypeSplit(
    RegExpPrototypeSymbolReplace(/[A-Z]/g, withoutTrailingDot(host),
                                 lowerAscii),
    '.');
}

function hasNonPrintable(label) {
  return RegExpPrototypeExec(/[^\u0021-\u007F]/u, label) !== null;
}

// Whether `pattern` (a DNS name or CN, maybe with one wildcard in its
// first label) names the host whose labels are `host`.
function matchesPattern(host, pattern) {
  if (!pattern) return false;
  const labels = hostLabels(pattern);
  if (labels.length !== host.length) return false;
  if (ArrayPrototypeIncludes(labels, '')) return false;
  // Unicode labels (IDNA U-labels), controls and blanks never match.
  if (ArrayPrototypeSome(labels, hasNonPrintable)) return false;
  for (let i = host.length - 1; i > 0; i--) {
    if (host[i] !== labels[i]) return false;
  }
  const first = labels[0];
  const pieces = StringPrototypeSplit(first, '*', 3);
  // No wildcard, or a punycode label (never wildcard-expanded).
  if (pieces.length === 1 || StringPrototypeIncludes(first, 'xn--')) {
    return host[0] === first;
  }
  // One wildcard at most, and never "*.tld".
  if (pieces.length > 2 || labels.length <= 2) return false;
  const prefix = pieces[0];
  const suffix = pieces[1];
  const target = host[0];
  return prefix.length + suffix.length <= target.length &&
    StringPrototypeStartsWith(target, prefix) &&
    StringPrototypeEndsWith(target, suffix);
}

// A JSON string literal at the start of a text (see the C++ side, which
// quotes names that hold commas, quotes or controls).
const kQuotedName =
  // eslint-disable-next-line no-control-regex
  /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/;

// "DNS:a, DNS:"b,c", IP Address:1.2.3.4" into its names.
function splitAltNames(text) {
  if (!StringPrototypeIncludes(text, '"')) {
    return StringPrototypeSplit(text, ', ');
  }
  const names = [];
  let current = '';
  let at = 0;
  while (at !== text.length) {
    const comma = StringPrototypeIndexOf(text, ',', at);
    const quote = StringPrototypeIndexOf(text, '"', at);
    if (quote !== -1 && (comma === -1 || quote < comma)) {
      current += StringPrototypeSubstring(text, at, quote);
      const match = RegExpPrototypeExec(kQuotedName,
                                        StringPrototypeSubstring(text, quote));
      if (match === null) throw new ERR_TLS_CERT_ALTNAME_FORMAT();
      current += JSONParse(match[0]);
      at = quote + match[0].length;
    } else if (comma !== -1) {
      current += StringPrototypeSubstring(text, at, comma);
      ArrayPrototypePush(names, current);
      current = '';
      at = comma + 2;
    } else {
      current += StringPrototypeSubstring(text, at);
      at = text.length;
    }
  }
  ArrayPrototypePush(names, current);
  return names;
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];

  hostname = '' + hostname;

  if (altNames) {
    const names = splitAltNames(altNames);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (StringPrototypeStartsWith(name, 'DNS:')) {
        ArrayPrototypePush(dnsNames, StringPrototypeSlice(name, 4));
      } else if (StringPrototypeStartsWith(name, 'IP Address:')) {
        ArrayPrototypePush(ips, canonicalizeIP(StringPrototypeSlice(name, 11)));
      }
    }
  }

  let valid = false;
  let reason = 'Unknown reason';
  // The error shows the name without its trailing dot.
  hostname = withoutTrailingDot(hostname);

  if (isIP(hostname)) {
    valid = ArrayPrototypeIncludes(ips, canonicalizeIP(hostname));
    if (!valid) {
      reason = `IP: ${hostname} is not in the cert's list: ` +
        ArrayPrototypeJoin(ips, ', ');
    }
  } else if (dnsNames.length > 0 || subject?.CN) {
    const host = hostLabels(hostname);
    const matches = (pattern) => matchesPattern(host, pattern);
    if (dnsNames.length > 0) {
      valid = ArrayPrototypeSome(dnsNames, matches);
      if (!valid) {
        reason = `Host: ${hostname}. is not in the cert's altnames: ` +
          `${altNames}`;
      }
    } else {
      // The common name counts only when there are no DNS names.
      const cn = subject.CN;
      if (ArrayIsArray(cn)) {
        valid = ArrayPrototypeSome(cn, matches);
      } else if (cn) {
        valid = matches(cn);
      }
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }

  if (!valid) {
    return new ERR_TLS_CERT_ALTNAME_INVALID(reason, hostname, cert);
  }
}

module.exports = {
  checkServerIdentity,
  translatePeerCertificate,
};

// Certificate failures in words, for the platform and for providers alike: the codes Node gives are
// not something a user can act on. A test certificate is trusted with NODE_EXTRA_CA_CERTS=cert.pem.
const TLS_PROBLEMS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed and not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain ends in an untrusted self-signed certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer of its TLS certificate is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
}

export function tlsProblem(code: string | undefined): string | undefined {
  return code === undefined ? undefined : TLS_PROBLEMS[code]
}

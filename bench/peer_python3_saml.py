"""Peer: python3-saml (Debian python3-onelogin-saml2) validating every response of a
directory in one process, strict mode, with the IdP certificate pinned. Prints the number
validated; exits 1 unless all were valid. Run with /usr/bin/python3 (Debian's python).

    /usr/bin/python3 bench/peer_python3_saml.py CERT.pem DIR
"""
import base64
import calendar
import os
import sys

from onelogin.saml2.response import OneLogin_Saml2_Response
from onelogin.saml2.settings import OneLogin_Saml2_Settings
from onelogin.saml2.utils import OneLogin_Saml2_Utils

# The fixtures' validity window (fixtures/README.md): the same `now` samlkit is given.
NOW = calendar.timegm((2024, 5, 1, 12, 1, 0))
OneLogin_Saml2_Utils.now = staticmethod(lambda: NOW)


def main():
    cert_path, directory = sys.argv[1], sys.argv[2]
    with open(cert_path) as cert_file:
        cert = cert_file.read()
    settings = OneLogin_Saml2_Settings({
        "strict": True,
        "sp": {
            "entityId": "urn:amazon:webservices",
            "assertionConsumerService": {"url": "https://signin.aws.amazon.com/saml"},
        },
        "idp": {
            "entityId": "http://www.okta.com/exk1fxcj2k3Lm4NoP5d7",
            "singleSignOnService": {"url": "https://example.okta.com/app/sso/saml"},
            "x509cert": cert,
        },
        "security": {"wantAssertionsSigned": True},
    }, sp_validation_only=True)
    request = {"https": "on", "http_host": "signin.aws.amazon.com", "script_name": "/saml"}
    names = sorted(os.listdir(directory))
    valid = 0
    for name in names:
        with open(os.path.join(directory, name), "rb") as message:
            encoded = base64.b64encode(message.read())
        response = OneLogin_Saml2_Response(settings, encoded)
        if response.is_valid(request, raise_exceptions=False):
            valid += 1
        elif valid == 0:
            print("invalid:", name, response.get_error(), file=sys.stderr)
    print("files", len(names), "valid", valid)
    return 0 if valid == len(names) else 1


if __name__ == "__main__":
    sys.exit(main())

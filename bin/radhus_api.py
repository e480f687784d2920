"""The public API of a running Rådhus, for the command-line tools in bin/ (standard library only)."""
import json
import os
import sys
import urllib.error
import urllib.request


class Client:
    """Calls the gateway as one user: RADHUS_TOKEN from the environment, or a token from the development
    issuer (bin/radhus up turns it on) for the given roles."""

    def __init__(self, base, subject, roles):
        self.base = base.rstrip("/")
        self.subject = subject
        self.roles = roles
        self._token = os.environ.get("RADHUS_TOKEN")

    def token(self):
        if self._token is None:
            req = urllib.request.Request(self.base + "/dev/token", method="POST",
                                         headers={"Content-Type": "application/json"},
                                         data=json.dumps({"subject": self.subject, "roles": self.roles}).encode("utf-8"))
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    self._token = json.loads(r.read().decode("utf-8"))["access_token"]
            except (urllib.error.HTTPError, urllib.error.URLError) as e:
                sys.exit(f"{self.subject}: no token from {self.base}/dev/token ({e}): start the suite with "
                         "bin/radhus up, or set RADHUS_TOKEN")
        return self._token

    def call(self, method, path, body=None, content_type="application/json", timeout=30):
        """(status, parsed JSON answer); body is JSON-encoded unless it is bytes."""
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": content_type, "Accept": "application/json",
                                              "X-Request-Id": self.subject, "Authorization": "Bearer " + self.token()})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                text = r.read().decode("utf-8")
                return r.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as e:
            text = e.read().decode("utf-8")
            try:
                return e.code, json.loads(text)
            except ValueError:
                return e.code, {"detail": text}

#!/usr/bin/env python3
"""Signs in through the portal's login form for scripts/scan.sh and hands the session to the scanners.

usage: scan_session.py BASE_URL LOGIN PASSWORD OUT_PREFIX

Writes OUT_PREFIX.header (the Cookie header's value, for sqlmap's --cookie) and OUT_PREFIX.json (the same cookies in
wapiti's JSON cookie-file format). Cookies are read from Set-Cookie by hand, not through a cookie jar, so that a
cookie marked Secure still travels to the loopback address the scan runs on.
"""
import html.parser
import json
import sys
import urllib.error
import urllib.parse
import urllib.request


class Token(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.token = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name") == "__RequestVerificationToken" and self.token is None:
            self.token = a.get("value")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fail(message):
    print(f"scan_session: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    base, login, password, out = sys.argv[1:5]
    opener = urllib.request.build_opener(NoRedirect())
    cookies = {}

    def request(method, path, fields=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        req = urllib.request.Request(base + path, data=data, method=method)
        if cookies:
            req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
        try:
            response = opener.open(req, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if value:
                cookies[name.strip()] = value
            else:
                cookies.pop(name.strip(), None)
        return response.status, response.headers, response.read().decode("utf-8", "replace")

    status, _, page = request("GET", "/Account/Login")
    if status != 200:
        fail(f"GET /Account/Login answered {status}")
    parser = Token()
    parser.feed(page)
    if not parser.token:
        fail("the sign-in page has no antiforgery token")
    status, headers, _ = request("POST", "/Account/Login", {
        "Input.Login": login,
        "Input.Password": password,
        "__RequestVerificationToken": parser.token,
    })
    location = headers.get("Location") or ""
    if status != 302 or "/Account/Login" in location:
        fail(f"the sign-in of {login} answered {status} {location}")
    if "TwoFactor" in location or "2fa" in location.lower():
        fail(f"{login} needs a second factor ({location}): choose an account without one")
    if not any(name.startswith("attestation.auth") for name in cookies):
        fail(f"the sign-in of {login} set no session cookie (cookies: {', '.join(cookies)})")

    with open(out + ".header", "w", encoding="utf-8") as f:
        f.write("; ".join(f"{k}={v}" for k, v in cookies.items()))
    host = urllib.parse.urlsplit(base).hostname
    jar = {host: {"/": {name: {"value": value, "version": 0, "expires": None, "secure": False, "port": None}
                        for name, value in cookies.items()}}}
    with open(out + ".json", "w", encoding="utf-8") as f:
        json.dump(jar, f)


if __name__ == "__main__":
    main()

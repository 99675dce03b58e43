#!/usr/bin/env python3
"""The checks of scripts/two-instances.sh: a session and a form made on one instance work on the other, the load
balancer spreads requests over both, and both instances' lines reach the one shared log file.

usage: two_instances_check.py A_URL B_URL BALANCER_URL LOGIN PASSWORD LOG_FOLDER
"""
import html.parser
import http.cookiejar
import json
import pathlib
import random
import sys
import urllib.error
import urllib.parse
import urllib.request


class Forms(html.parser.HTMLParser):
    """Every form of a page: its id, action and fields (name → value) as a browser would send them."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._current = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._current = {"id": a.get("id"), "action": a.get("action"), "fields": {}}
            self.forms.append(self._current)
        elif tag == "input" and self._current is not None and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "button", "file"):
                return
            self._current["fields"].setdefault(a["name"], a.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    a, b, balancer, login, password, log_folder = sys.argv[1:7]
    jar = http.cookiejar.CookieJar()  # cookies belong to the host, not the port: all three share them, as behind one name
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())

    def request(method, url, fields=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        try:
            with opener.open(urllib.request.Request(url, data=data, method=method), timeout=60) as response:
                return response.status, response.headers, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")

    def form(html_text, predicate):
        parser = Forms()
        parser.feed(html_text)
        for f in parser.forms:
            if predicate(f):
                return f
        fail("the expected form is not on the page")

    # 1. Signed in on the first instance.
    status, _, page = request("GET", f"{a}/Account/Login")
    if status != 200:
        fail(f"GET {a}/Account/Login answered {status}")
    sign_in = form(page, lambda f: "Input.Login" in f["fields"])
    sign_in["fields"].update({"Input.Login": login, "Input.Password": password})
    status, headers, _ = request("POST", f"{a}/Account/Login", sign_in["fields"])
    if status != 302:
        fail(f"sign-in on {a} answered {status}, not a redirect")
    print(f"ok: signed in as {login} on {a}")

    # 2. The session and a form fetched from the first instance are accepted by the second.
    status, _, page = request("GET", f"{a}/Account/Profile")
    if status != 200:
        fail(f"GET {a}/Account/Profile answered {status}")
    profile = form(page, lambda f: f["id"] == "profile")
    phone = f"+7 913 {random.randint(100, 999)}-{random.randint(10, 99)}-{random.randint(10, 99)}"
    profile["fields"]["Input.Phone"] = phone
    status, _, body = request("POST", f"{b}/Account/Profile", profile["fields"])
    if status not in (200, 302):
        fail(f"the profile form from {a} posted to {b} answered {status}")
    status, _, page = request("GET", f"{a}/Account/Profile")
    saved = form(page, lambda f: f["id"] == "profile")["fields"].get("Input.Phone")
    if saved != phone:
        fail(f"the phone saved through {b} reads {saved!r} on {a}, expected {phone!r}")
    print(f"ok: a form from {a} posted to {b} saved {phone}, read back on {a}")

    # 3. The balancer spreads a signed-in page over both instances, all answered.
    upstreams = {}
    for _ in range(20):
        status, headers, _ = request("GET", f"{balancer}/Account/Profile")
        if status != 200:
            fail(f"GET {balancer}/Account/Profile answered {status}")
        upstream = headers.get("X-Upstream", "?")
        upstreams[upstream] = upstreams.get(upstream, 0) + 1
    if len(upstreams) < 2:
        fail(f"the balancer sent every request to one instance: {upstreams}")
    print(f"ok: 20 signed-in requests through {balancer}: {upstreams}")

    # 4. Both instances' lines are in the one shared log file.
    instances = set()
    files = sorted(pathlib.Path(log_folder).glob("portal-*.log"))
    if not files:
        fail(f"no log file in {log_folder}")
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            try:
                instances.add(json.loads(line).get("Instance"))
            except json.JSONDecodeError:
                fail(f"a line of {file} is not JSON (two writers interleaved?): {line[:120]}")
    instances.discard(None)
    if len(instances) < 2:
        fail(f"the shared log file holds the lines of {len(instances)} instance(s): {sorted(instances)}")
    print(f"ok: the shared log holds both instances' lines: {sorted(instances)}")


if __name__ == "__main__":
    main()

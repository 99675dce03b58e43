#!/usr/bin/env python3
"""Debian 12's wapiti 3.0.4 with its excluded URLs (-x) working; same arguments as wapiti.

Its wildcard_translate ends the pattern with «(?ms)», which Python 3.11's re refuses («global flags not at the start»),
so any -x stopped the scan. Run it with Debian's /usr/bin/python3, which has wapitiCore.
"""
import re
import sys

import wapitiCore.net.crawler as crawler
from wapitiCore.main.wapiti import wapiti_main


def wildcard_translate(pattern):
    return re.compile("(?ms)" + "".join(".*" if char == "*" else re.escape(char) for char in pattern) + r"\Z")


crawler.wildcard_translate = wildcard_translate
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())

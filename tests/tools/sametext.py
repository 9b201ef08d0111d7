#!/usr/bin/env python3
"""sametext.py PAGE.html DOC.txt: does the HTML page carry the same text as the PDF?

DOC.txt is pdftotext's output of the PDF. White space and hyphens are ignored (the PDF breaks
lines, the page does not), and so are the PDF's page footers (第 N 页 共 M 页). pdftotext reads a
table across its columns line by line, so the table's text (from its first header cell
to the paragraph after it) is compared as a multiset of characters, after removing the
head row the PDF repeats on a new page; everything else in
order. Prints "same" or where they differ; exit 0 or 1."""
import collections
import html.parser
import re
import sys


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.head, self.skip, self.th = [], [], 0, 0

    def handle_starttag(self, tag, attrs):
        if tag in ("head", "style", "title"):
            self.skip += 1
        self.th += tag == "th"

    def handle_endtag(self, tag):
        if tag in ("head", "style", "title"):
            self.skip -= 1
        self.th -= tag == "th"

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)
            if self.th:
                self.head.append(data)


def flat(s):
    # pdftotext joins a word broken after a hyphen at a line end and drops the hyphen
    # ("nanyue-" / "hospital"), so hyphens are left out of the comparison.
    return re.sub(r"[\s-]", "", s)


page = Text()
page.feed(open(sys.argv[1], encoding="utf-8").read())
h = flat("".join(page.parts))
t = open(sys.argv[2], encoding="utf-8").read()
t = flat(re.sub(r"第\s*\d+\s*页\s*共\s*\d+\s*页", "", t))
start, end = sys.argv[3], sys.argv[4]


def split(s):
    a = s.index(start)
    b = s.index(end, a)
    return s[:a], s[a:b], s[b:]


(h1, h2, h3), (t1, t2, t3) = split(h), split(t)
for name, x, y in (("before the table", h1, t1), ("after the table", h3, t3)):
    if x != y:
        i = next((k for k, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
        print(f"{name}: differ at character {i}: html '{x[i-15:i+15]}' pdf '{y[i-15:i+15]}'")
        sys.exit(1)
# A table that runs over a page repeats its head rows there.
head = flat("".join(page.head))
if head and t2.count(head) > 1:
    first = t2.index(head) + len(head)
    t2 = t2[:first] + t2[first:].replace(head, "")
if collections.Counter(h2) != collections.Counter(t2):
    print(f"the table's text differs: html '{h2}' pdf '{t2}'")
    sys.exit(1)
print("same")

#!/usr/bin/env python3
"""Render the policymatch sample corpus (fictional Danish municipal documents) to PDF.

Usage:  python3 make_samples.py [--out DIR]

Reads every ``src/*.md`` file next to this script and writes one PDF per file
(the ``file:`` field in its header) plus ``MANIFEST.tsv`` into the project's
``corpus-samples/`` folder (or ``--out DIR``). The sources live here rather than
beside the PDFs so that indexing ``corpus-samples/`` finds only documents.
Requires fpdf2 (``pip install fpdf2``) and the DejaVu TTF fonts
(``apt-get install fonts-dejavu-core``; the path can be overridden with the
environment variable ``DEJAVU_DIR``). Output is deterministic: the creation
date and the document ID are fixed, so re-running gives byte-identical files
for the same fpdf2 version and font files.

Source markup (a tiny subset of Markdown):

    ---                      header block, "key: value" lines:
    file: name.pdf             output file name
    municipality: Havsø Kommune
    area: sundhed              (used in MANIFEST.tsv)
    year: 2026
    title: Sundhedspolitik 2026–2030   (running header + PDF title metadata)
    subtitle: ...              (optional, shown under the title)
    kicker: ...                (optional, small line above the title)
    ---
    # Heading 1 / ## Heading 2 / ### Heading 3
    - bullet item
    ! bold paragraph (e.g. "Indstilling" lines, highlighted goals)
    > framed note (e.g. contact boxes)
    === page break
    blank line = paragraph break; consecutive lines are joined with a space.
    "~" inside a word marks an optional (soft) hyphenation point; soft hyphens
    are also added automatically after common compound stems (HYPHEN_STEMS).
"""
import argparse
import datetime as dt
import glob
import os
import re
import sys

from fpdf import FPDF

HERE = os.path.dirname(os.path.abspath(__file__))
FONT_DIR = os.environ.get("DEJAVU_DIR", "/usr/share/fonts/truetype/dejavu")
SOFT_HYPHEN = "\u00ad"
FIXED_DATE = dt.datetime(2026, 11, 27, 8, 0, 0, tzinfo=dt.timezone.utc)

# Compound-word stems after which an optional (soft) hyphen is inserted when at
# least three more letters follow, e.g. "ensomheds|indsatsen", "forenings|livet".
# Where such a soft hyphen lands at a line end, the PDF shows "ensomheds-" on
# one line and "indsatsen" on the next, which exercises de-hyphenation in the
# extractor. Unbroken soft hyphens are not written to the text layer.
HYPHEN_STEMS = ["ensomheds", "frivilligheds", "forenings", "sundheds", "idræts",
                "pårørende", "besøgs", "ansøgnings", "hørings", "demens",
                "handicap", "kommunal", "omsorgs", "fritids", "kørsels",
                "trivsels", "fællesskabs", "misbrugs", "aktivitets", "ældre"]
_STEM_RE = re.compile(r"(?<![^\W\d_])(%s)(?=[a-zæøå]{3,})" % "|".join(HYPHEN_STEMS),
                      re.IGNORECASE)


def add_soft_hyphens(text):
    text = text.replace("~", SOFT_HYPHEN)
    return _STEM_RE.sub(lambda m: m.group(1) + SOFT_HYPHEN, text)


def parse(path):
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    if not lines or lines[0].strip() != "---":
        sys.exit(f"{path}: missing header block")
    meta, i = {}, 1
    while lines[i].strip() != "---":
        key, _, value = lines[i].partition(":")
        meta[key.strip()] = value.strip()
        i += 1
    blocks, para, kind = [], [], None

    def flush():
        nonlocal para, kind
        if para:
            blocks.append((kind, " ".join(para)))
        para, kind = [], None

    for raw in lines[i + 1:]:
        line = raw.rstrip()
        s = line.strip()
        if not s:
            flush()
            continue
        for prefix, k in (("### ", "h3"), ("## ", "h2"), ("# ", "h1")):
            if s.startswith(prefix):
                flush()
                blocks.append((k, s[len(prefix):]))
                break
        else:
            if s == "===":
                flush()
                blocks.append(("pagebreak", ""))
            elif s.startswith("- "):
                flush()
                para, kind = [s[2:]], "bullet"
            elif s.startswith("! ") and kind is None:
                para, kind = [s[2:]], "bold"
            elif s.startswith("> "):
                if kind != "note":
                    flush()
                    kind = "note"
                para.append(s[2:])
            else:
                if kind is None:
                    kind = "p"
                para.append(s)
    flush()
    for key in ("file", "municipality", "area", "year", "title"):
        if key not in meta:
            sys.exit(f"{path}: header lacks '{key}'")
    return meta, blocks


class Doc(FPDF):
    def __init__(self, meta):
        super().__init__(format="A4", unit="mm")
        self.meta = meta
        self.set_margins(22, 22, 22)
        self.set_auto_page_break(True, margin=22)
        for style, fname in (("", "DejaVuSerif.ttf"), ("B", "DejaVuSerif-Bold.ttf")):
            self.add_font("Serif", style, os.path.join(FONT_DIR, fname))
        for style, fname in (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf")):
            self.add_font("Sans", style, os.path.join(FONT_DIR, fname))

    def header(self):
        self.set_y(10)
        self.set_font("Sans", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 4, self.meta["title"], align="L")
        self.set_x(self.l_margin)
        self.cell(0, 4, self.meta["municipality"], align="R")
        self.set_draw_color(150, 150, 150)
        self.line(self.l_margin, 15, self.w - self.r_margin, 15)
        self.set_text_color(0, 0, 0)
        self.set_y(self.t_margin)

    def footer(self):
        self.set_y(-15)
        self.set_font("Sans", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"Side {self.page_no()} af {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def render(meta, blocks, out_path):
    pdf = Doc(meta)
    pdf.set_title(meta["title"])
    pdf.set_author(meta["municipality"])
    pdf.set_subject(meta.get("subtitle", meta["title"]))
    pdf.set_keywords(f"{meta['area']} {meta['municipality']} {meta['year']}")
    pdf.set_creator("policymatch corpus-samples/make_samples.py")
    pdf.set_producer("fpdf2")
    pdf.set_lang("da")
    pdf.set_creation_date(FIXED_DATE)
    pdf.file_id = lambda: ""  # no random/time-based /ID -> reproducible output
    pdf.alias_nb_pages("{nb}")
    pdf.add_page()
    w = pdf.epw

    # Title block
    pdf.set_font("Sans", "B", 11)
    pdf.set_text_color(30, 70, 120)
    pdf.cell(w, 6, meta["municipality"], new_x="LMARGIN", new_y="NEXT")
    if meta.get("kicker"):
        pdf.set_font("Sans", "", 9)
        pdf.cell(w, 5, meta["kicker"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Sans", "B", 20)
    pdf.multi_cell(w, 9, meta["title"], new_x="LMARGIN", new_y="NEXT")
    if meta.get("subtitle"):
        pdf.ln(1)
        pdf.set_font("Sans", "", 12)
        pdf.multi_cell(w, 6, meta["subtitle"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    pdf.set_draw_color(30, 70, 120)
    pdf.set_line_width(0.6)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.set_line_width(0.2)
    pdf.ln(6)

    for kind, text in blocks:
        text = add_soft_hyphens(text)
        if kind == "pagebreak":
            pdf.add_page()
        elif kind in ("h1", "h2", "h3"):
            size = {"h1": 14, "h2": 12, "h3": 10.5}[kind]
            # keep heading with the following lines
            if pdf.get_y() > pdf.h - pdf.b_margin - 25:
                pdf.add_page()
            pdf.ln({"h1": 4, "h2": 3, "h3": 1.5}[kind])
            pdf.set_font("Sans", "B", size)
            if kind != "h3":
                pdf.set_text_color(30, 70, 120)
            pdf.multi_cell(w, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            pdf.ln(1.5)
        elif kind == "bullet":
            pdf.set_font("Serif", "", 10)
            pdf.set_x(pdf.l_margin + 4)
            pdf.cell(4, 5, "•")
            pdf.multi_cell(w - 8, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "bold":
            pdf.set_font("Serif", "B", 10)
            pdf.multi_cell(w, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)
        elif kind == "note":
            pdf.set_font("Sans", "", 9)
            pdf.set_fill_color(235, 241, 248)
            pdf.multi_cell(w, 4.8, text, align="L", fill=True, border=1, padding=2,
                           new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        else:
            pdf.set_font("Serif", "", 10)
            pdf.multi_cell(w, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)
    pdf.output(out_path)
    return pdf.pages_count


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(HERE, "..", "..", "corpus-samples"))
    args = ap.parse_args()
    sources = sorted(glob.glob(os.path.join(HERE, "src", "*.md")))
    if not sources:
        sys.exit("no src/*.md files found")
    rows = ["file\tmunicipality\tarea\tyear\ttitle"]
    for src in sources:
        meta, blocks = parse(src)
        pages = render(meta, blocks, os.path.join(args.out, meta["file"]))
        print(f"{meta['file']}\t{pages} pages")
        rows.append("\t".join(meta[k] for k in ("file", "municipality", "area", "year", "title")))
    with open(os.path.join(args.out, "MANIFEST.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()

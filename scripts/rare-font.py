#!/usr/bin/env python3
"""Make the bundled rare-character serif: build/fonts/yishi-rare/ (rare.css + files/*.woff2).

The bundled Noto Serif SC slices (@fontsource) lack 33 characters of GB2312 and every character of
CJK Extension A and beyond, so a name such as 䶮 or 𠮷 would print in whatever the PC has. This
takes those characters from Noto Serif CJK SC (Debian's fonts-noto-cjk, SIL OFL 1.1), converts
the outlines to TrueType (Chromium embeds CFF outlines in a PDF as slow Type 3 fonts), names the
family "Yishi Rare Serif" (a modified version keeps no reserved name) and writes unicode-range
slices of about 600 characters, so a document loads only the slice it uses.

Run once when the fonts change; the output is committed (CI needs neither fontTools nor the
source font). Needs: apt-get install python3-fonttools python3-brotli fonts-noto-cjk
Usage: /usr/bin/python3 scripts/rare-font.py
"""
import glob
import os
import shutil

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc'
OUT = os.path.join(ROOT, 'build', 'fonts', 'yishi-rare')
FAMILY = 'Yishi Rare Serif'
SLICE = 600
# CJK Extension A, B–F and the compatibility supplement: what a school's names may need.
RANGES = [(0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2EBEF), (0x30000, 0x3134F), (0x2F800, 0x2FA1F)]


def bundled_serif_cmap():
    codes = set()
    for f in glob.glob(os.path.join(ROOT, 'node_modules/@fontsource/noto-serif-sc/files/noto-serif-sc-*-400-normal.woff2')):
        codes.update(TTFont(f).getBestCmap().keys())
    return codes


def gb2312():
    chars = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(ord(bytes([hi, lo]).decode('gb2312')))
            except UnicodeDecodeError:
                pass  # the five empty cells at the end of row 55
    return chars


def source_index():
    for i, font in enumerate(TTCollection(SOURCE).fonts):
        if font['name'].getDebugName(1) == 'Noto Serif CJK SC':
            return i
    raise SystemExit('Noto Serif CJK SC not found in ' + SOURCE)


def license_text():
    """The OFL as Debian's copyright file quotes it (indented one space, '.' for blank lines)."""
    text = open('/usr/share/doc/fonts-noto-cjk/copyright', encoding='utf-8').read()
    start = text.index('\nLicense: SIL-1.1\n -') + len('\nLicense: SIL-1.1\n')
    end = text.index('\n\nLicense:', start)
    return '\n'.join('' if line == ' .' else line[1:] for line in text[start:end].split('\n')) + '\n'


def to_truetype(font):
    """CFF outlines → quadratic TrueType glyphs (the fontTools otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font['glyf'] = glyf
    font['loca'] = newTable('loca')
    font['maxp'].tableVersion = 0x00010000
    for attr in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs', 'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(font['maxp'], attr, 0)
    font['maxp'].maxZones = 1
    font['head'].glyphDataFormat = 0
    post = font['post']
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    del font['CFF ']
    if 'VORG' in font:
        del font['VORG']
    font.sfntVersion = '\x00\x01\x00\x00'


def rename(font):
    for record in font['name'].names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = FAMILY
        elif record.nameID == 6:
            record.string = FAMILY.replace(' ', '') + '-Regular'
        elif record.nameID == 3:
            record.string = FAMILY + ' (subset of Noto Serif CJK SC)'


def main():
    index = source_index()
    have = set(TTFont(SOURCE, fontNumber=index).getBestCmap().keys())
    bundled = bundled_serif_cmap()
    missing_gb = [c for c in gb2312() if c not in bundled]
    rare = [c for lo, hi in RANGES for c in range(lo, hi + 1) if c in have]
    slices = [missing_gb] + [rare[i:i + SLICE] for i in range(0, len(rare), SLICE)]
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(os.path.join(OUT, 'files'))
    rules = []
    for n, codes in enumerate(slices):
        font = TTFont(SOURCE, fontNumber=index)
        options = Options()
        options.layout_features = []
        options.hinting = False
        options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 16, 17]
        options.notdef_outline = True
        subsetter = Subsetter(options)
        subsetter.populate(unicodes=codes)
        subsetter.subset(font)
        to_truetype(font)
        rename(font)
        font.flavor = 'woff2'
        file = f'files/yishi-rare-{n}.woff2'
        font.save(os.path.join(OUT, file))
        ranges = []
        for c in sorted(codes):
            if ranges and c == ranges[-1][1] + 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
        urange = ','.join(f'U+{a:x}' if a == b else f'U+{a:x}-{b:x}' for a, b in ranges)
        rules.append(f"/* yishi-rare-{n} */\n@font-face {{\n  font-family: '{FAMILY}';\n  font-style: normal;\n  font-weight: 400;\n  src: url(./{file}) format('woff2');\n  unicode-range: {urange};\n}}\n")
        print(f'{file}: {len(codes)} characters, {os.path.getsize(os.path.join(OUT, file)) // 1024} KB')
    with open(os.path.join(OUT, 'rare.css'), 'w', encoding='utf-8') as f:
        f.write(f'/* {FAMILY}: made by scripts/rare-font.py from Noto Serif CJK SC (SIL OFL 1.1). */\n')
        f.write(f'/* The {len(missing_gb)} GB2312 characters the bundled Noto Serif SC lacks: {"".join(map(chr, missing_gb))} */\n')
        f.write(f'/* CJK Extension A–F characters: {len(rare)} */\n')
        f.write('\n'.join(rules))
    with open(os.path.join(OUT, 'OFL.txt'), 'w', encoding='utf-8') as f:
        f.write(f'{FAMILY} is a modified subset of Noto Serif CJK SC (https://github.com/googlefonts/noto-cjk).\n')
        f.write('Copyright 2017-2022 Adobe (http://www.adobe.com/), with Reserved Font Name "Source".\n\n')
        f.write(license_text())


if __name__ == '__main__':
    main()

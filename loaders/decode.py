"""Turn the bytes of a text file into a string, detecting the encoding from the bytes.

Order of evidence: a byte-order mark; strict UTF-8; then the Chinese legacy
encodings (GB18030, which covers GBK and GB2312, and Big5) judged by
charset-normalizer and confirmed by a strict decode. The file name is never
consulted.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import charset_normalizer

from loaders.errors import BinaryFileError, EmptyFileError, EncodingError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ["gb18030", "big5"]
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def detect_and_decode(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise an error that names ``path`` and the reason."""
    if not data.strip():
        raise EmptyFileError("the file is empty", path=path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise EncodingError(f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                                    f"(byte {exc.start})", path=path) from exc
    sample = data[:8192]
    if b"\x00" in sample or sum(sample.count(c) for c in _CONTROL) > len(sample) // 20:
        raise BinaryFileError("binary data, not text (NUL or control bytes)", path=path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    decodable = []
    for encoding in _LEGACY:
        try:
            decodable.append((encoding, data.decode(encoding)))
        except UnicodeDecodeError:
            continue
    if not decodable:
        raise EncodingError("undecodable bytes: not UTF-8, UTF-16, GB18030/GBK or Big5", path=path)
    if len(decodable) == 1:
        encoding, text = decodable[0]
        return text, encoding
    best = charset_normalizer.from_bytes(data, cp_isolation=_LEGACY).best()
    chosen = _normal_name(best.encoding) if best is not None else None
    for encoding, text in decodable:
        if encoding == chosen:
            return text, encoding
    # Both decode and the detector is unsure: prefer the one with more common Chinese characters.
    encoding, text = max(decodable, key=lambda item: _common_han_ratio(item[1]))
    return text, encoding


def _normal_name(name: str) -> str:
    name = name.lower().replace("_", "")
    if name in ("gb18030", "gbk", "gb2312", "cp936"):
        return "gb18030"
    if name in ("big5", "big5hkscs", "cp950"):
        return "big5"
    return name


_COMMON = set("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞")


def _common_han_ratio(text: str) -> float:
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return sum(c in _COMMON for c in han) / len(han) if han else 0.0

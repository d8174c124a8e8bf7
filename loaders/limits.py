"""The bounds every document is read within, so that no file can exhaust memory or the stack.

A reader checks them *before* it does the expensive thing: the declared sizes of a zip archive's
entries before any is unpacked (Python's zipfile never unpacks more than an entry declares), the
length of the text before it is extracted. docs/security.md lists them with the tests that hold them.
"""

from __future__ import annotations

#: Largest file accepted (upload or ingest), in bytes; ``XUNSHI_MAX_UPLOAD_BYTES`` changes it.
MAX_BYTES = 20 * 1024 * 1024
#: Longest text one document may have once read (about 1,500 pages); longer texts are refused with
#: advice to split them. Extraction costs about 6 s and 300 MB per million characters.
MAX_CHARS = 2_000_000
#: Most entries a zip-based file (.docx) may hold; a Word document has a few dozen.
MAX_ARCHIVE_ENTRIES = 1_000
#: Most bytes a zip-based file may unpack to, all entries together, as the archive declares them.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
#: Most bytes its XML parts may unpack to together: what the XML parser holds as a tree.
MAX_UNPACKED_XML_BYTES = 32 * 1024 * 1024
#: Deepest element nesting an XML part may have (libxml2's own limit without XML_PARSE_HUGE).
MAX_XML_DEPTH = 256

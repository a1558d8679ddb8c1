#!/usr/bin/python3
"""Fill unfinished entries of a Qt .ts catalogue from tab-separated files.

Usage: apply_translations.py CATALOGUE.ts TRANSLATIONS.tsv [MORE.tsv ...]

Each TSV line is `source<TAB>translation` with \\n and \\t escaped as in C. Only entries that are
unfinished or empty are filled; an entry whose source is not in the catalogue is reported (run the
update_translations build target first so the catalogue knows every source string).
"""
import sys
import xml.etree.ElementTree as ET


def unescape(text):
    return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    catalogue = argv[1]
    table = {}
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                if "\t" not in line:
                    print(f"{path}:{number}: no TAB between source and translation")
                    return 1
                source, translation = line.split("\t", 1)
                table[unescape(source)] = unescape(translation)
    tree = ET.parse(catalogue)
    filled, missing = 0, []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        node = message.find("translation")
        if node.get("type") == "unfinished" or not (node.text or ""):
            if source in table:
                node.text = table[source]
                node.attrib.pop("type", None)
                filled += 1
            else:
                missing.append(source)
    tree.write(catalogue, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled}; still unfinished {len(missing)}")
    for source in missing:
        print("  untranslated:", source.replace("\n", "\\n"))
    return 0 if not missing else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

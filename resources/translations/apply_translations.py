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
        forms = node.findall("numerusform")
        empty = not (forms[0].text or "") if forms else not (node.text or "")
        if node.get("type") == "unfinished" or empty:
            if source in table:
                forms = node.findall("numerusform")
                if message.get("numerus") == "yes":
                    # Chinese has one plural form: the translation goes into the first.
                    for extra in forms[1:]:
                        node.remove(extra)
                    form = forms[0] if forms else ET.SubElement(node, "numerusform")
                    form.text = table[source]
                    form.tail = None
                    node.text = None
                else:
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

"""publiccode.yml (https://yml.publiccode.tools): validation, import and export.

``validation.validate(text)`` checks a file offline against the rules of
``rules.yaml`` (publiccode.yml v0.7.0 as italia/publiccode-parser-go applies it)
and answers located errors and warnings with the data normalised to v0.7.
"""

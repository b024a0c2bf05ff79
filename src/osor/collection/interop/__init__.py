"""Open-data interchange: what other catalogues read from and send to us.

publiccode.yml (import and export), DCAT-AP 3 / ADMS-AP RDF (export and
federation import), the bulk catalogue dump, and the import reports that tell
publishers what happened to their files.
"""

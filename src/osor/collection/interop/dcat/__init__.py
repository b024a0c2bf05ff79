"""DCAT-AP 3 / ADMS-AP RDF export of the public catalogue.

``selection`` decides what is public, ``vocabularies`` maps our values to
the EU / ADMS vocabularies (tables in ``data/vocabularies.yaml``), ``graph``
builds the RDF and ``formats`` serialises it; ``services/dcat`` serves it
at ``@dcat``. See docs/dcat.md.
"""

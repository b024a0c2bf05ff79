"""Federation import: ADMS-AP / DCAT-AP RDF from another catalogue.

``parsing`` turns the bytes into an rdflib graph without touching the
network, ``reading`` validates the graph against the rules of
``mapping.yaml`` and maps it to solution records (no Plone), and
``importer`` writes the records into a collection, all or nothing.
"""

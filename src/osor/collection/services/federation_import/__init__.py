"""``POST <collection>/@federation-import``: an ADMS-AP / DCAT-AP file into a collection."""

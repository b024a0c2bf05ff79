"""REST serializers of our types where plone.restapi's differ from what we
need: folderish types list their items from their own records
(``containers``), relation fields only what the viewer may see
(``relations``). Registered as adapters, as plone.restapi's are."""
